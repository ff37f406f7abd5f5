//! French and English word frequencies and the genders of French nouns and adjectives, looked up in place in a table
//! that `build.rs` compiles from the word lists (see `word_table_format.rs` for the
//! layout). Nothing is parsed at start-up, and a lookup is one hash, one slot read and, almost
//! always, one record read and one string comparison.

use crate::word_table_format::{hash, HEADER_FIELDS, RECORD_HEADER_BYTES, VERSION};

static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word_table.bin"));

/// Grammatical gender of a French noun or adjective.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// Masculine.
    Masculine,
    /// Feminine.
    Feminine,
}

/// What the word lists say of one word.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct WordInfo {
    /// Zipf frequency in French (log10 of occurrences per billion words), 0 when unlisted.
    pub fr_zipf: f32,
    /// Zipf frequency in English, 0 when unlisted.
    pub en_zipf: f32,
    /// Gender, for French common nouns.
    pub gender: Option<Gender>,
    /// Gender, for the forms of French adjectives that show it (heureux, heureuse, nationaux).
    pub adjective_gender: Option<Gender>,
}

/// The compiled word table.
pub struct WordTable {
    slots: &'static [u8],
    records: &'static [u8],
    slot_mask: usize,
    counts: [usize; 4],
}

fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut le = [0; 8];
    le.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(le)
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

/// Decodes one 2-bit gender code of a record.
fn gender(code: u8) -> Option<Gender> {
    match code & 3 {
        1 => Some(Gender::Masculine),
        2 => Some(Gender::Feminine),
        _ => None,
    }
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

impl WordTable {
    /// The table compiled into the binary.
    pub fn embedded() -> Self {
        let field = |i: usize| u32_at(TABLE, i * 4) as usize;
        assert_eq!(
            field(0),
            VERSION as usize,
            "the word table was built for another layout: rebuild calque"
        );
        let slot_count = field(1);
        let slots_start = HEADER_FIELDS * 4;
        let records_start = slots_start + slot_count * 8;
        WordTable {
            slots: &TABLE[slots_start..records_start],
            records: &TABLE[records_start..],
            slot_mask: slot_count - 1,
            counts: [field(3), field(4), field(5), field(6)],
        }
    }

    /// What the lists say of a lowercase word; `None` when no list has it.
    pub fn get(&self, word: &str) -> Option<WordInfo> {
        let hash = hash(word.as_bytes());
        let home = hash as usize & self.slot_mask;
        self.probe(word, hash, u64_at(self.slots, home * 8))
    }

    /// [`WordTable::get`] of every word, in order. The home slots of all the words are read
    /// first, in a loop whose reads do not depend on each other, so the processor fetches
    /// them from memory together instead of one lookup at a time. The hashes get a pass of
    /// their own: hashing and reading in one loop measured 2 % slower (30 interleaved runs).
    pub fn get_all<'w>(&self, words: impl Iterator<Item = &'w str> + Clone) -> Vec<WordInfo> {
        let hashes: Vec<u64> = words.clone().map(|w| hash(w.as_bytes())).collect();
        let homes: Vec<u64> = hashes
            .iter()
            .map(|&h| u64_at(self.slots, (h as usize & self.slot_mask) * 8))
            .collect();
        words
            .zip(hashes.iter().zip(homes))
            .map(|(word, (&hash, home))| self.probe(word, hash, home).unwrap_or_default())
            .collect()
    }

    /// Looks `word` up from its home slot, whose value `first` is already read.
    fn probe(&self, word: &str, hash: u64, first: u64) -> Option<WordInfo> {
        let tag = hash >> 32;
        let mut slot = hash as usize & self.slot_mask;
        let mut value = first;
        loop {
            if value == 0 {
                return None;
            }
            if value >> 32 == tag {
                let record = (value & u64::from(u32::MAX)) as usize - 1;
                let start = record + RECORD_HEADER_BYTES;
                let length = usize::from(self.records[record + 5]);
                if self.records.get(start..start + length) == Some(word.as_bytes()) {
                    return Some(WordInfo {
                        fr_zipf: f32::from(u16_at(self.records, record)) / 100.0,
                        en_zipf: f32::from(u16_at(self.records, record + 2)) / 100.0,
                        gender: gender(self.records[record + 4]),
                        adjective_gender: gender(self.records[record + 4] >> 2),
                    });
                }
            }
            slot = (slot + 1) & self.slot_mask;
            value = u64_at(self.slots, slot * 8);
        }
    }

    /// French Zipf frequency of a lowercase word, 0 when unknown.
    pub fn fr_zipf(&self, word: &str) -> f32 {
        self.get(word).map_or(0.0, |w| w.fr_zipf)
    }

    /// English Zipf frequency of a lowercase word, 0 when unknown.
    pub fn en_zipf(&self, word: &str) -> f32 {
        self.get(word).map_or(0.0, |w| w.en_zipf)
    }

    /// Gender of a French common noun.
    pub fn gender(&self, word: &str) -> Option<Gender> {
        self.get(word).and_then(|w| w.gender)
    }

    /// True when the French list has the word. wordfreq splits words at hyphens, so a
    /// hyphenated word is known when each of its parts is.
    pub fn is_french(&self, word: &str) -> bool {
        self.fr_zipf_of_compound(word) > 0.0
    }

    /// French Zipf frequency of one part of a hyphenated word. wordfreq also splits off
    /// elisions, so a part that starts with one (the "d'œuvre" of main-d'œuvre) counts as the
    /// word after the apostrophe.
    fn part_fr_zipf(&self, part: &str) -> f32 {
        match self.fr_zipf(part) {
            zipf if zipf > 0.0 => zipf,
            _ => part
                .split_once('\'')
                .map_or(0.0, |(_, rest)| self.fr_zipf(rest)),
        }
    }

    /// French Zipf frequency of a word, or of its rarest part for a hyphenated word that the
    /// list lacks.
    pub fn fr_zipf_of_compound(&self, word: &str) -> f32 {
        match self.fr_zipf(word) {
            zipf if zipf > 0.0 => zipf,
            _ if word.contains('-') => word
                .split('-')
                .map(|part| self.part_fr_zipf(part))
                .fold(f32::MAX, f32::min),
            _ => 0.0,
        }
    }

    /// Number of words in the French list, the English list, the noun gender list and the
    /// adjective gender list.
    pub fn counts(&self) -> [usize; 4] {
        self.counts
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looking_words_up_together_gives_what_each_lookup_gives() {
        let table = WordTable::embedded();
        let words = [
            "le",
            "maison",
            "the",
            "motquinexistepas",
            "",
            "heureuse",
            "week-end",
            "l'",
            "été",
        ];
        let one_by_one: Vec<WordInfo> = words
            .iter()
            .map(|w| table.get(w).unwrap_or_default())
            .collect();
        assert_eq!(table.get_all(words.iter().copied()), one_by_one);
        assert!(one_by_one[1].fr_zipf > 0.0 && one_by_one[3] == WordInfo::default());
    }
}
