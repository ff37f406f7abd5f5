//! The embedded lexicons, parsed once, and the token-sequence matcher they share.
//!
//! Every lexicon is a plain UTF-8 file in `src/lexicons/`: `#` comment lines, then one entry per
//! line with tab-separated columns, sorted by the first column. They are compiled into the
//! binary with `include_str!`, so scoring needs no files at run time, and the tests in this
//! module check each file's shape (sorted, unique, well-formed, no overlap with the accepted
//! list).
//!
//! Phrase lexicons are matched on tokens (see [`crate::segment`]), not on raw text, so word
//! boundaries, elisions and hyphenated words behave the same everywhere. A pattern is a
//! sequence of space-separated items:
//! - a literal word (`roue`, `l'`), compared with the token's lowercase form (or its exact
//!   text, for case-sensitive lexicons such as names);
//! - alternatives `a|b|c`;
//! - a prefix `stem*` (stem of three letters or more), for inflected forms;
//! - `_` any one word, `_?` an optional word, `#` a number written in digits;
//! - `...` a gap of zero to five words.
//!
//! A match never crosses a sentence boundary, and words next to each other in a pattern never
//! stand on both sides of a comma, semicolon, colon or bracket: "le brouillard, deux avions"
//! holds no "brouill* deux avions" (scrambled two jets). Only a gap `...` runs over such marks,
//! as over an inserted clause.

use std::sync::LazyLock;

use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::segment::{normalize, prefix_hash, word_hash, Token, PREFIX_CHARS};
pub use crate::word_table::Gender;
use crate::word_table::WordTable;

/// A lexicon file: its name (file stem) and text.
pub struct Source {
    /// File stem, e.g. `anglicisms`.
    pub name: &'static str,
    /// Number of tab-separated columns every entry must have.
    pub columns: usize,
    /// The file's text.
    pub text: &'static str,
}

macro_rules! lexicon_source {
    ($name:literal, $columns:literal) => {
        Source {
            name: $name,
            columns: $columns,
            text: include_str!(concat!("lexicons/", $name, ".tsv")),
        }
    };
}

/// Every lexicon embedded as text, in a stable order. The big word lists (`fr_words`,
/// `en_words`, `noun_gender`, `adjective_gender`) are not among them: `build.rs` compiles them into
/// the word table ([`crate::word_table`]).
pub const SOURCES: &[Source] = &[
    lexicon_source!("accepted", 2),
    lexicon_source!("anglicisms", 3),
    lexicon_source!("article_places", 2),
    lexicon_source!("calques", 3),
    lexicon_source!("dressed_endings", 2),
    lexicon_source!("dressed_french", 1),
    lexicon_source!("en_function_words", 1),
    lexicon_source!("female_first_names", 1),
    lexicon_source!("fr_compounds", 1),
    lexicon_source!("interface", 2),
    lexicon_source!("machine_turns", 2),
    lexicon_source!("names", 3),
    lexicon_source!("namesake_regions", 1),
    lexicon_source!("native_turns", 2),
    lexicon_source!("person_titles", 2),
    lexicon_source!("reporting_verbs", 3),
    lexicon_source!("role_nouns", 1),
    lexicon_source!("state_heads", 1),
    lexicon_source!("synth_english", 1),
    lexicon_source!("translit", 3),
];

/// Most tab-separated columns a lexicon has.
const MAX_COLUMNS: usize = 3;

/// One parsed entry: its 1-based line in the file and its columns.
pub struct Entry {
    /// 1-based line number in the lexicon file.
    pub line: usize,
    /// The tab-separated columns; those past the lexicon's number of columns are empty. An
    /// array rather than a vector, since the lexicons are parsed at every start-up.
    pub columns: [&'static str; MAX_COLUMNS],
}

/// A malformed lexicon line, found by [`parse`].
#[derive(Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// Lexicon name.
    pub name: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Parses a lexicon, checking that each entry has the declared number of non-empty columns.
/// A line starting with `#` is a comment unless it holds a tab: entries are tab-separated, and
/// a pattern may start with `#`, the number token (`# du vote`).
pub fn parse(source: &Source) -> Result<Vec<Entry>, LexiconError> {
    let mut entries = Vec::new();
    for (index, line) in lines(source.text).enumerate() {
        if line.starts_with('#') && memchr::memchr(b'\t', line.as_bytes()).is_none() {
            continue;
        }
        let error = |message: String| LexiconError {
            name: source.name,
            line: index + 1,
            message,
        };
        if line.trim().is_empty() {
            return Err(error("blank line".into()));
        }
        let count = count_byte(b'\t', line) + 1;
        if count != source.columns {
            return Err(error(format!(
                "{count} columns, expected {}",
                source.columns
            )));
        }
        let columns = tab_columns(line);
        if columns[..count]
            .iter()
            .any(|c| c.is_empty() || c.trim() != *c)
        {
            return Err(error("empty column or leading/trailing space".to_string()));
        }
        entries.push(Entry {
            line: index + 1,
            columns,
        });
    }
    Ok(entries)
}

/// The lines of a lexicon, as `str::lines` cuts them, found with a vectorised byte search (the
/// lexicons are parsed at every start-up).
fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let end = memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len());
        let line = &rest[..end];
        rest = &rest[(end + 1).min(rest.len())..];
        Some(line.strip_suffix('\r').unwrap_or(line))
    })
}

/// The tab-separated columns of a lexicon line of at most [`MAX_COLUMNS`] columns, then empty
/// strings.
fn tab_columns(line: &'static str) -> [&'static str; MAX_COLUMNS] {
    let mut columns = [""; MAX_COLUMNS];
    let mut rest = line;
    for column in &mut columns {
        match memchr::memchr(b'\t', rest.as_bytes()) {
            Some(tab) => {
                *column = &rest[..tab];
                rest = &rest[tab + 1..];
            }
            None => {
                *column = rest;
                break;
            }
        }
    }
    columns
}

/// Parses an embedded lexicon known by name; the tests guarantee these parse.
fn embedded(name: &str) -> Vec<Entry> {
    let source = SOURCES
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no embedded lexicon named {name}"));
    parse(source)
        .unwrap_or_else(|e| panic!("embedded lexicon {}:{}: {}", e.name, e.line, e.message))
}

/// The first column of an embedded one-word-per-line lexicon, as a set.
fn embedded_set(name: &str) -> FxHashSet<&'static str> {
    embedded(name).into_iter().map(|e| e.columns[0]).collect()
}

/// A word of a pattern with its [`word_hash`], so most tokens are ruled out by comparing
/// two integers.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Word {
    text: CompactString,
    hash: u64,
}

impl Word {
    fn new(text: CompactString) -> Self {
        Word {
            hash: word_hash(&text),
            text,
        }
    }
}

/// One item of a compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Literal(Word),
    /// Words, and any number written in digits when `number` (a `#` among the alternatives).
    Alternatives {
        words: Vec<Word>,
        number: bool,
    },
    Prefix(CompactString),
    Any,
    OptionalAny,
    Number,
    Gap,
}

/// Largest number of words a `...` gap may skip.
const MAX_GAP: usize = 5;

/// How many times a byte occurs in a short string (a line or a pattern), to size vectors
/// before they are filled. A plain loop: on strings this short a vectorised search costs more
/// to set up than it saves.
fn count_byte(byte: u8, text: &str) -> usize {
    text.bytes().filter(|&b| b == byte).count()
}

/// The pieces of a short string between the occurrences of an ASCII byte, as `str::split`
/// cuts them, by a plain loop for the reason [`count_byte`] gives.
fn split_byte(text: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.bytes().position(|b| b == separator) {
            Some(at) => {
                rest = Some(&current[at + 1..]);
                Some(&current[..at])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// Compiles a pattern; errors say which item is wrong.
fn compile(pattern: &str, case_sensitive: bool) -> Result<Vec<Item>, String> {
    let fold = |s: &str| {
        if !case_sensitive {
            normalize(s)
        } else if s.contains('’') {
            CompactString::from(s.replace('’', "'"))
        } else {
            CompactString::from(s)
        }
    };
    let mut items = Vec::with_capacity(count_byte(b' ', pattern) + 1);
    for word in split_byte(pattern, b' ') {
        let item = match word {
            "" => return Err("double space".into()),
            "_" => Item::Any,
            "_?" => Item::OptionalAny,
            "#" => Item::Number,
            "..." => Item::Gap,
            w if w.bytes().any(|b| b == b'|') => {
                let mut number = false;
                let mut words = Vec::with_capacity(count_byte(b'|', w) + 1);
                for option in split_byte(w, b'|') {
                    if option == "#" {
                        number = true;
                    } else if option.is_empty() || option.ends_with('*') {
                        return Err(format!("bad alternatives {w:?}"));
                    } else {
                        words.push(Word::new(fold(option)));
                    }
                }
                if number && items.is_empty() {
                    return Err(format!("a pattern cannot start with a number: {w:?}"));
                }
                Item::Alternatives { words, number }
            }
            w if w.ends_with('*') => {
                let stem = fold(&w[..w.len() - 1]);
                if stem.chars().count() < PREFIX_CHARS || stem.contains('*') {
                    return Err(format!(
                        "prefix {w:?} needs a stem of {PREFIX_CHARS} letters or more"
                    ));
                }
                Item::Prefix(stem)
            }
            // Letters only (most literals): one word piece, as text would be cut, so no
            // segmentation, which made most of the start-up time.
            w if w.chars().all(crate::word_bounds::is_letter) => Item::Literal(Word::new(fold(w))),
            w => {
                // A literal is cut the way text is, so "d'Ivoire" matches "d'" + "Ivoire".
                let pieces = crate::segment::tokens(w, &[(0, w.len())]);
                if pieces.len() > 1 {
                    items.extend(
                        pieces
                            .iter()
                            .map(|t| Item::Literal(Word::new(fold(t.text(w))))),
                    );
                    continue;
                }
                Item::Literal(Word::new(fold(w)))
            }
        };
        items.push(item);
    }
    match items.first() {
        Some(Item::Literal(_) | Item::Alternatives { .. } | Item::Prefix(_)) => Ok(items),
        _ => Err("a pattern must start with a word, alternatives or a prefix".into()),
    }
}

/// A match of one lexicon entry on a run of tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// Index of the entry in the matcher.
    pub entry: usize,
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
}

/// Finds lexicon patterns in a paragraph's tokens, leftmost and then longest first, without
/// overlaps.
///
/// Patterns are indexed by the [`word_hash`] of their first word (or of the first
/// [`PREFIX_CHARS`] chars of a prefix), which each token carries precomputed, and, when their
/// second item is a word too, by the hashes of both: most patterns that start on a common
/// word ("en", "à", "a") are then never tried where the next word rules them out, nor in a
/// sentence that lacks one of their words. The candidates found are checked word by word.
pub struct Matcher {
    patterns: Vec<Vec<Item>>,
    /// Patterns whose second item is not a word, by the key of their first.
    by_first: KeyIndex,
    /// Patterns whose second item is a word, by [`pair_key`] of their first two.
    by_pair: KeyIndex,
    /// True when some pattern starts with a prefix.
    has_prefixes: bool,
    /// One bit per top-16-bit hash value of every first key: most tokens start no pattern,
    /// and this tells so without a map lookup.
    filter: Box<[u64; FILTER_WORDS]>,
    /// Per pattern, what the word after the ones it is indexed by may be.
    follow: Vec<Follow>,
    /// Per pattern, the [`follow_bit`]s of every word it holds as a literal: a sentence whose
    /// words' bits lack one of them cannot hold the pattern, which is then not tried there.
    required: Vec<u64>,
    case_sensitive: bool,
}

/// Size of [`Matcher`]'s filter in 64-bit words (2^16 bits).
const FILTER_WORDS: usize = 1024;

/// What the word after the one or two a pattern is indexed by may be, so that a candidate
/// whose word there cannot match is not tried: one bit per top-6-bit hash value of the words
/// the pattern's item accepts, and whether it accepts a number.
#[derive(Debug, Clone, Copy)]
struct Follow {
    words: u64,
    number: bool,
}

impl Follow {
    /// Anything may follow: a gap, an optional word, a prefix, or the pattern's end.
    const ANY: Follow = Follow {
        words: u64::MAX,
        number: true,
    };

    fn of(item: Option<&Item>) -> Follow {
        match item {
            Some(Item::Literal(word)) => Follow {
                words: follow_bit(word.hash),
                number: false,
            },
            Some(Item::Alternatives { words, number }) => Follow {
                words: words.iter().fold(0, |bits, w| bits | follow_bit(w.hash)),
                number: *number,
            },
            Some(Item::Number) => Follow {
                words: 0,
                number: true,
            },
            _ => Follow::ANY,
        }
    }

    /// True when the token there (its [`follow_bit`] and whether it is a number, or `None`
    /// past the sentence's end) may match.
    fn accepts(self, token: Option<(u64, bool)>) -> bool {
        (self.words == u64::MAX && self.number)
            || token.is_some_and(|(bit, number)| self.words & bit != 0 || (self.number && number))
    }
}

fn follow_bit(hash: u64) -> u64 {
    1 << (hash >> 58)
}

fn filter_bit(hash: u64) -> (usize, u64) {
    let bit = (hash >> 48) as usize;
    (bit / 64, 1 << (bit % 64))
}

impl Matcher {
    /// Compiles patterns; the error names the pattern's index and what is wrong with it.
    pub fn new<'a>(
        patterns: impl IntoIterator<Item = &'a str>,
        case_sensitive: bool,
    ) -> Result<Self, (usize, String)> {
        let patterns = patterns.into_iter();
        let capacity = patterns.size_hint().0;
        let mut matcher = Matcher {
            patterns: Vec::with_capacity(capacity),
            by_first: KeyIndex::default(),
            by_pair: KeyIndex::default(),
            has_prefixes: false,
            filter: Box::new([0; FILTER_WORDS]),
            follow: Vec::with_capacity(capacity),
            required: Vec::with_capacity(capacity),
            case_sensitive,
        };
        let mut by_first = Vec::new();
        let mut by_pair = Vec::new();
        // The keys of a pattern's first and second items, in buffers reused from one pattern
        // to the next.
        let (mut first, mut second) = (Vec::new(), Vec::new());
        for (index, pattern) in patterns.enumerate() {
            let items = compile(pattern, case_sensitive).map_err(|e| (index, e))?;
            first.clear();
            match &items[0] {
                Item::Literal(word) => first.push(word.hash),
                Item::Alternatives { words, .. } => first.extend(words.iter().map(|w| w.hash)),
                Item::Prefix(stem) => {
                    matcher.has_prefixes = true;
                    first.push(prefix_hash(stem));
                }
                _ => unreachable!("compile rejects patterns that start otherwise"),
            }
            second.clear();
            let by_two = match items.get(1) {
                Some(Item::Literal(word)) => {
                    second.push(word.hash);
                    true
                }
                Some(Item::Alternatives {
                    words,
                    number: false,
                }) => {
                    second.extend(words.iter().map(|w| w.hash));
                    true
                }
                _ => false,
            };
            for &key in &first {
                let (word, bit) = filter_bit(key);
                matcher.filter[word] |= bit;
                if by_two {
                    by_pair.extend(second.iter().map(|&next| (pair_key(key, next), index)));
                } else {
                    by_first.push((key, index));
                }
            }
            let after_key = if by_two { 2 } else { 1 };
            matcher.follow.push(Follow::of(items.get(after_key)));
            matcher
                .required
                .push(items.iter().fold(0, |bits, item| match item {
                    Item::Literal(word) => bits | follow_bit(word.hash),
                    _ => bits,
                }));
            matcher.patterns.push(items);
        }
        matcher.by_first = KeyIndex::new(by_first);
        matcher.by_pair = KeyIndex::new(by_pair);
        Ok(matcher)
    }

    /// True when a pattern may start with a word of this hash.
    fn may_start(&self, hash: u64) -> bool {
        let (word, bit) = filter_bit(hash);
        self.filter[word] & bit != 0
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// True when there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// The form of a token this matcher compares: as written, or lowercase.
    fn key<'a>(&self, token: &'a Token, text: &'a str) -> std::borrow::Cow<'a, str> {
        if self.case_sensitive {
            token.raw_key(text)
        } else {
            std::borrow::Cow::Borrowed(token.norm.as_str())
        }
    }

    /// True when a token matches one word item of a pattern.
    fn item_matches(&self, item: &Item, token: &Token, text: &str) -> bool {
        let hash = if self.case_sensitive {
            token.raw_hash
        } else {
            token.norm_hash
        };
        let is = |word: &Word| word.hash == hash && self.key(token, text) == word.text.as_str();
        match item {
            Item::Literal(word) => is(word),
            Item::Alternatives { words, number } => {
                words.iter().any(is) || (*number && token.is_number())
            }
            Item::Prefix(stem) => self.key(token, text).starts_with(stem.as_str()),
            Item::Any => true,
            Item::Number => token.is_number(),
            Item::OptionalAny | Item::Gap => unreachable!("handled by match_at"),
        }
    }

    /// All non-overlapping matches in a paragraph, leftmost first, longest at each start.
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<Match> {
        let hash = |token: &Token| {
            if self.case_sensitive {
                token.raw_hash
            } else {
                token.norm_hash
            }
        };
        let mut out = Vec::new();
        // The follow_bits of each sentence's words, made for the first candidate that the next
        // word does not rule out: most paragraphs of the small lexicons never need them.
        let mut sentence_bits: Vec<u64> = Vec::new();
        let mut start = 0;
        while start < tokens.len() {
            let token = &tokens[start];
            let word_key = hash(token);
            // A word of PREFIX_CHARS chars or fewer is its own prefix key.
            let prefix_key = if !self.has_prefixes {
                None
            } else if self.case_sensitive {
                Some(prefix_hash(&token.raw_key(text)))
            } else {
                Some(token.norm_prefix_hash)
            }
            .filter(|&key| key != word_key && self.may_start(key));
            let word_key = Some(word_key).filter(|&key| self.may_start(key));
            if word_key.is_none() && prefix_key.is_none() {
                start += 1;
                continue;
            }
            let mut best: Option<Match> = None;
            // The next two tokens of the sentence, and what `Follow` reads of each.
            let at = |k: usize| tokens.get(k).filter(|t| t.sentence == token.sentence);
            let follow = |t: &Token| (follow_bit(hash(t)), t.is_number());
            let next = at(start + 1);
            let (second, third) = (next.map(follow), at(start + 2).map(follow));
            for key in word_key.into_iter().chain(prefix_key) {
                let single = self.by_first.get(key);
                let pair = next.map_or(&[][..], |next| self.by_pair.get(pair_key(key, hash(next))));
                let candidates = single.iter().map(|&entry| (entry, second));
                for (entry, after) in candidates.chain(pair.iter().map(|&entry| (entry, third))) {
                    let entry = entry as usize;
                    if !self.follow[entry].accepts(after) {
                        continue;
                    }
                    if sentence_bits.is_empty() {
                        sentence_bits = vec![0; tokens.last().map_or(0, |t| t.sentence + 1)];
                        for t in tokens {
                            sentence_bits[t.sentence] |= follow_bit(hash(t));
                        }
                    }
                    if self.required[entry] & !sentence_bits[token.sentence] != 0 {
                        continue;
                    }
                    let Some(last) =
                        self.match_at(&self.patterns[entry], 0, text, tokens, start, start)
                    else {
                        continue;
                    };
                    if best.is_none_or(|b| last > b.last || (last == b.last && entry < b.entry)) {
                        best = Some(Match {
                            entry,
                            first: start,
                            last,
                        });
                    }
                }
            }
            match best {
                Some(found) => {
                    out.push(found);
                    start = found.last + 1;
                }
                None => start += 1,
            }
        }
        out
    }

    /// Tries items[i..] from token t; returns the last token matched.
    fn match_at(
        &self,
        items: &[Item],
        i: usize,
        text: &str,
        tokens: &[Token],
        first: usize,
        t: usize,
    ) -> Option<usize> {
        let Some(item) = items.get(i) else {
            return Some(t - 1);
        };
        let sentence = tokens[first].sentence;
        let in_sentence = |k: usize| k < tokens.len() && tokens[k].sentence == sentence;
        let between = |k: usize| &text.as_bytes()[tokens[k - 1].end..tokens[k].start];
        // A gap may run over an inserted clause (les pompiers, qui sont arrivés…) but not past
        // a semicolon or a colon; words next to each other in the pattern must be next to each
        // other in one clause.
        let after_gap = i > 0 && matches!(items[i - 1], Item::Gap);
        let available = |k: usize| {
            in_sentence(k)
                && (k == first
                    || if after_gap {
                        !clause_end(between(k))
                    } else {
                        !clause_break(between(k))
                    })
        };
        match item {
            Item::OptionalAny => {
                self.match_at(items, i + 1, text, tokens, first, t)
                    .or_else(|| {
                        available(t)
                            .then(|| self.match_at(items, i + 1, text, tokens, first, t + 1))
                            .flatten()
                    })
            }
            Item::Gap => (0..=MAX_GAP)
                .take_while(|&skip| {
                    skip == 0 || (in_sentence(t + skip - 1) && !clause_end(between(t + skip - 1)))
                })
                .find_map(|skip| self.match_at(items, i + 1, text, tokens, first, t + skip)),
            _ => {
                if !available(t) || !self.item_matches(item, &tokens[t], text) {
                    return None;
                }
                self.match_at(items, i + 1, text, tokens, first, t + 1)
            }
        }
    }
}

/// True when the text between two tokens ends a clause or opens an inserted one: words next to
/// each other in a pattern are never matched across it.
fn clause_break(gap: &[u8]) -> bool {
    gap.iter()
        .any(|b| matches!(b, b',' | b';' | b':' | b'(' | b')' | b'[' | b']'))
}

/// True when the text between two tokens ends a clause for good (a semicolon or a colon), which
/// not even a `...` gap crosses.
fn clause_end(gap: &[u8]) -> bool {
    gap.iter().any(|b| matches!(b, b';' | b':'))
}

/// Pattern indexes by key, all in one list, so that building it allocates little (start-up
/// time) and the candidates of a key lie together.
#[derive(Default)]
struct KeyIndex {
    /// Per key, the range of its pattern indexes in `entries`.
    ranges: FxHashMap<u64, (u32, u32)>,
    entries: Vec<u32>,
}

impl KeyIndex {
    /// Indexes `(key, pattern)` pairs given in pattern order: counted per key, then placed,
    /// so each key's patterns stay in increasing order without a sort.
    fn new(pairs: Vec<(u64, usize)>) -> Self {
        let mut ranges: FxHashMap<u64, (u32, u32)> =
            FxHashMap::with_capacity_and_hasher(pairs.len(), Default::default());
        for &(key, _) in &pairs {
            ranges.entry(key).or_default().1 += 1;
        }
        let mut start = 0;
        for range in ranges.values_mut() {
            let count = range.1;
            *range = (start, start);
            start += count;
        }
        let mut entries = vec![0; pairs.len()];
        for (key, entry) in pairs {
            if let Some(range) = ranges.get_mut(&key) {
                entries[range.1 as usize] = entry as u32;
                range.1 += 1;
            }
        }
        KeyIndex { ranges, entries }
    }

    /// The patterns indexed under a key, in increasing order.
    fn get(&self, key: u64) -> &[u32] {
        self.ranges.get(&key).map_or(&[], |&(start, end)| {
            &self.entries[start as usize..end as usize]
        })
    }
}

/// The key of a pattern's first two words in [`Matcher`]'s pair index.
fn pair_key(first: u64, second: u64) -> u64 {
    first.rotate_left(29) ^ second.wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// A phrase lexicon: entries with their columns, and a matcher over the first column.
pub struct PhraseLexicon {
    /// The entries, in file order; `Match::entry` indexes this.
    pub entries: Vec<Entry>,
    /// Matcher over the first column.
    pub matcher: Matcher,
}

impl PhraseLexicon {
    fn load(name: &'static str, case_sensitive: bool) -> Self {
        let entries = embedded(name);
        let matcher = Matcher::new(entries.iter().map(|e| e.columns[0]), case_sensitive)
            .unwrap_or_else(|(i, e)| panic!("lexicon {name}:{}: {e}", entries[i].line));
        PhraseLexicon { entries, matcher }
    }
}

/// The `french` column of `machine_turns` as patterns, for `calque synth`.
pub struct TurnSources {
    /// Matches the French turns (toutefois, jusqu' ici).
    pub matcher: Matcher,
    /// For each pattern of `matcher`, the machine's turn as written (jusqu'à présent).
    pub phrases: Vec<String>,
}

/// A pattern of plain words as French writes it, elisions joined to the word after them
/// (jusqu' à présent → jusqu'à présent).
pub fn as_written(pattern: &str) -> String {
    pattern.replace("' ", "'")
}

/// The French turns of `machine_turns` as one matcher, each with the machine's phrase as written.
fn machine_turn_sources(lexicon: &PhraseLexicon) -> TurnSources {
    let entries: Vec<&Entry> = lexicon
        .entries
        .iter()
        .filter(|e| e.columns[1] != "-")
        .collect();
    let matcher = Matcher::new(entries.iter().map(|e| e.columns[1]), false)
        .unwrap_or_else(|(i, e)| panic!("lexicon machine_turns:{}: {e}", entries[i].line));
    let phrases = entries.iter().map(|e| as_written(e.columns[0])).collect();
    TurnSources { matcher, phrases }
}

/// A transliteration rule: English spelling of a sound in a Slavic name → French spelling.
pub struct TranslitRule {
    /// English letters, lowercase.
    pub english: &'static str,
    /// French letters.
    pub french: &'static str,
    /// Where in the word the rule applies.
    pub position: Position,
}

/// Where a transliteration rule applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    Start,
    End,
    Anywhere,
}

/// What article a place name takes, which decides the right preposition before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// le Brésil, l'Oregon: au Brésil, du Brésil, en Oregon.
    Masculine,
    /// les États-Unis: aux États-Unis, des États-Unis.
    Plural,
}

/// A phrase pattern whose last word may also take the plural -s: "open space" becomes
/// "open space|spaces". A last word that ends in s or x, or holds more than letters, is left.
fn with_plural(phrase: &str) -> String {
    let last = phrase.rsplit(' ').next().unwrap_or(phrase);
    if last.ends_with(['s', 'x']) || !last.chars().all(crate::word_bounds::is_letter) {
        return phrase.to_string();
    }
    format!("{phrase}|{last}s")
}

/// All lexicons, parsed once on first use.
pub struct Lexicons {
    /// English words, anglicised forms and false friends (`term`, `replacement`, `kind`).
    pub anglicisms: PhraseLexicon,
    /// Anglicisms French news uses freely; never flagged.
    pub accepted: FxHashSet<&'static str>,
    /// The phrases of the accepted list (prime time, low cost), whose words are not flagged
    /// one by one either; in the plural too (les open spaces, des think tanks).
    pub accepted_phrases: Matcher,
    /// Place names that take an article, so no preposition stands right before them.
    pub article_places: FxHashMap<&'static str, PlaceKind>,
    /// English spellings of names French spells otherwise (`english`, `french`, `kind`).
    pub names: PhraseLexicon,
    /// French forms of the names, matched to find articles that mix both spellings.
    pub french_names: Matcher,
    /// Regions whose towns share a name with a foreign city (London, en Ontario), so the
    /// English spelling of that city is right there.
    pub namesake_regions: FxHashSet<&'static str>,
    /// Word-for-word phrasings (`pattern`, `english`, `french`).
    pub calques: PhraseLexicon,
    /// Turns of phrase French writers use and translation from English seldom produces
    /// (`phrase`, `literal`: what machine translation writes instead, or `-`).
    pub native_turns: PhraseLexicon,
    /// Turns of phrase machine translation favours where French writers vary their wording
    /// (`phrase`, `french`: what a French writer often puts in its place, or `-`).
    pub machine_turns: PhraseLexicon,
    /// The `french` column of `machine_turns`, for `calque synth`.
    pub machine_turn_sources: TurnSources,
    /// French endings (without accents) and the English endings that may replace them, to
    /// tell English words dressed as French; an empty ending is written `-` in the file.
    pub dressed_endings: Vec<(&'static str, Vec<&'static str>)>,
    /// French dictionary forms (hunspell-fr) that wordfreq lacks and that would otherwise be
    /// taken for English words dressed as French (électricienne).
    pub dressed_french: FxHashSet<&'static str>,
    /// English page-template and interface leftovers (`phrase`, `french`).
    pub interface: PhraseLexicon,
    /// English function words that are not French words.
    pub en_function_words: FxHashSet<&'static str>,
    /// Hyphenated French dictionary words with an English-looking part (sit-in,
    /// self-service), exported from hunspell-fr.
    pub fr_compounds: FxHashSet<&'static str>,
    /// French and English word frequencies (wordfreq) and the genders of French nouns and
    /// adjectives (hunspell-fr).
    pub words: WordTable,
    /// Masculine nouns of roles French also uses for a woman (une témoin, la chef).
    pub role_nouns: FxHashSet<&'static str>,
    /// Nouns after which "d'État" means the State (chef, secrétaire, visite d'État).
    pub state_heads: FxHashSet<&'static str>,
    /// Titles French writes before a person's name, masculine to feminine (sénateur to
    /// sénatrice; juge to itself).
    pub person_titles: Vec<(&'static str, &'static str)>,
    /// First names only women bear (hunspell-fr and the 1990 US census), as written.
    pub female_first_names: FxHashSet<&'static str>,
    /// Slavic-name transliteration rules.
    pub translit: Vec<TranslitRule>,
    /// English news sentences `calque synth` leaves untranslated in generated paragraphs.
    pub synth_english: Vec<&'static str>,
    /// Verbs French news reports speech with in the present tense, by the third person
    /// singular and plural of that tense, with whether the form is the plural.
    pub reporting_verbs: FxHashMap<&'static str, (ReportingVerb, bool)>,
}

/// A verb French news reports speech with (explique, estime, souligne).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportingVerb {
    /// Third person singular of the present tense.
    pub present: &'static str,
    /// Third person plural of the present tense.
    pub plural: &'static str,
    /// Past participle.
    pub participle: &'static str,
}

/// The lexicons, loaded on first use.
pub static LEXICONS: LazyLock<Lexicons> = LazyLock::new(Lexicons::load);

impl Lexicons {
    /// Loads every lexicon; the calques, half the work, on a second thread.
    fn load() -> Self {
        std::thread::scope(|scope| {
            let calques = scope.spawn(|| PhraseLexicon::load("calques", false));
            Lexicons::load_with(|| calques.join().expect("the calques load"))
        })
    }

    /// Loads every lexicon but the calques, then takes those from `calques`, so that whatever
    /// builds them runs meanwhile.
    fn load_with(calques: impl FnOnce() -> PhraseLexicon) -> Self {
        let names = PhraseLexicon::load("names", true);
        let french_names = Matcher::new(names.entries.iter().map(|e| e.columns[1]), true)
            .unwrap_or_else(|(i, e)| panic!("lexicon names:{}: {e}", names.entries[i].line));
        let machine_turns = PhraseLexicon::load("machine_turns", false);
        let accepted = embedded("accepted");
        let phrases: Vec<&Entry> = accepted
            .iter()
            .filter(|e| e.columns[0].contains(' '))
            .collect();
        let patterns: Vec<String> = phrases.iter().map(|e| with_plural(e.columns[0])).collect();
        let accepted_phrases = Matcher::new(patterns.iter().map(String::as_str), false)
            .unwrap_or_else(|(i, e)| panic!("lexicon accepted:{}: {e}", phrases[i].line));
        Lexicons {
            anglicisms: PhraseLexicon::load("anglicisms", false),
            accepted: accepted.iter().map(|e| e.columns[0]).collect(),
            accepted_phrases,
            article_places: embedded("article_places")
                .into_iter()
                .map(|e| {
                    let kind = match e.columns[1] {
                        "masculine" => PlaceKind::Masculine,
                        "plural" => PlaceKind::Plural,
                        other => panic!("lexicon article_places:{}: kind {other:?}", e.line),
                    };
                    (e.columns[0], kind)
                })
                .collect(),
            names,
            french_names,
            namesake_regions: embedded_set("namesake_regions"),
            native_turns: PhraseLexicon::load("native_turns", false),
            machine_turn_sources: machine_turn_sources(&machine_turns),
            machine_turns,
            dressed_endings: embedded("dressed_endings")
                .into_iter()
                .map(|e| {
                    let ending = |s: &'static str| if s == "-" { "" } else { s };
                    let english = e.columns[1].split('|').map(ending).collect();
                    (ending(e.columns[0]), english)
                })
                .collect(),
            dressed_french: embedded_set("dressed_french"),
            interface: PhraseLexicon::load("interface", false),
            en_function_words: embedded_set("en_function_words"),
            fr_compounds: embedded_set("fr_compounds"),
            role_nouns: embedded_set("role_nouns"),
            state_heads: embedded_set("state_heads"),
            person_titles: embedded("person_titles")
                .into_iter()
                .map(|e| (e.columns[0], e.columns[1]))
                .collect(),
            female_first_names: embedded_set("female_first_names"),
            words: WordTable::embedded(),
            translit: embedded("translit")
                .into_iter()
                .map(|e| TranslitRule {
                    english: e.columns[0],
                    french: e.columns[1],
                    position: match e.columns[2] {
                        "start" => Position::Start,
                        "end" => Position::End,
                        "anywhere" => Position::Anywhere,
                        other => panic!("lexicon translit:{}: position {other:?}", e.line),
                    },
                })
                .collect(),
            synth_english: embedded("synth_english")
                .into_iter()
                .map(|e| e.columns[0])
                .collect(),
            reporting_verbs: embedded("reporting_verbs")
                .into_iter()
                .flat_map(|e| {
                    let verb = ReportingVerb {
                        present: e.columns[0],
                        plural: e.columns[1],
                        participle: e.columns[2],
                    };
                    [(verb.present, (verb, false)), (verb.plural, (verb, true))]
                })
                .collect(),
            // Last: fields are built in the order written.
            calques: calques(),
        }
    }
}

/// Number of entries in every lexicon and word list, by name.
pub fn sizes() -> Vec<(&'static str, usize)> {
    let [fr, en, genders, adjectives] = LEXICONS.words.counts();
    let mut sizes: Vec<(&'static str, usize)> = SOURCES
        .iter()
        .map(|s| (s.name, parse(s).map_or(0, |entries| entries.len())))
        .chain([
            ("adjective_gender", adjectives),
            ("en_words", en),
            ("fr_words", fr),
            ("noun_gender", genders),
        ])
        .collect();
    sizes.sort_unstable();
    sizes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{sentences, tokens};

    fn find(patterns: &[&str], text: &str) -> Vec<String> {
        let matcher = Matcher::new(patterns.iter().copied(), false).unwrap();
        let toks = tokens(text, &sentences(text));
        matcher
            .find(text, &toks)
            .into_iter()
            .map(|m| text[toks[m.first].start..toks[m.last].end].to_string())
            .collect()
    }

    #[test]
    fn matches_stop_at_commas_and_gaps_run_over_them_but_not_over_a_semicolon_or_colon() {
        let jets = ["brouill* deux avions"];
        assert!(find(&jets, "Malgré le brouillard, deux avions ont atterri.").is_empty());
        assert_eq!(
            find(&jets, "L'armée a brouillé deux avions."),
            ["brouillé deux avions"]
        );
        assert_eq!(
            find(
                &["pompiers ... arrivés"],
                "Les pompiers, qui sont arrivés vite"
            ),
            ["pompiers, qui sont arrivés"]
        );
        let gap = ["pompiers ... arrivés"];
        assert!(find(
            &gap,
            "Les pompiers sont là ; les renforts arrivés hier aussi."
        )
        .is_empty());
        assert!(find(&gap, "Les pompiers : arrivés trop tard.").is_empty());
        assert!(find(&gap, "Les pompiers ont dit ceci : arrivés trop tard.").is_empty());
    }

    #[test]
    fn patterns_sharing_a_first_word_are_told_apart_by_what_follows() {
        // Indexed by their first two words (a word, alternatives, a prefix first), or by the
        // first alone when the second item is no word (`_`, `#`, a gap, a prefix); a candidate
        // is tried only when the word after the indexed ones can match.
        let patterns = [
            "en 24 ans",
            "en charge de",
            "en dépit|face de",
            "en _ mots",
            "en # étapes",
            "en ... temps",
            "en sécur*",
            "frapp* la|les roue|roues",
            "prend|prennent place",
            "a|ont pris place|part|fin",
            "a|ont pris _ mois",
            "a|ont pris",
            "il|elle a # ans",
        ];
        let cases = [
            ("Il est en charge de la ville.", vec!["en charge de"]),
            ("Il est venu en dépit de tout.", vec!["en dépit de"]),
            ("Il a parlé en face de moi.", vec!["en face de"]),
            ("Il l'a dit en trois mots.", vec!["en trois mots"]),
            ("Le plan avance en 4 étapes.", vec!["en 4 étapes"]),
            ("Il est arrivé en même temps.", vec!["en même temps"]),
            ("Il est en sécurité.", vec!["en sécurité"]),
            ("Une première en 24 ans.", vec!["en 24 ans"]),
            ("Il a frappé les roues.", vec!["frappé les roues"]),
            ("Ils prennent place.", vec!["prennent place"]),
            ("Il prend la place.", vec![]),
            ("Il est en charge.", vec![]),
            ("Il a pris place.", vec!["a pris place"]),
            ("Ils ont pris part.", vec!["ont pris part"]),
            ("Elle a pris fin.", vec!["a pris fin"]),
            ("Il a pris six mois.", vec!["a pris six mois"]),
            ("Il a pris froid.", vec!["a pris"]),
            ("Il a pris", vec!["a pris"]),
            ("Elle a 12 ans.", vec!["Elle a 12 ans"]),
            ("Il a pris. Place nette.", vec!["a pris"]),
        ];
        for (text, expected) in cases {
            assert_eq!(find(&patterns, text), expected, "{text}");
        }
    }

    /// The word lists `build.rs` compiles, checked here like the other lexicons.
    const WORD_LISTS: &[Source] = &[
        lexicon_source!("adjective_gender", 2),
        lexicon_source!("en_words", 2),
        lexicon_source!("fr_words", 2),
        lexicon_source!("noun_gender", 2),
    ];

    #[test]
    fn every_lexicon_parses_is_sorted_and_unique() {
        for source in SOURCES.iter().chain(WORD_LISTS) {
            let entries = parse(source).unwrap_or_else(|e| panic!("{e:?}"));
            assert!(!entries.is_empty(), "{} is empty", source.name);
            for pair in entries.windows(2) {
                assert!(
                    pair[0].columns[0] < pair[1].columns[0],
                    "{}:{}: {:?} must sort strictly before {:?}",
                    source.name,
                    pair[1].line,
                    pair[0].columns[0],
                    pair[1].columns[0]
                );
            }
        }
    }

    #[test]
    fn a_number_among_alternatives_matches_digits_and_the_words_still_match() {
        let pattern = ["un dans deux|trois|# personnes"];
        assert_eq!(
            find(&pattern, "Un dans 5 personnes et un dans trois personnes."),
            ["Un dans 5 personnes", "un dans trois personnes"]
        );
        assert!(find(&pattern, "Un dans # personnes.").is_empty());
        assert!(Matcher::new(["deux|# personnes"].into_iter(), false).is_err());
    }

    #[test]
    fn a_pattern_may_start_with_the_number_token() {
        let source = Source {
            name: "test",
            columns: 3,
            text: "# header, no tab\n# du vote\tof the vote\tdes suffrages\n",
        };
        let entries = parse(&source).unwrap();
        assert_eq!(entries.len(), 1);
        assert_eq!(entries[0].columns[0], "# du vote");
    }

    #[test]
    fn the_word_table_holds_every_word_list_entry() {
        let words = &LEXICONS.words;
        for source in WORD_LISTS {
            for entry in parse(source).unwrap() {
                let (word, value) = (entry.columns[0], entry.columns[1]);
                let info = words
                    .get(word)
                    .unwrap_or_else(|| panic!("{word:?} missing"));
                match source.name {
                    "fr_words" => assert_eq!(format!("{:.2}", info.fr_zipf), value, "{word}"),
                    "en_words" => assert_eq!(format!("{:.2}", info.en_zipf), value, "{word}"),
                    name => {
                        let gender = if name == "noun_gender" {
                            info.gender
                        } else {
                            info.adjective_gender
                        };
                        let expected = if value == "m" {
                            Gender::Masculine
                        } else {
                            Gender::Feminine
                        };
                        assert_eq!(gender, Some(expected), "{name} {word}");
                    }
                }
            }
        }
        assert_eq!(words.get("motquinexistepas"), None);
        for (i, list) in ["fr_words", "en_words", "noun_gender", "adjective_gender"]
            .into_iter()
            .enumerate()
        {
            let source = WORD_LISTS.iter().find(|s| s.name == list).unwrap();
            assert_eq!(words.counts()[i], parse(source).unwrap().len(), "{list}");
        }
    }

    #[test]
    fn lines_columns_and_words_are_cut_as_the_standard_library_cuts_them() {
        for source in SOURCES.iter().chain(WORD_LISTS) {
            assert!(
                lines(source.text).eq(source.text.lines()),
                "{}",
                source.name
            );
        }
        for text in ["", "a", "a\n", "a\r\nb", "a\n\nb\n"] {
            assert!(lines(text).eq(text.lines()), "{text:?}");
        }
        for line in ["", "a", "a\tb", "\ta\t", "a\t\tb"] {
            let split: Vec<&str> = line.split('\t').collect();
            let columns = tab_columns(line);
            assert_eq!(columns[..split.len()], split, "{line:?}");
            assert!(columns[split.len()..].iter().all(|c| c.is_empty()));
        }
        for text in ["", "a", "a b", " a ", "a  b", "é|è|ê", "|"] {
            for separator in [b' ', b'|'] {
                assert!(
                    split_byte(text, separator).eq(text.split(char::from(separator))),
                    "{text:?}"
                );
                assert_eq!(
                    count_byte(separator, text),
                    text.matches(char::from(separator)).count()
                );
            }
        }
    }

    #[test]
    fn every_lexicon_has_a_header_comment() {
        for source in SOURCES.iter().chain(WORD_LISTS) {
            assert!(
                source.text.starts_with('#'),
                "{} has no header comment",
                source.name
            );
        }
    }

    #[test]
    fn phrase_patterns_compile() {
        for (name, case_sensitive) in [
            ("anglicisms", false),
            ("calques", false),
            ("interface", false),
            ("names", true),
        ] {
            let entries = embedded(name);
            if let Err((i, e)) = Matcher::new(entries.iter().map(|e| e.columns[0]), case_sensitive)
            {
                panic!("{name}:{}: {e}", entries[i].line);
            }
        }
    }

    #[test]
    fn accepted_phrases_list_no_plural_the_matcher_adds() {
        let accepted = embedded("accepted");
        let terms: FxHashSet<&str> = accepted.iter().map(|e| e.columns[0]).collect();
        for entry in &accepted {
            let term = entry.columns[0];
            let Some(singular) = term.strip_suffix('s') else {
                continue;
            };
            assert!(
                !(term.contains(' ')
                    && terms.contains(singular)
                    && with_plural(singular) != singular),
                "accepted:{}: {term:?} is the plural of {singular:?}, which matches it already",
                entry.line
            );
        }
        assert_eq!(with_plural("food truck"), "food truck|trucks");
        assert_eq!(with_plural("fake news"), "fake news");
    }

    #[test]
    fn no_flagged_term_is_also_accepted() {
        let lex = &*LEXICONS;
        for entry in &lex.anglicisms.entries {
            assert!(
                !lex.accepted.contains(entry.columns[0]),
                "anglicisms:{}: {:?} is also on the accepted list",
                entry.line,
                entry.columns[0]
            );
        }
        for entry in embedded("interface") {
            assert!(
                !lex.accepted.contains(entry.columns[0]),
                "interface:{}",
                entry.line
            );
        }
    }

    #[test]
    fn article_places_are_capitalised_single_words() {
        for (place, _) in LEXICONS.article_places.iter() {
            assert!(
                place.starts_with(char::is_uppercase) && !place.contains(' '),
                "article_places: {place:?} must be one capitalised word"
            );
        }
    }

    #[test]
    fn anglicism_kinds_are_known() {
        for entry in &LEXICONS.anglicisms.entries {
            assert!(
                matches!(entry.columns[2], "english" | "anglicised" | "false-friend"),
                "anglicisms:{}: kind {:?}",
                entry.line,
                entry.columns[2]
            );
        }
    }

    #[test]
    fn name_entries_differ_from_their_french_form() {
        for entry in &LEXICONS.names.entries {
            assert_ne!(entry.columns[0], entry.columns[1], "names:{}", entry.line);
            assert!(
                matches!(entry.columns[2], "person" | "place" | "org" | "other"),
                "names:{}: kind {:?}",
                entry.line,
                entry.columns[2]
            );
        }
    }

    #[test]
    fn role_nouns_are_masculine_in_the_noun_or_adjective_list() {
        let lex = &*LEXICONS;
        for noun in &lex.role_nouns {
            let word = lex.words.get(noun);
            let gender = word.and_then(|w| w.gender.or(w.adjective_gender));
            assert_eq!(gender, Some(Gender::Masculine), "role noun {noun:?}");
        }
    }

    #[test]
    fn person_titles_are_masculine_and_name_a_feminine_form() {
        let lex = &*LEXICONS;
        for &(masculine, feminine) in &lex.person_titles {
            let gender = |word| lex.words.get(word).and_then(|w| w.gender);
            assert_ne!(
                gender(masculine),
                Some(Gender::Feminine),
                "title {masculine:?}"
            );
            if feminine != masculine {
                assert_ne!(
                    gender(feminine),
                    Some(Gender::Masculine),
                    "title {feminine:?}"
                );
            }
        }
        for name in &lex.female_first_names {
            assert!(name.starts_with(char::is_uppercase), "first name {name:?}");
        }
    }

    #[test]
    fn english_function_words_are_far_more_english_than_french() {
        // wordfreq's French list holds English words from quotes and titles ("the" is at 5.35),
        // so the test is the margin, not absence.
        let lex = &*LEXICONS;
        for word in &lex.en_function_words {
            let (fr, en) = (lex.words.fr_zipf(word), lex.words.en_zipf(word));
            assert!(en - fr >= 1.5, "{word:?}: English zipf {en}, French {fr}");
        }
    }

    #[test]
    fn literal_and_multiword_patterns_match_whole_words() {
        assert_eq!(
            find(&["à la roue"], "On la voit à la roue du camion."),
            vec!["à la roue"]
        );
        assert!(find(&["roue"], "Les rouages tournent.").is_empty());
    }

    #[test]
    fn pattern_operators_work() {
        assert_eq!(
            find(
                &["pas immédiatement clair*"],
                "Les détails n'étaient pas immédiatement clairs."
            ),
            vec!["pas immédiatement clairs"]
        );
        assert_eq!(
            find(
                &["premier|première ... en # ans"],
                "Sa première visite à Pyongyang en 24 ans."
            ),
            vec!["première visite à Pyongyang en 24 ans"]
        );
        assert_eq!(
            find(&["prendre _? place"], "prendre leur place"),
            vec!["prendre leur place"]
        );
        assert_eq!(
            find(&["prendre _? place"], "prendre place"),
            vec!["prendre place"]
        );
    }

    #[test]
    fn matches_stop_at_sentence_ends() {
        assert!(find(&["première ... ans"], "La première. Les ans.").is_empty());
    }

    #[test]
    fn longest_match_wins_and_matches_do_not_overlap() {
        assert_eq!(
            find(&["au lieu", "au lieu de cela"], "Au lieu de cela, il part."),
            vec!["Au lieu de cela"]
        );
    }

    #[test]
    fn case_sensitive_matching_for_names() {
        let matcher = Matcher::new(["UN", "Kim Jong Un"], true).unwrap();
        let text = "un homme et Kim Jong Un à l'UN.";
        let toks = tokens(text, &sentences(text));
        let found: Vec<&str> = matcher
            .find(text, &toks)
            .into_iter()
            .map(|m| &text[toks[m.first].start..toks[m.last].end])
            .collect();
        assert_eq!(found, vec!["Kim Jong Un", "UN"]);
    }

    #[test]
    fn bad_patterns_are_rejected() {
        assert!(Matcher::new(["_ roue"], false).is_err());
        assert!(Matcher::new(["ab* roue"], false).is_err());
        assert!(Matcher::new(["a  b"], false).is_err());
    }
}
