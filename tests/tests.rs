//! Integration tests: run the `calque` binary as a user or a pipeline would, on inputs the
//! project wrote (tests/data/).

mod bad_input;
mod properties;

use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

mod outputs;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name)
}

fn calque() -> Command {
    Command::cargo_bin("calque").expect("the calque binary is built")
}

/// Runs calque; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let output = calque().args(args).output().expect("calque runs");
    (
        output
            .status
            .code()
            .expect("calque exits normally, without a signal"),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

/// Runs calque with `input` on its standard input.
fn run_with_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    calque()
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .expect("stdin is piped")
                .write_all(input)?;
            child.wait_with_output()
        })
        .expect("calque runs")
}

/// Runs a bash pipeline (with pipefail) in which `{calque}` stands for the binary.
fn shell(script: &str) -> std::process::Output {
    let binary = assert_cmd::cargo::cargo_bin("calque");
    let script = script.replace("{calque}", &format!("'{}'", binary.display()));
    Command::new("bash")
        .arg("-c")
        .arg(format!("set -o pipefail; {script}"))
        .output()
        .expect("bash runs")
}

fn path(name: &str) -> String {
    data(name).display().to_string()
}

fn jsonl(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[test]
fn score_jsonl_follows_the_spec() {
    let (code, stdout, stderr) = run(&["score", &path("machine.txt"), "--format", "jsonl"]);
    assert_eq!(code, 0, "{stderr}");
    let records = jsonl(&stdout);
    let paragraphs: Vec<&Value> = records
        .iter()
        .filter(|r| r["type"] == "paragraph")
        .collect();
    let articles: Vec<&Value> = records.iter().filter(|r| r["type"] == "article").collect();
    assert_eq!(paragraphs.len(), 4);
    assert_eq!(articles.len(), 1);
    assert_eq!(
        records.last().unwrap()["type"],
        "article",
        "the article record comes last"
    );
    let lines: Vec<u64> = paragraphs
        .iter()
        .map(|p| p["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![1, 3, 5, 7]);
    for p in &paragraphs {
        assert_eq!(p["path"], path("machine.txt"));
        let probability = p["probability"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&probability));
        assert!(p["flagged"].is_boolean() && p["judged"].is_boolean());
        let text = p["text"].as_str().unwrap();
        for e in p["evidence"].as_array().unwrap() {
            for key in ["family", "feature", "match", "hint"] {
                assert!(e[key].is_string(), "{key} in {e}");
            }
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&text[start..end], e["match"].as_str().unwrap());
            let (cs, ce) = (
                e["char_start"].as_u64().unwrap() as usize,
                e["char_end"].as_u64().unwrap() as usize,
            );
            let by_chars: String = text.chars().skip(cs).take(ce - cs).collect();
            assert_eq!(by_chars, e["match"].as_str().unwrap());
        }
    }
    let matches: Vec<&str> = paragraphs
        .iter()
        .flat_map(|p| p["evidence"].as_array().unwrap())
        .map(|e| e["match"].as_str().unwrap())
        .collect();
    for expected in [
        "Yesterday",
        "Putin",
        "adviseur",
        "partnership",
        "Yuri Ushakov",
        "au lieu de cela",
    ] {
        assert!(
            matches.iter().any(|m| m.eq_ignore_ascii_case(expected)),
            "{expected} not in {matches:?}"
        );
    }
    let article = articles[0];
    assert_eq!(article["paragraphs"], 4);
    assert_eq!(article["verdict"], "block");
    for key in ["judged", "flagged", "score"] {
        assert!(!article[key].is_null(), "{key}");
    }
}

#[test]
fn score_json_is_one_document() {
    let (code, stdout, _) = run(&[
        "score",
        &path("clean.txt"),
        &path("machine.txt"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let document: Value = serde_json::from_str(&stdout).unwrap();
    let articles = document["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0]["verdict"], "pass");
    assert_eq!(articles[1]["verdict"], "block");
    assert_eq!(articles[1]["paragraphs"].as_array().unwrap().len(), 4);
    assert_eq!(articles[1]["paragraphs"][0]["type"], "paragraph");
}

#[test]
fn score_csv_has_one_row_per_paragraph() {
    let (code, stdout, _) = run(&["score", &path("machine.txt"), "--format", "csv"]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        vec![
            "path",
            "line",
            "probability",
            "flagged",
            "judged",
            "features",
            "matches",
            "text"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 4);
    assert_eq!(&rows[1][1], "3");
    assert!(rows[1][6].contains("Yesterday"));
}

#[test]
fn score_text_shows_flagged_paragraphs_and_a_verdict() {
    let (code, stdout, _) = run(&["score", &path("machine.txt")]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains(&format!("{}:3: ", path("machine.txt"))),
        "{stdout}"
    );
    assert!(
        stdout.contains("^^^^^^^^^ anglicism_english: "),
        "Yesterday is underlined: {stdout}"
    );
    assert!(
        stdout.lines().last().unwrap().contains(": block ("),
        "{stdout}"
    );
}

#[test]
fn score_reads_standard_input() {
    let text = std::fs::read(data("machine.txt")).unwrap();
    let output = run_with_stdin(&["score", "-", "--format", "jsonl"], &text);
    assert_eq!(output.status.code(), Some(0));
    let records = jsonl(&String::from_utf8(output.stdout).unwrap());
    assert_eq!(records.last().unwrap()["path"], "-");
}

#[test]
fn score_exits_2_on_a_missing_file_but_scores_the_rest() {
    let missing = path("does-not-exist.txt");
    let (code, stdout, stderr) = run(&["score", &path("clean.txt"), &missing, "--format", "jsonl"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("does-not-exist.txt"), "{stderr}");
    let records = jsonl(&stdout);
    assert!(records
        .iter()
        .any(|r| r["type"] == "article" && r["path"] == path("clean.txt")));
    assert!(records
        .iter()
        .any(|r| r["type"] == "error" && r["path"] == missing));
}

#[test]
fn score_and_gate_read_csv_exports() {
    let dir = tempfile::tempdir().unwrap();
    let clean = std::fs::read_to_string(data("clean.txt")).unwrap();
    let machine = std::fs::read_to_string(data("machine.txt")).unwrap();
    let mut export = csv::Writer::from_path(dir.path().join("crawl.csv")).unwrap();
    export.write_record(["id", "doc", "text"]).unwrap();
    export.write_record(["1", "clean", clean.as_str()]).unwrap();
    export
        .write_record(["2", "machine", machine.as_str()])
        .unwrap();
    export.flush().unwrap();
    let crawl = dir.path().join("crawl.csv").display().to_string();
    let (code, stdout, stderr) = run(&["score", "--data", &crawl, "--format", "jsonl"]);
    assert_eq!(code, 0, "{stderr}");
    let records = jsonl(&stdout);
    let articles: Vec<(&str, &str)> = records
        .iter()
        .filter(|r| r["type"] == "article")
        .map(|r| (r["path"].as_str().unwrap(), r["verdict"].as_str().unwrap()))
        .collect();
    let name = |doc: &str| format!("{crawl}#{doc}");
    assert_eq!(
        articles,
        vec![
            (name("clean").as_str(), "pass"),
            (name("machine").as_str(), "block")
        ]
    );
    // A paragraph's line is its line in the CSV file: the first starts on the row's line.
    let first = records.iter().find(|r| r["type"] == "paragraph").unwrap();
    assert_eq!(first["line"], 2);
    assert_eq!(run(&["gate", "--data", &crawl]).0, 1);
    // A bad export beside a good one: the good one is scored, the gate fails closed.
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, "id,body\n1,Texte.\n").unwrap();
    let (code, stdout, stderr) = run(&["gate", "--data", &crawl, bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("bad.csv: line 1: no `text` column"),
        "{stderr}"
    );
    assert!(stdout.contains("#clean: pass"), "{stdout}");
}

#[test]
fn gate_exit_codes() {
    assert_eq!(run(&["gate", &path("clean.txt")]).0, 0);
    assert_eq!(run(&["gate", &path("machine.txt")]).0, 1);
    assert_eq!(run(&["gate", &path("missing.txt")]).0, 2);
    assert_eq!(
        run(&["gate", &path("clean.txt"), &path("missing.txt")]).0,
        2,
        "an error is never a pass"
    );
    assert_eq!(
        run(&["gate", &path("machine.txt"), &path("missing.txt")]).0,
        2,
        "errors win over blocks"
    );
}

#[test]
fn gate_json_lists_verdicts() {
    let (code, stdout, _) = run(&[
        "gate",
        &path("clean.txt"),
        &path("machine.txt"),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let document: Value = serde_json::from_str(&stdout).unwrap();
    let verdicts: Vec<&str> = document["articles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, vec!["pass", "block"]);
}

#[test]
fn min_flagged_spares_an_article_its_one_flagged_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("brève.txt");
    std::fs::write(
        &file,
        "Yesterday, Putin a rencontré son adviseur au Kremlin pour la réunion.\n\n\
         Le ministre a présenté son budget devant les députés de la commission.\n",
    )
    .unwrap();
    let file = file.to_str().unwrap();
    let (code, stdout, _) = run(&["gate", file, "--format", "json", "--min-flagged", "1"]);
    assert_eq!(code, 1, "{stdout}");
    let (code, stdout, _) = run(&["gate", file, "--format", "json"]);
    assert_eq!(code, 0, "{stdout}");
    let document: Value = serde_json::from_str(&stdout).unwrap();
    let article = &document["articles"][0];
    assert_eq!(article["flagged"], 1);
    assert_eq!(article["min_flagged"], 2);
    assert_eq!(article["verdict"], "pass");
    let (code, _, stderr) = run(&["gate", file, "--min-flagged", "0"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--min-flagged"), "{stderr}");
}

#[test]
fn gate_blocks_an_article_with_nothing_to_judge() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("menu.txt");
    std::fs::write(&file, "Accueil\n\nLire aussi\n\nPartager\n").unwrap();
    let (code, stdout, _) = run(&["gate", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("nothing to judge"), "{stdout}");
}

#[test]
fn gate_on_a_folder_with_a_bad_file_scores_the_good_ones_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(data("clean.txt"), dir.path().join("a.txt")).unwrap();
    std::fs::write(dir.path().join("b.txt"), b"Texte \xff invalide.").unwrap();
    std::fs::copy(data("clean.txt"), dir.path().join("c.md")).unwrap();
    std::fs::write(dir.path().join("ignored.csv"), "x").unwrap();
    let (code, stdout, stderr) = run(&["gate", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("b.txt") && stderr.contains("byte 6"),
        "{stderr}"
    );
    let passed = jsonl(&stdout)
        .iter()
        .filter(|r| r["verdict"] == "pass")
        .count();
    assert_eq!(passed, 2);
}

#[test]
fn train_then_eval() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("model.json");
    let model_arg = model.to_str().unwrap();
    let (code, stdout, stderr) = run(&[
        "train",
        "--data",
        &path("labeled.csv"),
        "--out",
        model_arg,
        "--folds",
        "2",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("cross-validation") && stdout.contains("ROC AUC"),
        "{stdout}"
    );
    let (code, stdout, stderr) = run(&[
        "eval",
        "--data",
        &path("labeled.csv"),
        "--model",
        model_arg,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let metrics: Value = serde_json::from_str(&stdout).unwrap();
    for key in [
        "rows",
        "positives",
        "roc_auc",
        "accuracy",
        "precision",
        "recall",
        "f1",
        "threshold",
    ] {
        assert!(!metrics[key].is_null(), "{key} missing in {metrics}");
    }
    assert_eq!(metrics["rows"], 12);
    assert_eq!(metrics["positives"], 6);
}

#[test]
fn train_is_reproducible_and_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.json");
    let b = dir.path().join("b.json");
    for out in [&a, &b] {
        let (code, _, stderr) = run(&[
            "train",
            "--data",
            &path("labeled.csv"),
            "--out",
            out.to_str().unwrap(),
            "--folds",
            "2",
        ]);
        assert_eq!(code, 0, "{stderr}");
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    std::fs::write(&a, "keep me").unwrap();
    let (code, _, stderr) = run(&[
        "train",
        "--data",
        &path("labeled.csv"),
        "--out",
        a.to_str().unwrap(),
        "--folds",
        "2",
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&a).unwrap(), "keep me");
}

#[test]
fn a_bad_model_file_is_an_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("broken.json");
    std::fs::write(&model, "{\"format\": \"calque-logistic\"").unwrap();
    let (code, _, stderr) = run(&[
        "score",
        &path("clean.txt"),
        "--model",
        model.to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("broken.json"), "{stderr}");
    let (code, _, _) = run(&[
        "gate",
        &path("clean.txt"),
        "--model",
        model.to_str().unwrap(),
    ]);
    assert_eq!(code, 2, "a gate without a model fails closed");
}

#[test]
fn features_writes_named_columns() {
    let (code, stdout, _) = run(&["features", &path("machine.txt")]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..2], &["path", "line"]);
    assert!(header.contains(&"anglicism_english".to_string()));
    assert_eq!(reader.records().count(), 4);
    let (code, stdout, _) = run(&["features", "--data", &path("labeled.csv")]);
    assert_eq!(code, 0);
    assert_eq!(stdout.lines().count(), 13);
}

/// The paragraph records of `calque score` on a test file, every paragraph judged and scored
/// alone: each file is one long article of unrelated paragraphs, where the article context
/// would measure the file rather than the paragraphs.
fn every_paragraph_scored(file: &str) -> Vec<Value> {
    let (code, stdout, _) = run(&[
        "score",
        &path(file),
        "--format",
        "jsonl",
        "--min-words",
        "1",
        "--article-context",
        "0",
    ]);
    assert_eq!(code, 0);
    jsonl(&stdout)
        .into_iter()
        .filter(|record| record["type"] == "paragraph")
        .collect()
}

/// `human_news.txt`: 760 paragraphs of human French news written for calque and kept out of
/// the training data, so that a rule or a retraining that starts flagging careful human French
/// fails here: 80 of ordinary national news (politics, courts, markets, sport, culture), then 40
/// of local news from Belgium, Switzerland, Luxembourg, Québec and West and Central Africa
/// (regional words and names: septante, bourgmestre, gbakas, N'Guessan), 40 with rare but real
/// vocabulary (monobob, thanatopracteur, rançongiciel), then 600 from fifteen kinds of pages:
/// finance, sport, tech and culture, lifestyle, Anglo-American politics, science, transport,
/// arts reviews, opinion columns, courts and crime, schools and hospitals, farming, wars and
/// crises, diplomacy, people and obituaries (le spread, un clean sheet, le patch 1.4, le
/// « quantitative easing », le cold brew, Downing Street, les small boats, l'éclairage coupé de
/// 23 heures à 5 heures, Kharkiv, Mohammed ben Salmane, un big band); « » in most, straight
/// quotes and no space before : ! ? in some. The shipped model flags three of them (two full of
/// words no list knows, and "replace"); more than 2 % fails.
#[test]
fn the_embedded_model_lets_human_news_through() {
    let paragraphs = every_paragraph_scored("human_news.txt");
    assert_eq!(paragraphs.len(), 760);
    let flagged: Vec<&str> = paragraphs
        .iter()
        .filter(|p| p["flagged"] == true)
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        flagged.len() <= 15,
        "human paragraphs flagged: {flagged:#?}"
    );
}

/// `mt_probe.txt`: 320 paragraphs written for calque in the manner of fluent machine
/// translation of English news, each with one to three traces of English (a calque, a false
/// friend, an English spelling, English typography), many of them subtle: 120 of politics and
/// courts, business and technology, sport, culture and health, 40 of international news as
/// aggregator sites publish it, 40 of tabloid and everyday news (ten of them French
/// round-tripped through English), 60 of science and weather, schools and society, crime,
/// transport and markets, and 60 of news across five sections as an aggregator republishes it.
/// Kept out of training, so that a rule or lexicon change that loses what the model catches
/// fails here. The shipped model flags 150 (148 before "impacter" joined the accepted list on
/// December 6, sixth session; the model from before the December 6 patterns, 130); fewer than
/// 140 fails. Its misses are the measure of what calque cannot yet see, not a
/// list to copy into the lexicons (models/HISTORY.md tells why).
#[test]
fn the_embedded_model_catches_most_of_the_fluent_mt_probe() {
    let paragraphs = every_paragraph_scored("mt_probe.txt");
    assert_eq!(paragraphs.len(), 320);
    let flagged = paragraphs.iter().filter(|p| p["flagged"] == true).count();
    assert!(
        flagged >= 140,
        "machine-translated probe paragraphs flagged: {flagged} of 320"
    );
}

#[test]
fn info_reports_model_and_lexicon_sizes() {
    let (code, stdout, _) = run(&["info", "--format", "json"]);
    assert_eq!(code, 0);
    let info: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(info["version"], env!("CARGO_PKG_VERSION"));
    assert!(info["model"]["threshold"].as_f64().is_some());
    for lexicon in ["anglicisms", "accepted", "names", "calques", "fr_words"] {
        assert!(info["lexicons"][lexicon].as_u64().unwrap() > 0, "{lexicon}");
    }
}

#[test]
fn broken_pipe_exits_quietly() {
    let output = shell(&format!(
        "for i in $(seq 200); do cat '{}'; echo; done | {{calque}} score --format jsonl | head -n 1 > /dev/null",
        path("machine.txt")
    ));
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let folder = data("");
    let folder = folder.to_str().expect("a UTF-8 path");
    let mut outputs = Vec::new();
    for jobs in ["1", "2", "5"] {
        for format in ["jsonl", "text", "csv"] {
            let (code, stdout, _) = run(&["score", folder, "--jobs", jobs, "--format", format]);
            assert_eq!(code, 0, "--jobs {jobs} --format {format}");
            outputs.push((format, stdout));
        }
    }
    for (format, stdout) in &outputs[3..] {
        let single = &outputs
            .iter()
            .find(|(f, _)| f == format)
            .expect("jobs 1 ran")
            .1;
        assert_eq!(stdout, single, "--format {format}");
    }
    assert!(
        outputs[0].1.lines().count() > 10,
        "the folder holds several articles"
    );
    let (code, _, stderr) = run(&["score", folder, "--jobs", "0"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--jobs"), "{stderr}");
}

#[test]
fn features_and_eval_do_not_depend_on_the_number_of_threads() {
    let csv = data("labeled.csv");
    let csv = csv.to_str().expect("a UTF-8 path");
    for command in [
        ["features", "--data", csv, "--jobs"],
        ["eval", "--data", csv, "--jobs"],
    ] {
        let outputs: Vec<String> = ["1", "3"]
            .iter()
            .map(|jobs| {
                let mut args = command.to_vec();
                args.push(jobs);
                let (code, stdout, stderr) = run(&args);
                assert_eq!(code, 0, "{args:?}: {stderr}");
                stdout
            })
            .collect();
        assert!(outputs[0].lines().count() > 2, "{command:?} printed rows");
        assert_eq!(outputs[0], outputs[1], "{command:?}");
    }
}

#[test]
fn output_files_are_written_whole_and_never_replaced_unasked() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let report = dir.path().join("report.jsonl");
    let report_arg = report.to_str().expect("a UTF-8 path");
    let (code, stdout, _) = run(&[
        "score",
        &path("machine.txt"),
        "--format",
        "jsonl",
        "--output",
        report_arg,
    ]);
    assert_eq!(code, 0);
    assert!(stdout.is_empty(), "the report goes to the file: {stdout}");
    let written = std::fs::read_to_string(&report).expect("the report was written");
    assert_eq!(jsonl(&written).last().expect("records")["verdict"], "block");
    let files = || std::fs::read_dir(dir.path()).expect("listable").count();
    assert_eq!(files(), 1, "no temporary file is left behind");

    let (code, _, stderr) = run(&["gate", &path("clean.txt"), "-o", report_arg]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&report).unwrap(), written);

    let missing = dir.path().join("absent.txt");
    let (code, _, _) = run(&[
        "gate",
        &path("clean.txt"),
        missing.to_str().expect("a UTF-8 path"),
        "--format",
        "jsonl",
        "-o",
        report_arg,
        "--force",
    ]);
    assert_eq!(code, 2, "an unreadable input never passes");
    let replaced = std::fs::read_to_string(&report).unwrap();
    assert!(replaced.contains("\"type\":\"error\""), "{replaced}");
    assert_eq!(files(), 1);
}

/// The shipped corpus and model are what their commands make from the committed data and
/// code, byte for byte: a lexicon change that moves the `synth` draw, or a feature change
/// shipped without retraining, fails here rather than for a user of the embedded model.
#[test]
fn the_generated_rows_and_the_shipped_model_are_reproducible() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let written = repo.join("training-data/written");
    let generated = repo.join("training-data/generated.csv");
    let (code, stdout, stderr) =
        run(&["synth", "--data", written.to_str().unwrap(), "--seed", "7"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout == std::fs::read_to_string(&generated).unwrap(),
        "training-data/generated.csv is not what `calque synth --data training-data/written \
         --seed 7` makes now: regenerate it, then retrain"
    );
    let dir = tempfile::tempdir().unwrap();
    let model = dir.path().join("default.json");
    let (code, _, stderr) = run(&[
        "train",
        "--data",
        written.to_str().unwrap(),
        generated.to_str().unwrap(),
        "--out",
        model.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        std::fs::read(&model).unwrap() == std::fs::read(repo.join("models/default.json")).unwrap(),
        "models/default.json is not what `calque train` makes from training-data/ now: retrain \
         it, then run scripts/evaluate.sh --write"
    );
}
