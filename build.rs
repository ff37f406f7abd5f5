//! Compiles the big word lists (`fr_words`, `en_words`, `noun_gender`, `adjective_gender`) into one hash
//! table laid out as `src/word_table_format.rs` describes, so the binary looks words up in
//! place instead of building a map of 230,000 words at every start.

#[path = "src/word_table_format.rs"]
mod format;

use std::collections::BTreeMap;
use std::path::Path;

#[derive(Default, Clone, Copy)]
struct Word {
    fr: u16,
    en: u16,
    noun_gender: u8,
    adjective_gender: u8,
}

/// Reads `word<TAB>value` lines, skipping `#` comments: lines starting with `#` that hold no
/// tab, the rule of `lexicon::parse`, which checks these files in the tests.
fn entries(path: &str) -> Vec<(String, String)> {
    println!("cargo::rerun-if-changed={path}");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') || line.contains('\t'))
        .map(|(i, line)| {
            let (word, value) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("{path}:{}: expected word<TAB>value", i + 1));
            (word.to_string(), value.to_string())
        })
        .collect()
}

/// Gender code of the word table: 1 masculine, 2 feminine.
fn gender_code(path: &str, word: &str, value: &str) -> u8 {
    match value {
        "m" => 1,
        "f" => 2,
        other => panic!("{path}: gender {other:?} for {word:?}"),
    }
}

/// Zipf frequency written with two decimals → hundredths.
fn hundredths(path: &str, word: &str, value: &str) -> u16 {
    let zipf: f64 = value
        .parse()
        .unwrap_or_else(|_| panic!("{path}: bad frequency {value:?} for {word:?}"));
    (zipf * 100.0).round() as u16
}

fn main() {
    println!("cargo::rerun-if-changed=src/word_table_format.rs");
    let mut words: BTreeMap<String, Word> = BTreeMap::new();
    let fr_path = "src/lexicons/fr_words.tsv";
    let en_path = "src/lexicons/en_words.tsv";
    let gender_path = "src/lexicons/noun_gender.tsv";
    let fr = entries(fr_path);
    let en = entries(en_path);
    let genders = entries(gender_path);
    let adjective_path = "src/lexicons/adjective_gender.tsv";
    let adjectives = entries(adjective_path);
    for (word, value) in &fr {
        words.entry(word.clone()).or_default().fr = hundredths(fr_path, word, value);
    }
    for (word, value) in &en {
        words.entry(word.clone()).or_default().en = hundredths(en_path, word, value);
    }
    for (word, value) in &genders {
        words.entry(word.clone()).or_default().noun_gender = gender_code(gender_path, word, value);
    }
    for (word, value) in &adjectives {
        words.entry(word.clone()).or_default().adjective_gender =
            gender_code(adjective_path, word, value);
    }

    // Most frequent first (in either language), then alphabetically: see the format's notes.
    let mut ordered: Vec<(&String, &Word)> = words.iter().collect();
    ordered.sort_by_key(|&(word, info)| (std::cmp::Reverse(info.fr.max(info.en)), word));
    let slot_count = (words.len() * 2).next_power_of_two();
    let mut slots = vec![0u64; slot_count];
    let mut records = Vec::new();
    for (word, info) in ordered {
        let hash = format::hash(word.as_bytes());
        let mut slot = hash as usize & (slot_count - 1);
        while slots[slot] != 0 {
            slot = (slot + 1) & (slot_count - 1);
        }
        slots[slot] = (hash >> 32) << 32 | (records.len() as u64 + 1);
        let record = records.len();
        records.extend_from_slice(&info.fr.to_le_bytes());
        records.extend_from_slice(&info.en.to_le_bytes());
        records.push(info.noun_gender | info.adjective_gender << 2);
        let length = u8::try_from(word.len())
            .unwrap_or_else(|_| panic!("{word:?} is longer than 255 bytes"));
        records.push(length);
        assert_eq!(records.len() - record, format::RECORD_HEADER_BYTES);
        records.extend_from_slice(word.as_bytes());
    }
    assert!(
        records.len() < u32::MAX as usize,
        "record offsets fit in 32 bits"
    );

    let header = [
        format::VERSION as usize,
        slot_count,
        words.len(),
        fr.len(),
        en.len(),
        genders.len(),
        adjectives.len(),
    ];
    assert_eq!(header.len(), format::HEADER_FIELDS);
    let mut out = Vec::new();
    for field in header {
        out.extend_from_slice(&(field as u32).to_le_bytes());
    }
    for slot in slots {
        out.extend_from_slice(&slot.to_le_bytes());
    }
    out.extend_from_slice(&records);
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out_dir).join("word_table.bin"), out)
        .expect("writing the word table");
}
