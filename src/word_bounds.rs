//! Unicode word boundaries (UAX #29), fast for the text calque mostly reads.
//!
//! [`word_bound_indices`] gives exactly the pieces of unicode-segmentation's
//! `split_word_bound_indices`, which spent a third of scoring time looking up the word-break
//! class of every character in its tables. French news is almost always written with ASCII,
//! Latin-1, Latin Extended-A and -B letters, digits, spaces and a few dozen punctuation marks
//! (’ « » — … € and the narrow no-break space). For a paragraph made only of those, the
//! classes come from one `match` and the few rules that can apply between them are applied
//! here; any other character (a combining accent, a soft hyphen, Cyrillic, an emoji, a line
//! break) sends the whole text to unicode-segmentation, which stays the reference.
//!
//! The tests check every character of the fast set in every context of the rules against
//! unicode-segmentation, every short sequence of classes, and the training corpus.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// Word-break class (UAX #29, table 3) of a character of the fast set.
///
/// `'` (Single_Quote) is counted as MidNumLet and `"` (Double_Quote) as Other: they differ
/// only next to Hebrew letters, which are not in the fast set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Letters (ALetter).
    Letter,
    /// Digits (Numeric).
    Digit,
    /// Joins letters only (MidLetter): `:` `·`.
    MidLetter,
    /// Joins digits only (MidNum): `,` `;`.
    MidNum,
    /// Joins letters and digits (MidNumLet, Single_Quote): `.` `'` `‘` `’`.
    MidNumLet,
    /// Joins anything wordlike (ExtendNumLet): `_` and the narrow no-break space.
    ExtendNumLet,
    /// Spaces that run together (WSegSpace).
    Space,
    /// Everything else of the fast set: a piece of its own.
    Other,
}

/// [`class_by_match`] of every ASCII character, looked up instead of matched: most of the
/// text is ASCII.
const ASCII_CLASSES: [Option<Class>; 128] = {
    let mut table = [None; 128];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = class_by_match(byte as u8 as char);
        byte += 1;
    }
    table
};

/// The class of a character, or `None` when it is outside the fast set.
const fn class_by_match(c: char) -> Option<Class> {
    use Class::*;
    Some(match c {
        'a'..='z' | 'A'..='Z' => Letter,
        '0'..='9' => Digit,
        ' ' => Space,
        '.' | '\'' => MidNumLet,
        ',' | ';' => MidNum,
        ':' => MidLetter,
        '_' => ExtendNumLet,
        '\t' | '!'..='~' => Other,
        // ª µ º, and the cedilla, which Unicode counts among the letters for word breaks.
        '\u{AA}' | '\u{B5}' | '\u{B8}' | '\u{BA}' => Letter,
        '\u{B7}' => MidLetter,
        // Soft hyphen: Format, which the rules skip over.
        '\u{AD}' => return None,
        '\u{A0}'..='\u{BF}' | '\u{D7}' | '\u{F7}' => Other,
        '\u{C0}'..='\u{24F}' => Letter,
        '\u{2018}' | '\u{2019}' => MidNumLet,
        '\u{202F}' => ExtendNumLet,
        '\u{2000}'..='\u{2006}' | '\u{2008}'..='\u{200A}' => Space,
        '\u{2007}'
        | '\u{2010}'..='\u{2017}'
        | '\u{201A}'..='\u{2022}'
        | '\u{2026}'
        | '\u{2030}'..='\u{203A}'
        | '\u{20AC}' => Other,
        _ => return None,
    })
}

/// True for the classes that make words: a piece that starts with one runs on over the
/// others.
fn is_wordlike(class: Class) -> bool {
    matches!(class, Class::Letter | Class::Digit | Class::ExtendNumLet)
}

/// The class of a character, or `None` when it is outside the fast set.
#[inline]
fn class(c: char) -> Option<Class> {
    if c.is_ascii() {
        ASCII_CLASSES[c as usize]
    } else {
        class_by_match(c)
    }
}

/// True for the letters of the fast set (ASCII, Latin-1 and Latin Extended-A and -B letters):
/// the rules never split a run of them, so such a run is one word piece.
pub fn is_letter(c: char) -> bool {
    class(c) == Some(Class::Letter)
}

/// True when every character of the text is in the fast set.
fn is_fast(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii() {
            if ASCII_CLASSES[usize::from(bytes[at])].is_none() {
                return false;
            }
            at += 1;
        } else {
            let c = char_at(text, at);
            if class_by_match(c).is_none() {
                return false;
            }
            at += c.len_utf8();
        }
    }
    true
}

/// The character that starts at byte `at`, which holds one.
#[inline]
fn char_at(text: &str, at: usize) -> char {
    text[at..]
        .chars()
        .next()
        .expect("a character starts at a boundary before the end")
}

/// The class and UTF-8 length of the character at byte `at` of a text [`is_fast`] accepted,
/// or `None` at the end of the text. ASCII, most of the text, is looked up without decoding.
#[inline(always)]
fn class_at(text: &str, at: usize) -> Option<(Class, usize)> {
    let byte = *text.as_bytes().get(at)?;
    if byte.is_ascii() {
        let class = ASCII_CLASSES[usize::from(byte)].expect("is_fast checked every character");
        Some((class, 1))
    } else {
        let c = char_at(text, at);
        Some((fast_class(c), c.len_utf8()))
    }
}

/// The class of a character of a text [`is_fast`] accepted.
#[inline]
fn fast_class(c: char) -> Class {
    class(c).expect("is_fast checked every character")
}

/// Pieces of a text between word boundaries, with their byte offsets: the same as
/// unicode-segmentation's `split_word_bound_indices`, faster on the common case.
pub fn word_bound_indices(text: &str) -> WordBoundIndices<'_> {
    if is_fast(text) {
        WordBoundIndices::Fast { text, position: 0 }
    } else {
        WordBoundIndices::Unicode(text.split_word_bound_indices())
    }
}

/// Iterator of [`word_bound_indices`].
pub enum WordBoundIndices<'a> {
    /// Every character is in the fast set; `position` is where the next piece starts.
    Fast {
        /// The text.
        text: &'a str,
        /// Byte offset of the next piece.
        position: usize,
    },
    /// Some character is not: unicode-segmentation does it all.
    Unicode(UWordBoundIndices<'a>),
}

impl<'a> Iterator for WordBoundIndices<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            WordBoundIndices::Unicode(pieces) => pieces.next(),
            WordBoundIndices::Fast { text, position } => {
                let start = *position;
                if start == text.len() {
                    return None;
                }
                let end = piece_end(text, start);
                *position = end;
                Some((start, &text[start..end]))
            }
        }
    }
}

/// Where the piece that starts at byte `start` ends, in a text [`is_fast`] accepted.
fn piece_end(text: &str, start: usize) -> usize {
    let (first_class, first_len) =
        class_at(text, start).expect("a piece starts before the end of the text");
    let mut end = start + first_len;
    match first_class {
        // WB3d: spaces stay together.
        Class::Space => {
            while let Some((Class::Space, len)) = class_at(text, end) {
                end += len;
            }
        }
        _ if is_wordlike(first_class) => {
            let mut last = first_class;
            while let Some((next_class, next_len)) = class_at(text, end) {
                // WB5, WB8–WB10, WB13a, WB13b: letters, digits and connectors run together.
                if is_wordlike(next_class) {
                    end += next_len;
                    last = next_class;
                    continue;
                }
                // WB6, WB7 (letter, mid, letter) and WB11, WB12 (digit, mid, digit).
                let mid = match last {
                    Class::Letter => matches!(next_class, Class::MidLetter | Class::MidNumLet),
                    Class::Digit => matches!(next_class, Class::MidNum | Class::MidNumLet),
                    _ => false,
                };
                match class_at(text, end + next_len) {
                    Some((after_class, after_len)) if mid && after_class == last => {
                        end += next_len + after_len;
                    }
                    _ => break,
                }
            }
        }
        // WB999: a mark or a symbol on its own (a mid class only joins between two
        // wordlike characters, which the piece before would have taken).
        _ => {}
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_of_letters_is_one_piece() {
        for c in fast_set().into_iter().filter(|&c| is_letter(c)) {
            for text in [format!("a{c}b"), format!("{c}{c}"), format!("{c}é{c}")] {
                assert_eq!(fast(&text), vec![(0, text.as_str())], "{text:?}");
            }
        }
    }

    fn fast(text: &str) -> Vec<(usize, &str)> {
        assert!(is_fast(text), "{text:?} is not fast");
        word_bound_indices(text).collect()
    }

    fn reference(text: &str) -> Vec<(usize, &str)> {
        text.split_word_bound_indices().collect()
    }

    /// One character of each class, and the characters the rules treat specially.
    const REPRESENTATIVES: &[char] = &[
        'a', 'É', '7', ':', '·', ',', ';', '.', '\'', '’', '_', '\u{202F}', ' ', '\u{2009}', '-',
        '"', '«', '\u{A0}', '\t', '…',
    ];

    /// Every character of the fast set.
    fn fast_set() -> Vec<char> {
        (0..=0x3000u32)
            .filter_map(char::from_u32)
            .filter(|&c| class(c).is_some())
            .collect()
    }

    #[test]
    fn every_fast_character_splits_as_unicode_segmentation_in_every_context() {
        let set = fast_set();
        let mut text = String::new();
        for &c in &set {
            for &x in REPRESENTATIVES {
                for &y in REPRESENTATIVES {
                    for order in [[c, x, y], [x, c, y], [x, y, c]] {
                        text.clear();
                        text.extend(order);
                        assert_eq!(fast(&text), reference(&text), "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn every_short_sequence_of_classes_splits_as_unicode_segmentation() {
        let n = REPRESENTATIVES.len();
        let mut text = String::new();
        for length in 1..=4u32 {
            for mut code in 0..n.pow(length) {
                text.clear();
                for _ in 0..length {
                    text.push(REPRESENTATIVES[code % n]);
                    code /= n;
                }
                assert_eq!(fast(&text), reference(&text), "{text:?}");
            }
        }
    }

    #[test]
    fn runs_across_mid_letters_and_numbers() {
        for text in [
            "aujourd'hui l’État 12,5 3.14 1.000.000 a.b.c a:b 1:2 a,b 1;2 x_y 10\u{202F}000",
            "Le 1er janvier, M. Dupont a dit « non »… — 5 €.",
            "a.1 1.a a..b 1,,2 a'' 'a a' ..",
        ] {
            assert_eq!(fast(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn text_outside_the_fast_set_goes_to_unicode_segmentation() {
        for text in [
            "e\u{301}te\u{301}",
            "Москва́ 2024",
            "deux\nlignes",
            "bi\u{AD}bliothèque",
            "👍🏽 ok",
            "שלום'ב",
        ] {
            assert!(matches!(
                word_bound_indices(text),
                WordBoundIndices::Unicode(_)
            ));
            assert_eq!(
                word_bound_indices(text).collect::<Vec<_>>(),
                reference(text)
            );
        }
    }

    #[test]
    fn the_training_corpus_splits_as_unicode_segmentation() {
        let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/training-data");
        let mut files = vec![std::path::PathBuf::from(folder).join("generated.csv")];
        let written = std::path::PathBuf::from(folder).join("written");
        files.extend(
            std::fs::read_dir(&written)
                .unwrap()
                .map(|e| e.unwrap().path()),
        );
        let mut paragraphs = 0;
        for file in files {
            let mut reader = csv::Reader::from_path(&file).unwrap();
            let column = reader
                .headers()
                .unwrap()
                .iter()
                .position(|h| h == "text")
                .unwrap();
            for record in reader.records() {
                let text = record.unwrap()[column].to_string();
                assert_eq!(
                    word_bound_indices(&text).collect::<Vec<_>>(),
                    reference(&text),
                    "{text:?}"
                );
                paragraphs += 1;
            }
        }
        assert!(paragraphs > 1000, "{paragraphs}");
    }
}
