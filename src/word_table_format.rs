//! The layout of the word table that `build.rs` compiles from the word lists (French and
//! English frequencies, noun and adjective genders) and that [`crate::word_table`] reads in place. This file
//! is shared, through `#[path]`, by the build script and the library, so both hash and lay out
//! words the same way. It must not depend on any crate.
//!
//! Layout, all integers little-endian:
//! - header: [`HEADER_FIELDS`] `u32`s: [`VERSION`], slot count (a power of two), word count,
//!   and the number of words in the French list, the English list, the noun gender list and
//!   the adjective gender list;
//! - slots: one `u64` per slot (open addressing, linear probing, at most half full): 0 for
//!   empty, else the high 32 bits of the word's [`hash`] (so a probe that meets another word
//!   rarely has to read its record) above 1 + the byte offset of the word's record;
//! - records, one per word, [`RECORD_HEADER_BYTES`] then the word: French and English Zipf
//!   frequencies in hundredths (`u16`, 0 when the list lacks the word), genders (`u8`: the noun's
//!   gender in bits 0–1 and the adjective's in bits 2–3, each 0 none, 1 masculine, 2 feminine), the word's length in bytes (`u8`), then its UTF-8 bytes. Records
//!   are ordered by frequency, most frequent first, so the words most text is made of share a
//!   few cache lines, and a word's data and spelling are read together.

/// Layout version, the first header field: a table left by a build of another layout is
/// refused at start-up instead of being misread.
pub const VERSION: u32 = 3;
/// Number of `u32` fields in the header.
pub const HEADER_FIELDS: usize = 7;
/// Size of a record before the word's bytes.
pub const RECORD_HEADER_BYTES: usize = 6;

/// FNV-1a, 64 bits: a short, fixed hash both sides compute identically.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
