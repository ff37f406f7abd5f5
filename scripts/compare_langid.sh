#!/usr/bin/env bash
# Compares whatlang (English+French allowlist, what calque uses) with lingua (English+French
# models only) on tests/data/langid.tsv: accuracy per group, speed and binary size. Builds a
# throwaway crate in a temp folder; run by hand (about a minute), not by CI.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
cat > "$work/Cargo.toml" <<'TOML'
[package]
name = "langid-compare"
version = "0.0.0"
edition = "2021"
[dependencies]
whatlang = "0.18"
lingua = { version = "1.8", default-features = false, features = ["english", "french"] }
TOML
cat > "$work/src/main.rs" <<'RUST'
use std::time::Instant;
use lingua::{Language, LanguageDetectorBuilder};
use whatlang::{Detector, Lang};
fn main() {
    let path = std::env::args().nth(1).expect("path to langid.tsv");
    let text = std::fs::read_to_string(path).expect("readable");
    let rows: Vec<(&str, &str)> = text.lines().filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t')).collect();
    let whatlang = Detector::with_allowlist(vec![Lang::Eng, Lang::Fra]);
    let lingua = LanguageDetectorBuilder::from_languages(&[Language::English, Language::French]).build();
    for name in ["whatlang", "lingua"] {
        let mut right = std::collections::BTreeMap::<&str, (usize, usize)>::new();
        let start = Instant::now();
        for _ in 0..100 {
            for (expected, sentence) in &rows {
                let english = match name {
                    "whatlang" => whatlang.detect_lang(sentence) == Some(Lang::Eng),
                    _ => lingua.detect_language_of(*sentence) == Some(Language::English),
                };
                let ok = english == (*expected == "en");
                let e = right.entry(expected).or_default();
                e.0 += usize::from(ok);
                e.1 += 1;
            }
        }
        let per_sentence = start.elapsed().as_secs_f64() / (100 * rows.len()) as f64;
        let groups: Vec<String> = right.iter().map(|(k, (ok, n))| format!("{k} {}/{}", ok / 100, n / 100)).collect();
        println!("{name}: {} right; {:.1} µs per sentence", groups.join(", "), per_sentence * 1e6);
    }
}
RUST
(cd "$work" && cargo build --release --quiet)
"$work/target/release/langid-compare" "$here/tests/data/langid.tsv"
echo "binary with both detectors: $(du -h "$work/target/release/langid-compare" | cut -f1)"
