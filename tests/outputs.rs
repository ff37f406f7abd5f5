//! Every output format of `score`, `gate` and `eval` as people and pipelines read it, colour
//! and `--quiet`, HTML input, completions and help.

use std::process::Command;

use serde_json::Value;

use super::{calque, data, jsonl, path, run, run_with_stdin, shell};

/// Runs calque with extra environment variables; returns (exit code, stdout, stderr).
fn run_env(args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut command = calque();
    command
        .args(args)
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("calque runs");
    (
        output.status.code().expect("calque exits normally"),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

/// Removes ANSI SGR sequences (`ESC [ ... m`).
fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The text each caret line of a text report underlines, with the line's feature, read by
/// character columns (the test articles have no wide characters).
fn underlined(stdout: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    let mut excerpt: Vec<char> = Vec::new();
    for line in stdout.lines() {
        let Some(body) = line.strip_prefix("    ") else {
            continue;
        };
        let column = body.chars().take_while(|&c| c == ' ').count();
        let rest = &body[column..];
        if rest.starts_with('^') {
            let width = rest.chars().take_while(|&c| c == '^').count();
            let feature = rest[width..].trim_start().split(':').next().unwrap();
            let text: String = excerpt.iter().skip(column).take(width).collect();
            found.push((feature.to_string(), text));
        } else {
            excerpt = body.chars().collect();
        }
    }
    found
}

#[test]
fn text_underlines_each_span_under_accented_text() {
    let (code, stdout, _) = run_env(&["score", &path("machine.txt")], &[]);
    assert_eq!(code, 0);
    assert!(!stdout.contains('\x1b'), "no colour when piped: {stdout}");
    assert!(
        stdout.starts_with(&format!("{}:1: ", path("machine.txt"))),
        "{stdout}"
    );
    let spans = underlined(&stdout);
    for (feature, text) in [
        ("anglicism_english", "Yesterday"),
        ("english_name", "Putin"),
        ("anglicism_anglicised", "adviseur"),
        ("english_name", "Yuri Ushakov"),
        ("calque", "Au lieu de cela"),
    ] {
        assert!(
            spans.iter().any(|(f, t)| f == feature && t == text),
            "{feature} {text} not underlined in {spans:?}\n{stdout}"
        );
    }
    let last = stdout.lines().last().unwrap();
    assert_eq!(
        last,
        format!(
            "{}: block (4 of 4 judged paragraphs flagged (100%), over 20%)",
            path("machine.txt")
        )
    );
}

#[test]
fn colour_follows_the_flag_and_no_color() {
    let plain = run_env(&["score", &path("machine.txt")], &[]).1;
    let always = run_env(&["score", &path("machine.txt"), "--color", "always"], &[]).1;
    assert!(always.contains("\x1b["), "{always}");
    assert_eq!(
        strip_ansi(&always),
        plain,
        "colour changes nothing but colour"
    );
    let forced = run_env(&["score", &path("machine.txt")], &[("CLICOLOR_FORCE", "1")]).1;
    assert!(forced.contains("\x1b["), "auto honours CLICOLOR_FORCE");
    let no_color = run_env(
        &["score", &path("machine.txt")],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    )
    .1;
    assert!(!no_color.contains('\x1b'), "auto honours NO_COLOR first");
    let never = run_env(
        &["score", &path("machine.txt"), "--color", "never"],
        &[("CLICOLOR_FORCE", "1")],
    )
    .1;
    assert_eq!(never, plain);
    let gate = run_env(&["gate", &path("machine.txt"), "--color", "always"], &[]).1;
    assert_eq!(
        strip_ansi(&gate),
        format!(
            "{}: block (4 of 4 judged paragraphs flagged (100%), over 20%)\n",
            path("machine.txt")
        )
    );
}

#[test]
fn machine_formats_never_hold_colour() {
    for (command, format) in [
        ("score", "json"),
        ("score", "jsonl"),
        ("score", "csv"),
        ("score", "html"),
        ("gate", "json"),
        ("gate", "jsonl"),
    ] {
        let (code, stdout, _) = run_env(
            &[
                command,
                &path("machine.txt"),
                "--format",
                format,
                "--color",
                "always",
            ],
            &[("CLICOLOR_FORCE", "1")],
        );
        assert!(code == 0 || code == 1, "{command} {format}: {code}");
        assert!(!stdout.contains('\x1b'), "{command} --format {format}");
    }
}

#[test]
fn quiet_score_prints_only_errors_and_quiet_gate_only_blocked_articles() {
    let (code, stdout, stderr) = run(&["score", &path("machine.txt"), "--quiet"]);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (0, "", ""));
    let missing = path("missing.txt");
    let (code, stdout, stderr) = run(&["score", &path("machine.txt"), &missing, "-q"]);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let (code, stdout, _) = run(&["gate", &path("clean.txt"), "--quiet"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    let (code, stdout, _) = run(&["gate", &path("clean.txt"), &path("machine.txt"), "-q"]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        format!(
            "{}: block (4 of 4 judged paragraphs flagged (100%), over 20%)\n",
            path("machine.txt")
        )
    );
    let (code, stdout, _) = run(&[
        "gate",
        &path("clean.txt"),
        &path("machine.txt"),
        "-q",
        "--format",
        "jsonl",
    ]);
    assert_eq!(code, 1);
    let records = jsonl(&stdout);
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["path"], path("machine.txt"));
}

/// An article of the `--format json` document, read with typed fields: serde refuses a key
/// written twice, which a reading into `Value` would let pass, keeping the last.
#[derive(serde::Deserialize)]
struct TypedArticle {
    paragraph_count: usize,
    paragraphs: Vec<Value>,
    judged: usize,
}

#[derive(serde::Deserialize)]
struct TypedDocument {
    articles: Vec<TypedArticle>,
}

#[test]
fn json_documents_write_each_key_once() {
    let (_, stdout, _) = run(&["score", &path("article.html"), "--format", "json"]);
    let document: TypedDocument = serde_json::from_str(&stdout).unwrap();
    let article = &document.articles[0];
    assert_eq!(article.paragraph_count, 5);
    assert_eq!(article.paragraphs.len(), 5);
    let (_, stdout, _) = run(&["gate", &path("article.html"), "--format", "json"]);
    let document: TypedDocument = serde_json::from_str(&stdout).unwrap();
    let article = &document.articles[0];
    assert_eq!(article.paragraph_count, 5);
    assert!(article.paragraphs.is_empty());
    assert!(article.judged <= article.paragraph_count);
}

#[test]
fn gate_json_reports_each_article_for_a_pipeline() {
    let (code, stdout, _) = run(&["gate", &path("article.html"), "--format", "json"]);
    assert_eq!(code, 1);
    let document: Value = serde_json::from_str(&stdout).unwrap();
    let article = &document["articles"][0];
    assert_eq!(article["verdict"], "block");
    assert_eq!(article["paragraphs"].as_array().unwrap().len(), 0);
    for key in [
        "judged",
        "flagged",
        "score",
        "threshold",
        "max_flagged_share",
        "min_flagged",
        "reason",
    ] {
        assert!(!article[key].is_null(), "{key}");
    }
    assert_eq!(document["errors"].as_array().unwrap().len(), 0);
}

#[test]
fn html_report_is_self_contained_escaped_and_highlighted() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile.txt");
    std::fs::write(
        &hostile,
        "Titre & sous-titre\n\nYesterday, <script>alert(1)</script> le président & Putin ont parlé d'une partnership.\n",
    )
    .unwrap();
    let (code, stdout, stderr) = run(&[
        "score",
        &path("machine.txt"),
        hostile.to_str().unwrap(),
        "--format",
        "html",
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("<!DOCTYPE html>"));
    assert!(stdout.trim_end().ends_with("</html>"));
    assert!(!stdout.contains("<script"), "input is escaped");
    assert!(stdout.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(stdout.contains("Titre &amp; sous-titre"));
    assert!(stdout.contains("le président &amp; "));
    for outside in ["http://", "https://", "<link", " src=", "@import"] {
        assert!(!stdout.contains(outside), "self-contained: {outside}");
    }
    assert!(stdout.contains("<style>"));
    assert_eq!(stdout.matches("<section class=\"article").count(), 2);
    assert!(stdout.contains(
        "<mark title=\"anglicism_english: English word; French: hier\" data-hint=\"anglicism_english: English word; French: hier\">Yesterday</mark>"
    ), "{stdout}");
    let first_summary = stdout.find("<header class=\"summary\">").unwrap();
    let first_paragraph = stdout.find("<div class=\"para").unwrap();
    assert!(first_summary < first_paragraph, "summary at the top");
    let section = &stdout[first_summary..stdout.find("</section>").unwrap()];
    assert!(section.contains("<span class=\"verdict block\">block</span>"));
    assert!(section.contains("4 paragraphs, 4 judged, 4 flagged"));
    let lines: Vec<&str> = section
        .match_indices("<span class=\"line\" title=\"line in the input\">")
        .map(|(at, tag)| {
            let rest = &section[at + tag.len()..];
            &rest[..rest.find('<').unwrap()]
        })
        .collect();
    assert_eq!(lines, vec!["1", "3", "5", "7"]);
    assert!(
        stdout.contains("<footer class=\"index\">"),
        "an index for two articles"
    );
}

#[test]
fn html_input_keeps_article_text_and_its_lines() {
    let (code, stdout, stderr) = run(&["score", &path("article.html"), "--format", "jsonl"]);
    assert_eq!(code, 0, "{stderr}");
    let records = jsonl(&stdout);
    let paragraphs: Vec<(u64, &str)> = records
        .iter()
        .filter(|r| r["type"] == "paragraph")
        .map(|r| (r["line"].as_u64().unwrap(), r["text"].as_str().unwrap()))
        .collect();
    let lines: Vec<u64> = paragraphs.iter().map(|p| p.0).collect();
    assert_eq!(lines, vec![22, 23, 26, 29, 31]);
    assert_eq!(
        paragraphs[1].1,
        "Yesterday, le président a rencontré Putin à Moscow pour discuter d'une nouvelle \
         partnership stratégique, selon l'adviseur du Kremlin.",
        "inline tags dropped, whitespace collapsed"
    );
    assert!(paragraphs[2].1.contains("l'énergie & le commerce"));
    assert!(paragraphs[2]
        .1
        .contains("clairs\u{a0}: «\u{a0}nous verrons\u{a0}»"));
    let all: String = paragraphs.iter().map(|p| p.1).collect();
    for skipped in [
        "alerte",
        "document.write",
        "font-family",
        "ministres du monde",
        "Sport et partnership",
        "Édition du soir",
        "Lire aussi",
        "droits réservés",
        "historique",
    ] {
        assert!(!all.contains(skipped), "{skipped} must not be scored");
    }
    let matches: Vec<&str> = records
        .iter()
        .filter(|r| r["type"] == "paragraph")
        .flat_map(|r| r["evidence"].as_array().unwrap())
        .map(|e| e["match"].as_str().unwrap())
        .collect();
    assert!(matches.contains(&"Yesterday") && matches.contains(&"Putin"));
}

#[test]
fn html_files_are_found_in_folders_and_read_from_stdin_on_request() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(data("article.html"), dir.path().join("a.html")).unwrap();
    std::fs::copy(data("clean.txt"), dir.path().join("b.txt")).unwrap();
    std::fs::write(dir.path().join("c.htm"), "<nav><p>Menu seulement</p></nav>").unwrap();
    let (code, stdout, stderr) = run(&["gate", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(code, 2, "c.htm has no article text");
    assert!(
        stderr.contains("c.htm") && stderr.contains("no article text"),
        "{stderr}"
    );
    let verdicts: Vec<(String, String)> = jsonl(&stdout)
        .iter()
        .filter(|r| r["type"] == "article")
        .map(|r| {
            let path = r["path"].as_str().unwrap();
            (
                path.rsplit('/').next().unwrap().to_string(),
                r["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        verdicts,
        vec![
            ("a.html".to_string(), "block".to_string()),
            ("b.txt".to_string(), "pass".to_string())
        ]
    );

    let html = std::fs::read(data("article.html")).unwrap();
    let output = run_with_stdin(
        &["score", "-", "--input-format", "html", "--format", "jsonl"],
        &html,
    );
    assert_eq!(output.status.code(), Some(0));
    let records = jsonl(&String::from_utf8(output.stdout).unwrap());
    assert_eq!(records.last().unwrap()["paragraphs"], 5);
}

#[test]
fn csv_and_json_carry_html_input_lines() {
    let (code, stdout, _) = run(&["score", &path("article.html"), "--format", "csv"]);
    assert_eq!(code, 0);
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let lines: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[1].to_string())
        .collect();
    assert_eq!(lines, vec!["22", "23", "26", "29", "31"]);
    let (_, stdout, _) = run(&["score", &path("article.html"), "--format", "json"]);
    let document: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(document["articles"][0]["paragraphs"][4]["line"], 31);
}

#[test]
fn completions_for_each_shell_mention_score() {
    for shell in ["bash", "zsh", "fish"] {
        let (code, stdout, stderr) = run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {stderr}");
        assert!(stdout.len() > 100, "{shell}: {stdout}");
        assert!(stdout.contains("score"), "{shell}");
        assert!(stdout.contains("max-flagged-share"), "{shell}");
    }
}

#[test]
fn completions_into_a_closed_pipe_exit_quietly() {
    let output = shell("{calque} completions bash | head -c 1 > /dev/null");
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn every_subcommand_has_an_example_and_gate_lists_exit_codes() {
    for command in [
        "score",
        "gate",
        "train",
        "eval",
        "features",
        "synth",
        "info",
        "completions",
    ] {
        let (code, stdout, _) = run(&[command, "--help"]);
        assert_eq!(code, 0);
        assert!(
            stdout.contains("Example: calque "),
            "{command} --help: {stdout}"
        );
    }
    let (_, stdout, _) = run(&["gate", "--help"]);
    for line in [
        "0  every article passes",
        "1  at least one article is blocked",
        "2  an error",
    ] {
        assert!(stdout.contains(line), "{line}: {stdout}");
    }
}

/// `eval` on the labeled test CSV at a threshold low enough that every label-0 row is a false
/// positive, and high enough for label-1 rows to be missed.
fn eval(threshold: &str, format: &str, worst: &str) -> String {
    let (code, stdout, stderr) = run(&[
        "eval",
        "--data",
        &path("labeled.csv"),
        "--threshold",
        threshold,
        "--format",
        format,
        "--worst",
        worst,
    ]);
    assert_eq!(code, 0, "{stderr}");
    stdout
}

#[test]
fn eval_json_lists_the_worst_mistakes_with_their_features() {
    let document: Value = serde_json::from_str(&eval("0", "json", "3")).unwrap();
    assert_eq!(document["false_positives"], 6);
    let worst = document["worst_false_positives"].as_array().unwrap();
    assert_eq!(worst.len(), 3);
    let probabilities: Vec<f64> = worst
        .iter()
        .map(|w| w["probability"].as_f64().unwrap())
        .collect();
    assert!(
        probabilities.windows(2).all(|p| p[0] >= p[1]),
        "{probabilities:?}"
    );
    for w in worst {
        assert_eq!(w["label"], 0);
        assert!(w["id"].is_string() && w["excerpt"].is_string());
        let features = w["features"].as_array().unwrap();
        assert!(features.len() <= 3);
        for f in features {
            assert!(f["contribution"].as_f64().unwrap() > 0.0, "{f}");
        }
    }
    assert_eq!(
        document["worst_false_negatives"].as_array().unwrap().len(),
        0
    );
    let document: Value = serde_json::from_str(&eval("1", "json", "10")).unwrap();
    let missed = document["worst_false_negatives"].as_array().unwrap();
    assert_eq!(missed.len(), 6);
    assert!(missed.iter().all(|w| w["label"] == 1));
}

#[test]
fn eval_names_a_missing_feature_as_absent() {
    // At threshold 1 every label-1 row is missed; a feature that did not fire can only have
    // pushed it down by its absence, and the text and Markdown say so.
    let document: Value = serde_json::from_str(&eval("1", "json", "10")).unwrap();
    let absent = document["worst_false_negatives"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|w| w["features"].as_array().unwrap().clone())
        .find(|f| f["value"].as_f64() == Some(0.0))
        .expect("a missed row pushed down by a feature that did not fire");
    let line = format!("no {} ", absent["feature"].as_str().unwrap());
    assert!(eval("1", "text", "10").contains(&line), "{line}");
    let markdown = eval("1", "markdown", "10");
    assert!(markdown.contains(&line), "{line}");
    assert!(markdown.contains("| features that pushed toward the error |"));
}

#[test]
fn eval_gives_a_bootstrap_interval_around_the_roc_auc() {
    let document: Value = serde_json::from_str(&eval("0", "json", "0")).unwrap();
    let auc = document["roc_auc"].as_f64().unwrap();
    let interval = &document["roc_auc_interval"];
    let (low, high) = (
        interval["low"].as_f64().unwrap(),
        interval["high"].as_f64().unwrap(),
    );
    assert!(low <= auc && auc <= high, "{interval}");
    assert!(interval["groups"].as_u64().unwrap() >= 2, "{interval}");
    assert!(eval("0", "text", "0").contains("ROC AUC 95% interval "));
    assert!(eval("0", "markdown", "0").contains("| ROC AUC 95% interval |"));
}

#[test]
fn eval_gives_thresholds_for_shares_of_human_paragraphs_that_hold_when_passed_back() {
    let document: Value = serde_json::from_str(&eval("0", "json", "0")).unwrap();
    let points = document["operating_points"].as_array().unwrap();
    assert_eq!(points.len(), 5);
    for point in points {
        let threshold = point["threshold"].as_f64().unwrap();
        let again: Value =
            serde_json::from_str(&eval(&format!("{threshold}"), "json", "0")).unwrap();
        assert_eq!(
            again["false_positive_rate"], point["label_0_flagged"],
            "{point}"
        );
        assert_eq!(again["recall"], point["recall"], "{point}");
        assert!(
            point["label_0_flagged"].as_f64() <= point["max_label_0_flagged"].as_f64()
                || threshold == 1.0,
            "{point}"
        );
    }
    assert!(eval("0", "text", "0").contains("thresholds for a share of human paragraphs flagged"));
    assert!(eval("0", "markdown", "0").contains("| human flagged, at most | threshold |"));
}

#[test]
fn eval_text_shows_metrics_confusion_matrix_and_mistakes() {
    let text = eval("0", "text", "2");
    for expected in [
        "12 paragraphs (6 label 1)",
        "ROC AUC ",
        "precision 0.500",
        "recall 1.000",
        "F1 0.667",
        "confusion matrix",
        "label 1 (machine)         6            0",
        "label 0 (human)           6            0",
        "Worst false positives",
        "Worst false negatives",
    ] {
        assert!(text.contains(expected), "{expected}: {text}");
    }
    let listed = text
        .lines()
        .skip_while(|l| !l.starts_with("Worst false positives"))
        .filter(|l| l.starts_with("  ") && l.contains("  0."))
        .count();
    assert_eq!(listed, 2, "--worst 2: {text}");
}

#[test]
fn eval_markdown_quotes_at_most_four_words() {
    let markdown = eval("0", "markdown", "6");
    let rows: Vec<&str> = markdown
        .lines()
        .skip_while(|l| !l.starts_with("Worst false positives"))
        .filter(|l| l.starts_with("| ") && !l.starts_with("| data row "))
        .collect();
    assert_eq!(rows.len(), 6, "{markdown}");
    for row in rows {
        let excerpt = row.rsplit('`').nth(1).unwrap();
        assert!(
            excerpt.trim_end_matches('…').split_whitespace().count() <= 4,
            "{row}"
        );
    }
    assert!(markdown.contains("| label 0 | 6 | 0 |"), "{markdown}");
}

#[test]
fn progress_bars_never_reach_captured_stderr() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3 {
        std::fs::copy(data("clean.txt"), dir.path().join(format!("{i}.txt"))).unwrap();
    }
    let (code, _, stderr) = run(&["score", dir.path().to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let model = dir.path().join("model.json");
    let output = Command::new(assert_cmd::cargo::cargo_bin("calque"))
        .args([
            "train",
            "--data",
            &path("labeled.csv"),
            "--out",
            model.to_str().unwrap(),
            "--folds",
            "2",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(output.stderr.is_empty(), "{:?}", output.stderr);
}

#[test]
fn eval_csv_gives_one_row_per_paragraph_with_its_probability_and_evidence() {
    let (code, stdout, stderr) = run(&[
        "eval",
        "--data",
        &path("labeled.csv"),
        "--format",
        "csv",
        "--by",
        "doc",
        "--threshold",
        "0.5",
    ]);
    assert_eq!(code, 0, "{stderr}");
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec![
            "id",
            "label",
            "doc",
            "probability",
            "flagged",
            "features",
            "matches"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let data = std::fs::read_to_string(path("labeled.csv")).unwrap();
    assert_eq!(rows.len(), data.lines().count() - 1);
    for row in &rows {
        let probability: f64 = row[3].parse().unwrap();
        assert!((0.0..=1.0).contains(&probability));
        assert_eq!(row[4] == *"true", probability >= 0.5, "{row:?}");
        assert_eq!(row[5].is_empty(), row[6].is_empty(), "{row:?}");
    }
    // A machine-translated row of the file is flagged with the spans that fired.
    assert!(rows
        .iter()
        .any(|r| &r[1] == "1" && &r[4] == "true" && !r[6].is_empty()));
}

/// `eval`'s verdicts on the articles of labeled data are `gate`'s on the same rows, with the
/// same options: a threshold and gate options can be tried on a labeled sample.
#[test]
fn eval_blocks_the_articles_gate_blocks() {
    let labels: std::collections::BTreeMap<String, String> =
        csv::Reader::from_path(path("labeled.csv"))
            .unwrap()
            .deserialize::<std::collections::HashMap<String, String>>()
            .map(|row| {
                let row = row.unwrap();
                (row["doc"].clone(), row["label"].clone())
            })
            .collect();
    for options in [
        vec![],
        vec!["--min-flagged", "1"],
        vec!["--threshold", "0"],
        vec!["--threshold", "0.9", "--max-flagged-share", "0.5"],
        vec!["--min-words", "40"],
        vec!["--article-context", "0"],
        vec!["--article-context", "3", "--threshold", "0.9"],
    ] {
        let data = path("labeled.csv");
        let mut gate = vec!["gate", "--data", &data, "--format", "jsonl"];
        gate.extend(&options);
        let (_, stdout, stderr) = run(&gate);
        let mut blocked = [0, 0];
        for line in stdout.lines() {
            let record: Value = serde_json::from_str(line).unwrap();
            let doc = record["path"].as_str().unwrap().rsplit('#').next().unwrap();
            let label = usize::from(labels[doc] == "1");
            blocked[label] += usize::from(record["verdict"] == "block");
        }
        let mut eval = vec!["eval", "--data", &data, "--format", "json"];
        eval.extend(&options);
        let (code, stdout, _) = run(&eval);
        assert_eq!(code, 0, "{options:?} {stderr}");
        let articles = &serde_json::from_str::<Value>(&stdout).unwrap()["articles"];
        assert_eq!(articles["human"]["articles"], 5, "{options:?}");
        assert_eq!(articles["machine"]["articles"], 5, "{options:?}");
        assert_eq!(articles["mixed"]["articles"], 0, "{options:?}");
        assert_eq!(articles["human"]["blocked"], blocked[0], "{options:?}");
        assert_eq!(articles["machine"]["blocked"], blocked[1], "{options:?}");
    }
    assert!(eval("0", "text", "0").contains("articles (rows sharing doc) as gate would judge them"));
    assert!(eval("0", "markdown", "0").contains("| human (every row label 0) | 5 | 5 (100.0%) |"));
}

/// `eval` gives each row the probability `score` gives it in its article, the article context
/// included, and names the context among the reasons of a row it raised.
#[test]
fn eval_and_score_agree_on_each_probability_in_context() {
    let data = path("labeled.csv");
    let scored = |weight: &str| -> Vec<Value> {
        let args = [
            "--data",
            &data,
            "--format",
            "jsonl",
            "--article-context",
            weight,
        ];
        let (code, stdout, stderr) = run(&[&["score"], &args[..]].concat());
        assert_eq!(code, 0, "{stderr}");
        jsonl(&stdout)
            .into_iter()
            .filter(|r| r["type"] == "paragraph")
            .collect()
    };
    for weight in ["0", "0.4", "3"] {
        let (code, stdout, stderr) = run(&[
            "eval",
            "--data",
            &data,
            "--format",
            "csv",
            "--article-context",
            weight,
        ]);
        assert_eq!(code, 0, "{stderr}");
        let evaluated: Vec<f64> = csv::Reader::from_reader(stdout.as_bytes())
            .records()
            .map(|r| r.unwrap()[2].parse().unwrap())
            .collect();
        let scored = scored(weight);
        assert_eq!(scored.len(), evaluated.len());
        for (s, e) in scored.iter().zip(&evaluated) {
            let s = s["probability"].as_f64().unwrap();
            assert!((s - e).abs() < 1e-4, "weight {weight}: score {s}, eval {e}");
        }
    }
    let (context, alone) = (scored("0.4"), scored("0"));
    let raised: Vec<(&Value, &Value)> = context
        .iter()
        .zip(&alone)
        .filter(|(c, a)| c["probability"] != a["probability"])
        .collect();
    assert!(!raised.is_empty());
    for (c, a) in raised {
        assert!(c["probability"].as_f64() > a["probability"].as_f64(), "{c}");
        assert!(
            c["reasons"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["feature"] == "article_context" && r["family"] == "article"),
            "{c}"
        );
    }
}
