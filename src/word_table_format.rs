//! The layout of the word table that `build.rs` compiles from the word lists (French and
//! English frequencies, noun genders) and that [`crate::word_table`] reads in place. This file
//! is shared, through `#[path]`, by the build script and the library, so both hash and lay out
//! words the same way. It must not depend on any crate.
//!
//! Layout, all integers little-endian:
//! - header: [`HEADER_FIELDS`] `u32`s: slot count (a power of two), entry count, and the number
//!   of words in the French list, the English list and the gender list;
//! - slots: one `u32` per slot, 0 for empty, else 1 + the index of an entry (open addressing,
//!   linear probing, at most half full);
//! - entries: [`ENTRY_BYTES`] bytes each: offset of the word in the string area (`u32`), its
//!   length in bytes (`u16`), French and English Zipf frequencies in hundredths (`u16`, 0 when
//!   the list lacks the word), gender (`u8`: 0 none, 1 masculine, 2 feminine), one spare byte;
//! - strings: every word's UTF-8 bytes, back to back.

/// Number of `u32` fields in the header.
pub const HEADER_FIELDS: usize = 5;
/// Size of one entry in bytes.
pub const ENTRY_BYTES: usize = 12;

/// FNV-1a, 64 bits: a short, fixed hash both sides compute identically.
pub fn hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
