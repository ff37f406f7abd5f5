//! French and English word frequencies and French noun genders, looked up in place in a table
//! that `build.rs` compiles from the word lists (see [`crate::word_table_format`] for the
//! layout). Nothing is parsed at start-up, and a lookup is one hash and, almost always, one
//! string comparison.

use crate::word_table_format::{hash, ENTRY_BYTES, HEADER_FIELDS};

static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/word_table.bin"));

/// Grammatical gender of a French noun.
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
}

/// The compiled word table.
pub struct WordTable {
    slots: &'static [u8],
    entries: &'static [u8],
    strings: &'static [u8],
    slot_mask: usize,
    counts: [usize; 3],
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]])
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([bytes[at], bytes[at + 1]])
}

impl WordTable {
    /// The table compiled into the binary.
    pub fn embedded() -> Self {
        let field = |i: usize| u32_at(TABLE, i * 4) as usize;
        let (slot_count, entry_count) = (field(0), field(1));
        let slots_start = HEADER_FIELDS * 4;
        let entries_start = slots_start + slot_count * 4;
        let strings_start = entries_start + entry_count * ENTRY_BYTES;
        WordTable {
            slots: &TABLE[slots_start..entries_start],
            entries: &TABLE[entries_start..strings_start],
            strings: &TABLE[strings_start..],
            slot_mask: slot_count - 1,
            counts: [field(2), field(3), field(4)],
        }
    }

    /// What the lists say of a lowercase word; `None` when no list has it.
    pub fn get(&self, word: &str) -> Option<WordInfo> {
        let mut slot = hash(word.as_bytes()) as usize & self.slot_mask;
        loop {
            let index = u32_at(self.slots, slot * 4) as usize;
            if index == 0 {
                return None;
            }
            let entry = (index - 1) * ENTRY_BYTES;
            let offset = u32_at(self.entries, entry) as usize;
            let len = usize::from(u16_at(self.entries, entry + 4));
            if &self.strings[offset..offset + len] == word.as_bytes() {
                return Some(WordInfo {
                    fr_zipf: f32::from(u16_at(self.entries, entry + 6)) / 100.0,
                    en_zipf: f32::from(u16_at(self.entries, entry + 8)) / 100.0,
                    gender: match self.entries[entry + 10] {
                        1 => Some(Gender::Masculine),
                        2 => Some(Gender::Feminine),
                        _ => None,
                    },
                });
            }
            slot = (slot + 1) & self.slot_mask;
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
        self.fr_zipf(word) > 0.0
            || (word.contains('-') && word.split('-').all(|part| self.fr_zipf(part) > 0.0))
    }

    /// French Zipf frequency of a word, or of its rarest part for a hyphenated word that the
    /// list lacks.
    pub fn fr_zipf_of_compound(&self, word: &str) -> f32 {
        match self.fr_zipf(word) {
            zipf if zipf > 0.0 => zipf,
            _ if word.contains('-') => word
                .split('-')
                .map(|part| self.fr_zipf(part))
                .fold(f32::MAX, f32::min),
            _ => 0.0,
        }
    }

    /// Number of words in the French list, the English list and the gender list.
    pub fn counts(&self) -> [usize; 3] {
        self.counts
    }
}
