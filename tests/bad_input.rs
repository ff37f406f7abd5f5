//! Bad input: every failure exits with its documented code (2 unless said otherwise), names the
//! file and the line, byte or field at fault, and never panics. The good inputs of a batch are
//! still scored, and `gate` never passes anything it could not read.

use std::io::Write;
use std::path::Path;
use std::process::Stdio;

use calque::input::DEFAULT_MAX_BYTES;
use serde_json::Value;

use super::{calque, data, jsonl, path, run, shell};

/// Writes `bytes` to `dir/name` and returns the path as a string.
fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> String {
    let file = dir.join(name);
    std::fs::write(&file, bytes).unwrap();
    file.display().to_string()
}

/// Runs calque, checks the exit code and that nothing panicked; returns (stdout, stderr).
fn expect(code: i32, args: &[&str]) -> (String, String) {
    let (got, stdout, stderr) = run(args);
    assert_eq!(
        got, code,
        "calque {args:?}\nstdout: {stdout}\nstderr: {stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    (stdout, stderr)
}

/// Asserts that `message` contains every fragment.
fn mentions(message: &str, fragments: &[&str]) {
    for fragment in fragments {
        assert!(message.contains(fragment), "{fragment:?} not in: {message}");
    }
}

/// Runs calque with `input` on standard input; returns (exit code, stdout, stderr).
fn run_with_stdin(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = calque()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().expect("calque exits normally"),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// A paragraph long enough to be judged, written for these tests.
const GOOD: &str = "Le conseil municipal de Brest a adopté mardi soir le budget de la ville pour l'an prochain, après deux heures de débat.\n";

// ---- articles ----

#[test]
fn an_empty_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "vide.txt", "");
    let (_, stderr) = expect(2, &["score", &file]);
    mentions(&stderr, &[&file, "no text to score"]);
}

#[test]
fn a_file_of_blank_lines_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "blancs.txt", "\n   \n\t\r\n\u{a0}\n\n");
    let (_, stderr) = expect(2, &["score", &file, "--format", "jsonl"]);
    mentions(&stderr, &[&file, "empty or only blank lines"]);
}

#[test]
fn a_binary_file_names_the_nul_byte() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "image.txt",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
    );
    let (_, stderr) = expect(2, &["score", &file]);
    mentions(&stderr, &[&file, "binary", "offset 8"]);
}

#[test]
fn invalid_utf8_names_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = "Première ligne, bien écrite.\nDeuxième ligne, écrite en Latin-1 : ";
    let mut bytes = prefix.as_bytes().to_vec();
    bytes.extend(b"r\xe9sum\xe9.\n");
    let file = write(dir.path(), "latin1.txt", &bytes);
    let offset = prefix.len() + 1;
    let (stdout, stderr) = expect(2, &["score", &file, "--format", "jsonl"]);
    mentions(
        &stderr,
        &[&file, &format!("invalid UTF-8 at byte {offset}"), "--lossy"],
    );
    let records = jsonl(&stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["type"], "error");
    assert_eq!(records[0]["path"], file.as_str());
}

#[test]
fn a_named_encoding_reads_latin1_text_and_html_declares_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let text = write(
        dir.path(),
        "latin1.txt",
        b"Le pr\xe9sident a parl\xe9 hier soir \xe0 la t\xe9l\xe9vision.\n",
    );
    let (stdout, _) = expect(
        0,
        &[
            "score",
            &text,
            "--encoding",
            "windows-1252",
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(
        jsonl(&stdout)[0]["text"],
        "Le président a parlé hier soir à la télévision."
    );
    let page = write(
        dir.path(),
        "page.html",
        b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Le pr\xe9sident a parl\xe9 hier soir \xe0 la t\xe9l\xe9vision.</p></body></html>",
    );
    let (stdout, _) = expect(0, &["score", &page, "--format", "jsonl"]);
    assert_eq!(
        jsonl(&stdout)[0]["text"],
        "Le président a parlé hier soir à la télévision."
    );
    let (_, stderr) = expect(2, &["score", &text, "--encoding", "klingon"]);
    mentions(&stderr, &["--encoding", "unknown encoding \"klingon\""]);
    let (_, stderr) = expect(2, &["features", &text, "--encoding", "utf-16"]);
    mentions(&stderr, &["UTF-16LE", "convert the input to UTF-8"]);
}

#[test]
fn utf8_cut_off_at_the_end_names_the_byte_offset() {
    let dir = tempfile::tempdir().unwrap();
    let prefix = "Le texte s'arrête au milieu d'un caract";
    let mut bytes = prefix.as_bytes().to_vec();
    bytes.push(0xc3);
    let file = write(dir.path(), "coupe.txt", &bytes);
    let (_, stderr) = expect(2, &["score", &file]);
    mentions(&stderr, &[&file, &format!("byte {}", prefix.len())]);
}

#[test]
fn lossy_scores_invalid_utf8_and_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = GOOD.as_bytes().to_vec();
    bytes.extend(b"Le d\xe9put\xe9 a vot\xe9 contre le texte de loi sur l'eau.\n");
    let file = write(dir.path(), "latin1.txt", &bytes);
    let (stdout, stderr) = expect(0, &["score", &file, "--lossy", "--format", "jsonl"]);
    assert!(stderr.is_empty(), "{stderr}");
    let records = jsonl(&stdout);
    let texts: Vec<&str> = records
        .iter()
        .filter(|r| r["type"] == "paragraph")
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts.len(), 2);
    assert!(texts[1].contains("d\u{fffd}put\u{fffd}"), "{texts:?}");
    assert_eq!(records.last().unwrap()["type"], "article");
}

#[test]
fn invalid_utf8_on_standard_input_names_stdin() {
    let (code, _, stderr) = run_with_stdin(&["score", "-"], b"Bonjour \xff le monde.\n");
    assert_eq!(code, 2);
    mentions(&stderr, &["-: invalid UTF-8 at byte 8"]);
}

#[test]
fn a_100_mb_single_line_hits_the_default_limit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("enorme.txt");
    let size: u64 = 100 * 1024 * 1024;
    {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&file).unwrap());
        let chunk = "mot".repeat(1024 * 1024 / 3 + 1);
        let mut written = 0u64;
        while written < size {
            let n = (size - written).min(chunk.len() as u64) as usize;
            out.write_all(&chunk.as_bytes()[..n]).unwrap();
            written += n as u64;
        }
    }
    let file = file.display().to_string();
    let (_, stderr) = expect(2, &["score", &file]);
    mentions(
        &stderr,
        &[
            &file,
            &format!("{size} bytes"),
            &format!("limit of {DEFAULT_MAX_BYTES} bytes"),
            "--max-bytes",
        ],
    );
    expect(2, &["gate", &file]);
}

#[test]
fn a_small_max_bytes_names_the_size_and_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "article.txt", GOOD);
    let size = GOOD.len();
    let (_, stderr) = expect(2, &["score", &file, "--max-bytes", "10"]);
    mentions(
        &stderr,
        &[&file, &format!("{size} bytes"), "limit of 10 bytes"],
    );
    let exact = size.to_string();
    expect(0, &["score", &file, "--max-bytes", &exact]);
    let (code, _, stderr) = run_with_stdin(&["score", "--max-bytes", "10"], GOOD.as_bytes());
    assert_eq!(code, 2);
    mentions(&stderr, &["-: article is over the limit of 10 bytes"]);
}

#[test]
fn a_missing_file_is_listed_in_the_json_errors() {
    let missing = path("absent.txt");
    let (stdout, stderr) = expect(
        2,
        &["score", &path("clean.txt"), &missing, "--format", "json"],
    );
    mentions(&stderr, &[&missing, "No such file"]);
    let document: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(document["articles"].as_array().unwrap().len(), 1);
    assert_eq!(document["errors"][0]["path"], missing.as_str());
    let (_, stderr) = expect(2, &["features", &missing]);
    mentions(&stderr, &[&missing]);
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_an_error() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "secret.txt", GOOD);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&file).is_ok() {
        eprintln!("skipped: running with privileges that read a mode-000 file (root)");
        return;
    }
    let (_, stderr) = expect(2, &["score", &file]);
    mentions(&stderr, &[&file, "Permission denied"]);
}

#[test]
fn a_folder_with_bad_files_still_scores_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir(root.join("sous-dossier")).unwrap();
    let good = [
        write(root, "a.txt", GOOD),
        write(root, "c.md", GOOD),
        write(root, "sous-dossier/f.txt", GOOD),
    ];
    let bad = [
        write(root, "b.txt", b"\x00\x01\x02"),
        write(root, "d.txt", ""),
        write(root, "e.txt", b"Caf\xe9 cr\xe8me.\n"),
    ];
    let folder = root.display().to_string();
    let (stdout, stderr) = expect(2, &["score", &folder, "--format", "jsonl"]);
    let records = jsonl(&stdout);
    let scored: Vec<&str> = records
        .iter()
        .filter(|r| r["type"] == "article")
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(scored, good.iter().map(String::as_str).collect::<Vec<_>>());
    let failed: Vec<&str> = records
        .iter()
        .filter(|r| r["type"] == "error")
        .map(|r| r["path"].as_str().unwrap())
        .collect();
    assert_eq!(failed, bad.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(stderr.lines().count(), 3, "{stderr}");
    for file in &bad {
        mentions(&stderr, &[file]);
    }
    let (stdout, _) = expect(2, &["score", &folder]);
    for file in &good {
        mentions(&stdout, &[&format!("{file}: pass")]);
    }
}

#[test]
fn a_folder_without_text_files_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "donnees.csv", "text,label\n");
    let folder = dir.path().display().to_string();
    let (_, stderr) = expect(2, &["score", &folder]);
    mentions(&stderr, &[&folder, "no .txt, .md, .html or .htm file"]);
    expect(2, &["gate", &folder]);
}

#[cfg(unix)]
#[test]
fn a_link_to_a_parent_folder_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "a.txt", GOOD);
    std::os::unix::fs::symlink(dir.path(), dir.path().join("boucle")).unwrap();
    let (stdout, _) = expect(
        0,
        &["score", dir.path().to_str().unwrap(), "--format", "jsonl"],
    );
    let articles: Vec<Value> = jsonl(&stdout)
        .into_iter()
        .filter(|r| r["type"] == "article")
        .collect();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["path"], file.as_str());
}

#[test]
fn out_of_range_arguments_are_errors_naming_the_flag() {
    let clean = path("clean.txt");
    for (flag, value) in [
        ("--threshold", "1.5"),
        ("--threshold", "NaN"),
        ("--max-flagged-share", "-0.1"),
    ] {
        for command in ["score", "gate"] {
            let (_, stderr) = expect(2, &[command, &clean, &format!("{flag}={value}")]);
            mentions(&stderr, &[flag, "between 0 and 1"]);
            // Given apart, a negative value is still the flag's value, not another flag.
            let (_, stderr) = expect(2, &[command, &clean, flag, value]);
            mentions(&stderr, &[flag, "between 0 and 1"]);
        }
    }
    for value in ["-1", "NaN", "inf"] {
        for command in ["score", "gate"] {
            let (_, stderr) = expect(2, &[command, &clean, "--article-context", value]);
            mentions(
                &stderr,
                &["--article-context", "finite number of 0 or more"],
            );
        }
        let labeled = path("labeled.csv");
        let (_, stderr) = expect(2, &["eval", "--data", &labeled, "--article-context", value]);
        mentions(
            &stderr,
            &["--article-context", "finite number of 0 or more"],
        );
    }
    let (_, stderr) = expect(2, &["gate", &clean, "--max-bytes", "beaucoup"]);
    mentions(&stderr, &["--max-bytes"]);
    let (_, stderr) = expect(
        2,
        &["eval", "--data", &path("labeled.csv"), "--threshold", "-2"],
    );
    mentions(&stderr, &["--threshold", "between 0 and 1"]);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("m.json").display().to_string();
    let labeled = path("labeled.csv");
    for (flag, value, says) in [
        ("--alpha", "-1", "positive"),
        ("--alpha", "0", "positive"),
        ("--max-fpr", "-0.5", "[0, 1)"),
    ] {
        let args = ["train", "--data", &labeled, "--out", &out, flag, value];
        let (_, stderr) = expect(2, &args);
        mentions(&stderr, &[flag, says]);
    }
    assert!(!Path::new(&out).exists());
    // Refused before any row is read: a missing data file is not even opened.
    let args = [
        "train",
        "--data",
        "absent.csv",
        "--out",
        &out,
        "--alpha",
        "-1",
    ];
    let (_, stderr) = expect(2, &args);
    mentions(&stderr, &["--alpha"]);
}

// ---- the gate fails closed ----

#[test]
fn gate_exits_2_for_every_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let empty_folder = root.join("vide");
    std::fs::create_dir(&empty_folder).unwrap();
    let bad_model = write(root, "modele.json", "{\"format\":");
    let bad = [
        vec![write(root, "vide.txt", "")],
        vec![write(root, "blancs.txt", "\n\n \n")],
        vec![write(root, "binaire.txt", b"ab\x00cd")],
        vec![write(root, "latin1.txt", b"Le d\xe9put\xe9.")],
        vec![root.join("absent.txt").display().to_string()],
        vec![empty_folder.display().to_string()],
        vec![path("clean.txt"), "--max-bytes".into(), "5".into()],
        vec![path("clean.txt"), "--model".into(), bad_model],
    ];
    let clean = path("clean.txt");
    let formats = ["text", "json", "jsonl"];
    for (i, args) in bad.iter().enumerate() {
        let mut alone = vec!["gate", "--format", formats[i % 3]];
        alone.extend(args.iter().map(String::as_str));
        expect(2, &alone);
        let mut with_good = alone.clone();
        with_good[2] = formats[(i + 1) % 3];
        with_good.insert(1, &clean);
        expect(2, &with_good);
    }
}

#[test]
fn gate_never_passes_an_article_with_nothing_to_judge() {
    let dir = tempfile::tempdir().unwrap();
    let numbers = write(
        dir.path(),
        "chiffres.txt",
        "2024\n\n— 12,5 % —\n\n***\n\n1.\n",
    );
    let (stdout, _) = expect(1, &["gate", &numbers, "--format", "json"]);
    let document: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(document["articles"][0]["verdict"], "block");
    assert_eq!(document["articles"][0]["judged"], 0);
    let garbage = write(dir.path(), "octets.txt", b"\xff\xfe\xfd\xfc\n\x80\x81\n");
    let (stdout, _) = expect(1, &["gate", &garbage, "--lossy"]);
    mentions(&stdout, &["nothing to judge"]);
    let (stdout, _) = expect(1, &["gate", &path("clean.txt"), "--min-words", "1000"]);
    mentions(&stdout, &["nothing to judge"]);
    let spanish = write(
        dir.path(),
        "espagnol.txt",
        "El alcalde presentó ayer el presupuesto de la ciudad ante los concejales, que lo \
         aprobaron por amplia mayoría.\n\nLa oposición criticó la subida de los impuestos \
         municipales y pidió más inversiones en los barrios del norte.\n",
    );
    let (stdout, _) = expect(1, &["gate", &spanish]);
    mentions(
        &stdout,
        &[
            "language other than French or English (spa)",
            "nothing to judge",
        ],
    );
}

// ---- labeled CSV ----

/// Runs `train` on a CSV, into a fresh folder: it must exit 2, name the file and the fragments,
/// and write no model. Returns its stderr.
fn bad_csv(content: &[u8], fragments: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "donnees.csv", content);
    let out = dir.path().join("modele.json");
    let out = out.to_str().unwrap();
    let (_, stderr) = expect(2, &["train", "--data", &csv, "--out", out, "--folds", "2"]);
    mentions(&stderr, &[&csv]);
    mentions(&stderr, fragments);
    assert!(!Path::new(out).exists(), "a failed training wrote {out}");
    stderr
}

#[test]
fn a_csv_without_header_names_line_1() {
    bad_csv(
        b"Le maire a inaugure la piscine.,0\nYesterday le maire a dit.,1\n",
        &["line 1", "no `label` column in the header"],
    );
}

#[test]
fn a_csv_without_a_text_column_names_it() {
    bad_csv(
        b"id,label\na,0\nb,1\n",
        &["line 1", "no `text` column", "found: id, label"],
    );
}

#[test]
fn a_csv_without_a_label_column_names_it() {
    bad_csv(
        b"text,source\nLe maire a parle.,presse\n",
        &["line 1", "no `label` column"],
    );
}

#[test]
fn a_label_other_than_0_or_1_names_line_and_value() {
    for label in ["2", "oui", "", "1.0", "-1"] {
        let content =
            format!("text,label\nUn premier paragraphe.,0\n\"Un second, avec virgule.\",{label}\n");
        bad_csv(
            content.as_bytes(),
            &[
                "line 3",
                "field `label` must be 0 or 1",
                &format!("{label:?}"),
            ],
        );
    }
}

#[test]
fn one_class_only_cannot_be_trained_on() {
    let stderr = bad_csv(
        b"text,label\nUn paragraphe.,0\nUn autre paragraphe.,0\nEt un troisieme.,0\n",
        &["every row has label 0", "`label`", "both labels"],
    );
    assert!(!stderr.contains("fold 0"), "{stderr}");
}

#[test]
fn an_empty_csv_is_an_error() {
    bad_csv(b"", &["line 1", "empty file"]);
    bad_csv(b"text,label\n", &["line 1", "no data rows"]);
}

#[test]
fn ragged_rows_name_the_line_and_the_field_count() {
    bad_csv(
        b"text,label\nUn paragraphe.,0\nUn autre.,1,en trop\n",
        &["line 3", "3 fields, but the header has 2"],
    );
    bad_csv(
        b"text,label\nUn paragraphe.,0\nUn autre sans label\n",
        &["line 3", "1 fields, but the header has 2"],
    );
}

#[test]
fn a_quoted_text_never_closed_names_its_line_instead_of_swallowing_the_rows_after_it() {
    bad_csv(
        b"label,text\n0,Un paragraphe.\n1,\"Un autre, jamais ferme.\n0,Un troisieme.\n",
        &["line 3", "a quoted field is never closed"],
    );
}

#[test]
fn invalid_utf8_and_empty_text_in_a_csv_name_the_line() {
    bad_csv(
        b"label,text\n0,Un paragraphe.\n1,Un d\xe9put\xe9.\n",
        &["line 3", "invalid UTF-8 in field 2"],
    );
    bad_csv(
        b"text,label\nUn paragraphe.,0\n\"  \",1\n",
        &["line 3", "field `text` is empty"],
    );
    let dir = tempfile::tempdir().unwrap();
    let csv = write(dir.path(), "d.csv", "text,label\n\"\",1\n");
    let (_, stderr) = expect(2, &["features", "--data", &csv]);
    mentions(&stderr, &[&csv, "line 2", "`text` is empty"]);
}

// ---- model files ----

/// The shipped model as JSON.
fn default_model() -> Value {
    serde_json::from_str(calque::model::DEFAULT_MODEL_JSON).unwrap()
}

/// Writes a model file; `score`, `gate` and `eval` must all exit 2 and name it. Returns
/// score's stderr.
fn bad_model(content: &str, fragments: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let model = write(dir.path(), "modele.json", content);
    let (_, stderr) = expect(2, &["score", &path("clean.txt"), "--model", &model]);
    mentions(&stderr, &[&model]);
    mentions(&stderr, fragments);
    expect(2, &["gate", &path("clean.txt"), "--model", &model]);
    let (_, eval) = expect(
        2,
        &["eval", "--data", &path("labeled.csv"), "--model", &model],
    );
    mentions(&eval, &[&model]);
    stderr
}

#[test]
fn a_truncated_model_names_the_line() {
    let text = calque::model::DEFAULT_MODEL_JSON;
    bad_model(&text[..text.len() / 2], &["not a calque model", "line"]);
    bad_model("", &["not a calque model", "EOF"]);
}

#[test]
fn a_model_that_is_not_json_is_an_error() {
    bad_model(
        "Ceci n'est pas un modèle.\n",
        &["not a calque model", "line 1"],
    );
    let (_, stderr) = expect(
        2,
        &["score", &path("clean.txt"), "--model", &path("absent.json")],
    );
    mentions(&stderr, &["absent.json", "No such file"]);
    let dir = tempfile::tempdir().unwrap();
    let (_, stderr) = expect(
        2,
        &[
            "score",
            &path("clean.txt"),
            "--model",
            dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(
        stderr.matches("Is a directory").count(),
        1,
        "the cause is said once: {stderr}"
    );
}

#[test]
fn a_model_of_another_format_or_version_is_refused() {
    let mut model = default_model();
    model["format_version"] = 2.into();
    bad_model(
        &model.to_string(),
        &["format version 2 is not supported", "version 1"],
    );
    let mut model = default_model();
    model["format"] = "sklearn-pickle".into();
    bad_model(&model.to_string(), &["format is \"sklearn-pickle\""]);
}

#[test]
fn a_model_whose_features_do_not_match_is_refused() {
    let mut model = default_model();
    let features = model["features"].as_array_mut().unwrap();
    let renamed = features[0].as_str().unwrap().to_string();
    features[0] = "mot_inconnu".into();
    bad_model(
        &model.to_string(),
        &[
            "feature list does not match",
            &format!("missing: [\"{renamed}\"]"),
            "unknown: [\"mot_inconnu\"]",
        ],
    );
    let mut model = default_model();
    model["weights"].as_array_mut().unwrap().pop();
    bad_model(&model.to_string(), &["weights has", "values, expected"]);
}

#[test]
fn a_model_with_nan_or_missing_weights_is_refused() {
    let text = default_model().to_string();
    let start = text.find("\"weights\":[").unwrap() + "\"weights\":[".len();
    let end = start + text[start..].find(',').unwrap();
    let first_weight = |value: &str| format!("{}{value}{}", &text[..start], &text[end..]);
    bad_model(
        &first_weight("NaN"),
        &["not a calque model", "line 1 column"],
    );
    bad_model(&first_weight("1e999"), &["number out of range"]);
    let mut model = default_model();
    model["weights"][3] = Value::Null;
    bad_model(&model.to_string(), &["invalid type: null, expected f64"]);
}

// ---- train --out ----

#[test]
fn train_never_replaces_a_model_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = write(dir.path(), "modele.json", calque::model::DEFAULT_MODEL_JSON);
    let (_, stderr) = expect(
        2,
        &[
            "train",
            "--data",
            &path("labeled.csv"),
            "--out",
            &out,
            "--folds",
            "2",
        ],
    );
    mentions(&stderr, &[&out, "exists", "--force"]);
    assert_eq!(
        std::fs::read(&out).unwrap(),
        calque::model::DEFAULT_MODEL_JSON.as_bytes()
    );
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, vec!["modele.json"], "nothing else was written");
}

#[test]
fn a_failed_training_leaves_the_old_model_alone_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let out = write(dir.path(), "modele.json", calque::model::DEFAULT_MODEL_JSON);
    let csv = write(
        dir.path(),
        "d.csv",
        "text,label\nUn paragraphe.,0\nUn autre.,7\n",
    );
    expect(
        2,
        &[
            "train", "--data", &csv, "--out", &out, "--force", "--folds", "2",
        ],
    );
    assert_eq!(
        std::fs::read(&out).unwrap(),
        calque::model::DEFAULT_MODEL_JSON.as_bytes()
    );
    let missing_folder = dir.path().join("absent").join("modele.json");
    let missing_folder = missing_folder.to_str().unwrap();
    let (_, stderr) = expect(
        2,
        &[
            "train",
            "--data",
            &path("labeled.csv"),
            "--out",
            missing_folder,
            "--folds",
            "2",
        ],
    );
    mentions(&stderr, &[missing_folder]);
}

// ---- closed pipes ----

#[test]
fn a_closed_pipe_after_100_bytes_exits_0_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let article = std::fs::read_to_string(data("machine.txt")).unwrap();
    let big = write(dir.path(), "long.txt", article.repeat(200));
    for command in [
        "score --format text",
        "score --format jsonl",
        "score --format json",
        "score --format csv",
        "features",
    ] {
        let output = shell(&format!(
            "{{calque}} {command} '{big}' | head -c 100 > /dev/null"
        ));
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{command}: {stderr}");
        assert!(stderr.is_empty(), "{command}: {stderr}");
    }
}
