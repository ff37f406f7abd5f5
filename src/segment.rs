//! Text → paragraphs → sentences → words, with French conventions.
//!
//! Paragraphs keep the 1-based line where they start, so every report points back into the
//! input. Web-scraped text has one paragraph per line; hard-wrapped prose (a line that stops
//! mid-sentence and a next line that goes on in lowercase) is joined back into one paragraph.
//! Words come from Unicode word boundaries (UAX #29, [`crate::word_bounds`]), with two French fixes: a hyphen between
//! two words keeps one token ("porte-parole"), and elided articles and pronouns are split off
//! ("l'économie" → "l'" + "économie").

use std::hash::Hasher;

use compact_str::CompactString;
use rustc_hash::FxHasher;

use crate::word_bounds::word_bound_indices;

/// One paragraph of an article, with the line of the input where it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text, lines joined by a single space, trimmed.
    pub text: String,
    /// 1-based line number in the input where the paragraph starts.
    pub line: usize,
}

/// A word of a paragraph, with its byte span in the paragraph's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offset where the word starts.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// Lowercase form with typographic apostrophes made straight (`’` → `'`). Words this short
    /// are stored inline, so most tokens cost no allocation.
    pub norm: CompactString,
    /// Index of the sentence the word belongs to.
    pub sentence: usize,
    /// [`word_hash`] of `norm`, computed once for the lexicon lookups.
    pub norm_hash: u64,
    /// [`word_hash`] of the word as written (apostrophes made straight), for case-sensitive
    /// lexicons.
    pub raw_hash: u64,
    /// [`prefix_hash`] of `norm`, for the lexicon patterns that start with a prefix.
    pub norm_prefix_hash: u64,
    /// Shape flags, computed once: see [`Token::is_capitalized`] and its siblings.
    shape: u8,
}

const CAPITALIZED: u8 = 1;
const ALPHABETIC: u8 = 2;
const NUMBER: u8 = 4;

impl Token {
    /// The word exactly as written.
    pub fn text<'a>(&self, paragraph: &'a str) -> &'a str {
        &paragraph[self.start..self.end]
    }

    /// True when the word starts with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.shape & CAPITALIZED != 0
    }

    /// True when the word is made of digits (with `,` or `.` inside, as in 12,5 or 1.000).
    pub fn is_number(&self) -> bool {
        self.shape & NUMBER != 0
    }

    /// True when the word is made of letters only (hyphens and apostrophes allowed inside).
    pub fn is_alphabetic(&self) -> bool {
        self.shape & ALPHABETIC != 0
    }

    /// True for a word of two letters or more with no capital anywhere (crise, but not a, iOS
    /// or Hamilton): the words a full stop inside a sentence falls between.
    pub fn is_lowercase_word(&self, paragraph: &str) -> bool {
        let word = self.text(paragraph);
        self.is_alphabetic()
            && !word.chars().any(char::is_uppercase)
            && word.chars().nth(1).is_some()
    }

    /// The word as written with typographic apostrophes made straight: the key of
    /// case-sensitive lexicons.
    pub fn raw_key<'a>(&self, paragraph: &'a str) -> std::borrow::Cow<'a, str> {
        let raw = self.text(paragraph);
        if raw.contains('’') {
            std::borrow::Cow::Owned(raw.replace('’', "'"))
        } else {
            std::borrow::Cow::Borrowed(raw)
        }
    }

    /// The token of `text[start..end]`, its key lowercased here.
    fn of_word(text: &str, start: usize, end: usize) -> Self {
        let raw = &text[start..end];
        if raw.is_ascii() {
            Self::of_ascii_word(start, end, raw)
        } else {
            Self::new(text, start, end, normalize(raw))
        }
    }

    /// [`Token::of_word`] for an ASCII word: its shape read in one pass over its bytes, and
    /// its hashes from its key, the common case in French news.
    fn of_ascii_word(start: usize, end: usize, raw: &str) -> Self {
        let mut norm = CompactString::from(raw);
        norm.make_ascii_lowercase();
        // Bits of ASCII_BYTE_KINDS set by some byte, and set by every byte.
        let mut some = 0u8;
        let mut every = u8::MAX;
        for &byte in raw.as_bytes() {
            let kinds = ASCII_BYTE_KINDS[usize::from(byte)];
            some |= kinds;
            every &= kinds;
        }
        let first = raw
            .as_bytes()
            .first()
            .map_or(0, |&byte| ASCII_BYTE_KINDS[usize::from(byte)]);
        let mut shape = 0;
        if first & UPPERCASE_BYTE != 0 {
            shape |= CAPITALIZED;
        }
        if first & LETTER_BYTE != 0 && every & WORD_BYTE != 0 {
            shape |= ALPHABETIC;
        }
        if first & DIGIT_BYTE != 0 && every & NUMBER_BYTE != 0 {
            shape |= NUMBER;
        }
        let lowered = norm.as_bytes();
        let norm_hash = word_hash_bytes(lowered);
        Token {
            start,
            end,
            sentence: 0,
            norm_hash,
            raw_hash: if some & UPPERCASE_BYTE != 0 {
                word_hash_bytes(raw.as_bytes())
            } else {
                norm_hash
            },
            norm_prefix_hash: if lowered.len() <= PREFIX_CHARS {
                norm_hash
            } else {
                word_hash_bytes(&lowered[..PREFIX_CHARS])
            },
            shape,
            norm,
        }
    }

    /// The token of `text[start..end]` given its key: the general path, char by char, which
    /// [`Token::of_word`] takes for words that are not ASCII.
    fn new(text: &str, start: usize, end: usize, norm: CompactString) -> Self {
        let raw = &text[start..end];
        let number = norm.starts_with(|c: char| c.is_ascii_digit())
            && norm
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.');
        let norm_hash = word_hash(&norm);
        // A word of PREFIX_CHARS bytes or fewer is its own prefix.
        let norm_prefix_hash = if norm.len() <= PREFIX_CHARS {
            norm_hash
        } else {
            prefix_hash(&norm)
        };
        let joiner = |c: char| is_alphabetic(c) || c == '-' || c == '\'';
        let capitalized = raw.chars().next().is_some_and(char::is_uppercase);
        let alphabetic = norm.starts_with(is_alphabetic) && norm.chars().all(joiner);
        let raw_hash = if raw == norm.as_str() {
            norm_hash
        } else if raw.contains('’') {
            word_hash(&raw.replace('’', "'"))
        } else {
            word_hash(raw)
        };
        Token {
            start,
            end,
            norm,
            sentence: 0,
            norm_hash,
            raw_hash,
            norm_prefix_hash,
            shape: [
                (capitalized, CAPITALIZED),
                (alphabetic, ALPHABETIC),
                (number, NUMBER),
            ]
            .iter()
            .filter(|(set, _)| *set)
            .fold(0, |shape, (_, flag)| shape | flag),
        }
    }
}

/// An ASCII capital: a bit of [`ASCII_BYTE_KINDS`], as are the four below.
const UPPERCASE_BYTE: u8 = 1;
/// An ASCII letter.
const LETTER_BYTE: u8 = 2;
/// An ASCII digit.
const DIGIT_BYTE: u8 = 4;
/// A byte an alphabetic word may hold: a letter, `-` or `'`.
const WORD_BYTE: u8 = 8;
/// A byte a number may hold: a digit, `,` or `.`.
const NUMBER_BYTE: u8 = 16;

/// What each ASCII byte is, for [`Token::of_ascii_word`], looked up rather than tested.
const ASCII_BYTE_KINDS: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        let mut kinds = 0;
        if b.is_ascii_uppercase() {
            kinds |= UPPERCASE_BYTE;
        }
        if b.is_ascii_alphabetic() {
            kinds |= LETTER_BYTE | WORD_BYTE;
        }
        if b.is_ascii_digit() {
            kinds |= DIGIT_BYTE | NUMBER_BYTE;
        }
        if b == b'-' || b == b'\'' {
            kinds |= WORD_BYTE;
        }
        if b == b',' || b == b'.' {
            kinds |= NUMBER_BYTE;
        }
        table[byte] = kinds;
        byte += 1;
    }
    table
};

/// French elided words split off the word they are attached to.
pub(crate) const ELISIONS: &[&str] = &[
    "c", "d", "j", "jusqu", "l", "lorsqu", "m", "n", "puisqu", "qu", "quoiqu", "s", "t",
];

/// Splits a text into paragraphs.
///
/// A blank line always ends a paragraph. A line break also ends one, unless the line stops
/// mid-sentence (no final punctuation, or a comma) and the next line starts in lowercase.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let mut current: Option<Paragraph> = None;
    for (index, raw) in lines(text).enumerate() {
        let line = raw.trim();
        if line.is_empty() {
            out.extend(current.take());
            continue;
        }
        match current.as_mut() {
            Some(paragraph) if continues(&paragraph.text, line) => {
                paragraph.text.push(' ');
                paragraph.text.push_str(line);
            }
            _ => {
                out.extend(current.take());
                current = Some(Paragraph {
                    text: line.to_string(),
                    line: index + 1,
                });
            }
        }
    }
    out.extend(current);
    out
}

/// The lines of a text as editors show them: ended by LF, CR LF or a lone CR (old Mac files,
/// which `str::lines` would leave as one line with CRs inside).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(at) = memchr::memchr2(b'\n', b'\r', rest.as_bytes()) else {
            return Some(std::mem::take(&mut rest));
        };
        let line = &rest[..at];
        let end = if rest[at..].starts_with("\r\n") {
            at + 2
        } else {
            at + 1
        };
        rest = &rest[end..];
        Some(line)
    })
}

/// True when `next` carries on the sentence that `previous` left unfinished.
fn continues(previous: &str, next: &str) -> bool {
    let unfinished = match previous.chars().last() {
        Some(',') => true,
        Some(c) => !is_final_punctuation(c),
        None => false,
    };
    unfinished && next.chars().next().is_some_and(char::is_lowercase)
}

fn is_final_punctuation(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | ':' | ';' | '»' | '"' | '”' | ')' | ']'
    )
}

/// Abbreviations after which a period does not end a sentence (lowercase, without the period).
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "av", "apr", "art", "boul", "bd", "cf", "chap", "dr", "env", "ex", "gal", "hab", "m", "me",
    "mgr", "mlle", "mm", "mme", "mmes", "no", "n°", "p", "pp", "pr", "réf", "st", "ste", "vol",
];

/// Splits a paragraph into sentences, as byte spans.
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes after them) when the next
/// word starts with an uppercase letter, a digit or an opening quote, and the period does not
/// close an abbreviation ("M.", "Mme.") or an initial ("J. Dupont").
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let mut from = 0;
    let mut marks = SentenceMarks::new(text);
    while let Some((position, c)) = marks.next_from(from) {
        // The ending: more marks, then closing quotes (a `»` only right after the mark).
        let mut end = position + c.len_utf8();
        let mut taken = 0;
        while let Some(next) = char_at(text, end).filter(|&n| is_sentence_mark(n)) {
            end += next.len_utf8();
            taken += 1;
        }
        while let Some(next) = char_at(text, end).filter(|&n| is_closing(n)) {
            if next == '»' && taken > 0 {
                break;
            }
            end += next.len_utf8();
            taken += 1;
        }
        let mut next_start = end;
        while let Some(space) = char_at(text, next_start).filter(|s| s.is_whitespace()) {
            next_start += space.len_utf8();
        }
        let boundary = match char_at(text, next_start) {
            None => true,
            Some(first) => {
                next_start > end
                    && starts_sentence(first)
                    && !(c == '.' && taken == 0 && is_abbreviation(&text[start..position]))
            }
        };
        if boundary {
            push_trimmed(text, start, end, &mut spans);
            start = next_start;
            from = next_start;
        } else {
            from = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// True for the marks that may end a sentence.
fn is_sentence_mark(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…')
}

/// True for the closing quotes and brackets that stay with the sentence they follow.
fn is_closing(c: char) -> bool {
    matches!(c, '»' | '"' | '”' | ')' | '\'' | '’')
}

/// The character at byte `at` (a character boundary), if any.
fn char_at(text: &str, at: usize) -> Option<char> {
    text[at..].chars().next()
}

/// Finds the [`is_sentence_mark`]s of a text, left to right.
///
/// The ASCII marks are found by a vectorised byte search, then `…` (the only mark outside
/// ASCII) in the stretch before the ASCII mark found. That ASCII mark is remembered until the
/// search passes it: text with many `…` and no `.`, `!` or `?` would otherwise be searched to
/// its end once per `…`, in time quadratic in its length.
struct SentenceMarks<'a> {
    bytes: &'a [u8],
    /// The result of the last ASCII search: `None` before the first, `Some(None)` when no ASCII
    /// mark follows.
    ascii: Option<Option<usize>>,
}

impl<'a> SentenceMarks<'a> {
    fn new(text: &'a str) -> Self {
        SentenceMarks {
            bytes: text.as_bytes(),
            ascii: None,
        }
    }

    /// The first mark at or after byte `from`; `from` must not decrease from call to call.
    fn next_from(&mut self, from: usize) -> Option<(usize, char)> {
        let ascii = match self.ascii {
            Some(Some(at)) if at >= from => Some(at),
            Some(None) => None,
            _ => {
                let found =
                    memchr::memchr3(b'.', b'!', b'?', &self.bytes[from..]).map(|at| from + at);
                self.ascii = Some(found);
                found
            }
        };
        let before = &self.bytes[from..ascii.unwrap_or(self.bytes.len())];
        if let Some(at) = memchr::memmem::find(before, "…".as_bytes()) {
            return Some((from + at, '…'));
        }
        ascii.map(|at| (at, char::from(self.bytes[at])))
    }
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '«' | '"' | '“' | '—' | '–' | '(' | '[')
}

/// True when the text before a period ends with an abbreviation or a one-letter initial.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '-' || c == '\'' || c == '’')
        .next()
        .unwrap_or("");
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        if first.is_uppercase() {
            return true;
        }
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let trimmed_start = start + (piece.len() - piece.trim_start().len());
    let trimmed_end = end - (piece.len() - piece.trim_end().len());
    if trimmed_end > trimmed_start {
        spans.push((trimmed_start, trimmed_end));
    }
}

/// Splits a paragraph into words, each tagged with its sentence.
pub fn tokens(text: &str, sentences: &[(usize, usize)]) -> Vec<Token> {
    // French news averages about six bytes a word with its space: room for most paragraphs'
    // words at once, instead of growing the vector five or six times.
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6 + 1);
    let mut pending_hyphen: Option<usize> = None;
    // The span of the last token while hyphens keep joining words to it; its token is rebuilt
    // once, when the chain ends, so a long chain costs linear time.
    let mut joined: Option<(usize, usize)> = None;
    for (start, piece) in word_bound_indices(text) {
        let end = start + piece.len();
        if piece == "-" || piece == "‑" {
            let last_end = joined
                .map(|(_, end)| end)
                .or(out.last().map(|last| last.end));
            pending_hyphen = (last_end == Some(start)).then_some(end);
            continue;
        }
        if !piece.chars().any(|c| is_alphabetic(c) || c.is_numeric()) {
            pending_hyphen = None;
            continue;
        }
        if let (Some(after), Some(last)) = (pending_hyphen.take(), out.last()) {
            if after == start {
                joined = Some((joined.map_or(last.start, |(first, _)| first), end));
                continue;
            }
        }
        if let Some(span) = joined.take() {
            rebuild_joined(text, span, &mut out);
        }
        push_word(text, start, end, &mut out);
    }
    if let Some(span) = joined {
        rebuild_joined(text, span, &mut out);
    }
    let mut sentence = 0;
    for token in &mut out {
        while sentence + 1 < sentences.len() && token.start >= sentences[sentence + 1].0 {
            sentence += 1;
        }
        token.sentence = sentence;
    }
    out
}

/// Replaces the last token by the hyphenated word that spans `start..end`.
fn rebuild_joined(text: &str, (start, end): (usize, usize), out: &mut [Token]) {
    if let Some(last) = out.last_mut() {
        *last = Token::of_word(text, start, end);
    }
}

/// Pushes one UAX #29 word, splitting a French elision off its front.
fn push_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    if let Some((apostrophe, mark)) = find_apostrophe(word) {
        let head = &word[..apostrophe];
        let split = apostrophe + mark;
        // The elisions are ASCII, and no other letter lowercases to theirs but the Kelvin
        // sign (K), which none of them holds.
        let elided = ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(head));
        if elided && split < word.len() {
            out.push(Token::of_word(text, start, start + split));
            out.push(Token::of_word(text, start + split, end));
            return;
        }
    }
    out.push(Token::of_word(text, start, end));
}

/// The byte offset and length of the first `'` or `’` of a word, found by looking at bytes
/// rather than decoding every character.
fn find_apostrophe(word: &str) -> Option<(usize, usize)> {
    let bytes = word.as_bytes();
    (0..bytes.len()).find_map(|at| match bytes[at] {
        b'\'' => Some((at, 1)),
        0xE2 if word[at..].starts_with('’') => Some((at, '’'.len_utf8())),
        _ => None,
    })
}

/// A fast hash of a word, the key of the lexicon indexes ([`crate::lexicon::Matcher`]).
/// Equal words have equal hashes; the rare collisions are ruled out by comparing the words.
pub fn word_hash(word: &str) -> u64 {
    word_hash_bytes(word.as_bytes())
}

/// [`word_hash`] of a word's UTF-8 bytes.
fn word_hash_bytes(bytes: &[u8]) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(bytes);
    hasher.finish()
}

/// Length in chars of the start of a word that indexes the lexicon patterns that start with a
/// prefix (`frapp*`).
pub const PREFIX_CHARS: usize = 3;

/// [`word_hash`] of a word's first [`PREFIX_CHARS`] chars.
pub fn prefix_hash(word: &str) -> u64 {
    let end = word
        .char_indices()
        .nth(PREFIX_CHARS)
        .map_or(word.len(), |(end, _)| end);
    word_hash(&word[..end])
}

/// Lowercases a word and makes typographic apostrophes straight.
pub fn normalize(word: &str) -> CompactString {
    if word.is_ascii() {
        let mut out = CompactString::from(word);
        out.make_ascii_lowercase();
        return out;
    }
    // Lowercased into a buffer on the stack, then copied once: pushing char by char onto a
    // CompactString cost more than the rest of the token. French is written with ASCII and
    // two-byte Latin-1 letters, which are read byte by byte.
    let bytes = word.as_bytes();
    let mut buffer = [0u8; NORMALIZE_BUFFER];
    let mut length = 0;
    let mut at = 0;
    while at < bytes.len() {
        if length + MAX_LOWERCASE_BYTES > buffer.len() {
            return normalize_long(word);
        }
        let byte = bytes[at];
        if byte.is_ascii() {
            buffer[length] = byte.to_ascii_lowercase();
            length += 1;
            at += 1;
        } else if byte == 0xC2 || byte == 0xC3 {
            // U+0080 to U+00FF: the capitals À to Þ (but ×) lowercase 32 code points on; the
            // rest are their own lowercase.
            let next = bytes[at + 1];
            let capital = byte == 0xC3 && (0x80..=0x9E).contains(&next) && next != 0x97;
            buffer[length] = byte;
            buffer[length + 1] = if capital { next + 0x20 } else { next };
            length += 2;
            at += 2;
        } else if bytes[at..].starts_with("’".as_bytes()) {
            buffer[length] = b'\'';
            length += 1;
            at += "’".len();
        } else {
            let c = word[at..].chars().next().expect("a char starts here");
            for lower in c.to_lowercase() {
                length += lower.encode_utf8(&mut buffer[length..]).len();
            }
            at += c.len_utf8();
        }
    }
    let lowered = std::str::from_utf8(&buffer[..length]).expect("encoded from chars");
    CompactString::from(lowered)
}

/// Bytes of the stack buffer [`normalize`] lowercases into; longer words take
/// [`normalize_long`].
const NORMALIZE_BUFFER: usize = 128;

/// Most bytes one character can become when lowercased (up to three characters of UTF-8).
const MAX_LOWERCASE_BYTES: usize = 12;

/// [`normalize`] for words too long for its buffer.
fn normalize_long(word: &str) -> CompactString {
    let mut out = CompactString::with_capacity(word.len());
    for c in word.chars() {
        match c {
            _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            '’' => out.push('\''),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `char::is_alphabetic`, without its table search for the Latin-1 letters French is
/// written with.
fn is_alphabetic(c: char) -> bool {
    match c {
        'À'..='ÿ' => c != '×' && c != '÷',
        _ => c.is_alphabetic(),
    }
}

/// Number of characters before a byte offset.
pub fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokens(text, &sentences(text))
            .into_iter()
            .map(|t| t.text(text).to_string())
            .collect()
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        sentences(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn one_paragraph_per_line_stays_one_per_line() {
        let text = "Titre de l'article\nPremier paragraphe complet.\nSecond paragraphe.\n";
        let got = paragraphs(text);
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].text, "Premier paragraphe complet.");
        assert_eq!(got[1].line, 2);
        assert_eq!(got[2].line, 3);
    }

    #[test]
    fn hard_wrapped_prose_is_joined() {
        let text = "Le conseil municipal a voté\nle budget hier soir,\net la séance a été levée.\n\nAutre paragraphe.";
        let got = paragraphs(text);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].text,
            "Le conseil municipal a voté le budget hier soir, et la séance a été levée."
        );
        assert_eq!(got[1].line, 5);
    }

    #[test]
    fn crlf_and_bom_are_handled() {
        let got = paragraphs("\u{feff}Un.\r\n\r\nDeux.\r\n");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].text, "Un.");
        assert_eq!(got[1].line, 3);
    }

    #[test]
    fn a_lone_cr_ends_a_line() {
        let got = paragraphs("Un.\r\rDeux.\rTrois\rquatre.\r");
        let found: Vec<(&str, usize)> = got.iter().map(|p| (p.text.as_str(), p.line)).collect();
        assert_eq!(found, vec![("Un.", 1), ("Deux.", 3), ("Trois quatre.", 4)]);
        let same: Vec<&str> = lines("a\nb\r\n\nc").collect();
        assert_eq!(same, "a\nb\r\n\nc".lines().collect::<Vec<_>>());
    }

    #[test]
    fn sentences_respect_french_abbreviations_and_quotes() {
        let text = "M. Dupont est arrivé à 10 h. Il a dit : « Bonjour ! » avant de partir. Le taux est de 3.5 %. Fin";
        assert_eq!(
            sentence_texts(text),
            vec![
                "M. Dupont est arrivé à 10 h.",
                "Il a dit : « Bonjour ! » avant de partir.",
                "Le taux est de 3.5 %.",
                "Fin"
            ]
        );
    }

    #[test]
    fn every_mark_ends_a_sentence_the_ellipsis_too() {
        let text = "Il attendait… Puis il est parti. Enfin ! Vraiment ? Oui… et non. Fin…";
        assert_eq!(
            sentence_texts(text),
            vec![
                "Il attendait…",
                "Puis il est parti.",
                "Enfin !",
                "Vraiment ?",
                "Oui… et non.",
                "Fin…"
            ]
        );
    }

    #[test]
    fn initials_do_not_end_sentences() {
        let text = "Selon J. Martin, le projet avance. Mais rien n'est fait.";
        assert_eq!(
            sentence_texts(text),
            vec![
                "Selon J. Martin, le projet avance.",
                "Mais rien n'est fait."
            ]
        );
    }

    #[test]
    fn elisions_split_and_hyphens_join() {
        assert_eq!(
            words("L'économie d’aujourd'hui, selon le porte-parole."),
            vec![
                "L'",
                "économie",
                "d’",
                "aujourd'hui",
                "selon",
                "le",
                "porte-parole"
            ]
        );
        assert_eq!(words("d'munitions"), vec!["d'", "munitions"]);
        assert_eq!(words("Kim Jong-un"), vec!["Kim", "Jong-un"]);
    }

    #[test]
    fn a_chain_of_hyphens_is_one_token_with_its_own_key() {
        let text = "Le jusqu'au-boutisme de l'arc-en-ciel, Jean-Marie - seul.";
        let got = tokens(text, &sentences(text));
        let keys: Vec<&str> = got.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            keys,
            vec![
                "le",
                "jusqu'",
                "au-boutisme",
                "de",
                "l'",
                "arc-en-ciel",
                "jean-marie",
                "seul"
            ]
        );
        let rainbow = &got[5];
        assert_eq!(rainbow.text(text), "arc-en-ciel");
        assert_eq!(rainbow.norm_hash, word_hash("arc-en-ciel"));
        // Thousands of joined words stay one token (and take linear time to join).
        let chain = vec!["Porte"; 5000].join("-");
        let got = tokens(&chain, &sentences(&chain));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].end, chain.len());
        assert!(got[0].is_capitalized() && got[0].is_alphabetic());
    }

    #[test]
    fn many_ellipses_without_a_period_each_end_a_sentence() {
        let text = vec!["Attendre…"; 3000].join(" ");
        let got = sentences(&text);
        assert_eq!(got.len(), 3000);
        assert_eq!(&text[got[2999].0..got[2999].1], "Attendre…");
    }

    #[test]
    fn tokens_know_their_sentence() {
        let text = "Un deux. Trois quatre.";
        let got = tokens(text, &sentences(text));
        assert_eq!(
            got.iter().map(|t| t.sentence).collect::<Vec<_>>(),
            vec![0, 0, 1, 1]
        );
        assert_eq!(got[2].norm, "trois");
    }

    #[test]
    fn ascii_words_get_the_token_of_the_general_path() {
        let words = [
            "a",
            "A",
            "le",
            "Le",
            "LE",
            "l'",
            "L'",
            "aujourd'hui",
            "porte-parole",
            "Porte-Parole",
            "12",
            "12,5",
            "1.000",
            "1,000.5",
            "3pm",
            "4AM",
            "COVID-19",
            "x86_64",
            "Mr",
            "abc",
            "abcd",
            "ABCD",
            "_x",
            "a_b",
            "'",
            "-",
            "a-",
            "9a",
            "a9",
            "ZzZz",
        ];
        for word in words {
            let text = format!("« {word} »");
            let (start, end) = (3, 3 + word.len());
            assert_eq!(
                Token::of_word(&text, start, end),
                Token::new(&text, start, end, normalize(word)),
                "{word:?}"
            );
        }
    }

    #[test]
    fn latin_shortcuts_agree_with_the_unicode_tables() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            let word = c.to_string();
            assert_eq!(normalize(&word), normalize_long(&word), "{c:?}");
        }
        let long = "ÀÉÎÕÜ×Ø€’İ".repeat(20);
        for word in ["L’ÉTAT", "Œuvre", "ÇA×ÞÿßÄ«»", "İSTANBUL", "ΣΟΦΊΑ", &long] {
            assert_eq!(normalize(word), normalize_long(word), "{word:?}");
        }
    }

    #[test]
    fn numbers_stay_whole() {
        let text = "Il a payé 12,5 millions.";
        let got = tokens(text, &sentences(text));
        assert!(got.iter().any(|t| t.norm == "12,5" && t.is_number()));
    }
}
