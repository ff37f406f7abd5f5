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
//! A match never crosses a sentence boundary.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::segment::{normalize, Token};

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

/// Every embedded lexicon, in a stable order.
pub const SOURCES: &[Source] = &[
    lexicon_source!("accepted", 2),
    lexicon_source!("anglicisms", 3),
    lexicon_source!("calques", 3),
    lexicon_source!("en_function_words", 1),
    lexicon_source!("en_words", 2),
    lexicon_source!("fr_words", 2),
    lexicon_source!("interface", 2),
    lexicon_source!("names", 3),
    lexicon_source!("noun_gender", 2),
    lexicon_source!("synth_english", 1),
    lexicon_source!("translit", 3),
];

/// One parsed entry: its 1-based line in the file and its columns.
pub struct Entry {
    /// 1-based line number in the lexicon file.
    pub line: usize,
    /// The tab-separated columns.
    pub columns: Vec<&'static str>,
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
pub fn parse(source: &Source) -> Result<Vec<Entry>, LexiconError> {
    let mut entries = Vec::new();
    for (index, line) in source.text.lines().enumerate() {
        if line.starts_with('#') {
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
        let columns: Vec<&'static str> = line.split('\t').collect();
        if columns.len() != source.columns {
            return Err(error(format!(
                "{} columns, expected {}",
                columns.len(),
                source.columns
            )));
        }
        if columns.iter().any(|c| c.is_empty() || c.trim() != *c) {
            return Err(error("empty column or leading/trailing space".to_string()));
        }
        entries.push(Entry {
            line: index + 1,
            columns,
        });
    }
    Ok(entries)
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

/// One item of a compiled pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Literal(String),
    Alternatives(Vec<String>),
    Prefix(String),
    Any,
    OptionalAny,
    Number,
    Gap,
}

/// Largest number of words a `...` gap may skip.
const MAX_GAP: usize = 5;

/// Compiles a pattern; errors say which item is wrong.
fn compile(pattern: &str, case_sensitive: bool) -> Result<Vec<Item>, String> {
    let fold = |s: &str| {
        if case_sensitive {
            s.replace('’', "'")
        } else {
            normalize(s)
        }
    };
    let mut items = Vec::new();
    for word in pattern.split(' ') {
        let item = match word {
            "" => return Err("double space".into()),
            "_" => Item::Any,
            "_?" => Item::OptionalAny,
            "#" => Item::Number,
            "..." => Item::Gap,
            w if w.contains('|') => {
                let options: Vec<String> = w.split('|').map(fold).collect();
                if options.iter().any(|o| o.is_empty() || o.ends_with('*')) {
                    return Err(format!("bad alternatives {w:?}"));
                }
                Item::Alternatives(options)
            }
            w if w.ends_with('*') => {
                let stem = fold(&w[..w.len() - 1]);
                if stem.chars().count() < 3 || stem.contains('*') {
                    return Err(format!("prefix {w:?} needs a stem of 3 letters or more"));
                }
                Item::Prefix(stem)
            }
            w => {
                // A literal is cut the way text is, so "d'Ivoire" matches "d'" + "Ivoire".
                let pieces = crate::segment::tokens(w, &[(0, w.len())]);
                if pieces.len() > 1 {
                    items.extend(pieces.iter().map(|t| Item::Literal(fold(t.text(w)))));
                    continue;
                }
                Item::Literal(fold(w))
            }
        };
        items.push(item);
    }
    match items.first() {
        Some(Item::Literal(_) | Item::Alternatives(_) | Item::Prefix(_)) => Ok(items),
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
pub struct Matcher {
    patterns: Vec<Vec<Item>>,
    by_word: HashMap<String, Vec<usize>>,
    by_prefix: HashMap<String, Vec<usize>>,
    case_sensitive: bool,
}

/// Length in chars of the key that indexes prefix patterns.
const PREFIX_KEY: usize = 3;

impl Matcher {
    /// Compiles patterns; the error names the pattern's index and what is wrong with it.
    pub fn new<'a>(
        patterns: impl IntoIterator<Item = &'a str>,
        case_sensitive: bool,
    ) -> Result<Self, (usize, String)> {
        let mut matcher = Matcher {
            patterns: Vec::new(),
            by_word: HashMap::new(),
            by_prefix: HashMap::new(),
            case_sensitive,
        };
        for (index, pattern) in patterns.into_iter().enumerate() {
            let items = compile(pattern, case_sensitive).map_err(|e| (index, e))?;
            match &items[0] {
                Item::Literal(word) => matcher.by_word.entry(word.clone()).or_default().push(index),
                Item::Alternatives(words) => {
                    for word in words {
                        matcher.by_word.entry(word.clone()).or_default().push(index);
                    }
                }
                Item::Prefix(stem) => {
                    let key: String = stem.chars().take(PREFIX_KEY).collect();
                    matcher.by_prefix.entry(key).or_default().push(index);
                }
                _ => unreachable!("compile rejects patterns that start otherwise"),
            }
            matcher.patterns.push(items);
        }
        Ok(matcher)
    }

    /// Number of patterns.
    pub fn len(&self) -> usize {
        self.patterns.len()
    }

    /// True when there are no patterns.
    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    fn key<'a>(&self, token: &'a Token, text: &'a str) -> std::borrow::Cow<'a, str> {
        if self.case_sensitive {
            let raw = token.text(text);
            if raw.contains('’') {
                std::borrow::Cow::Owned(raw.replace('’', "'"))
            } else {
                std::borrow::Cow::Borrowed(raw)
            }
        } else {
            std::borrow::Cow::Borrowed(token.norm.as_str())
        }
    }

    /// All non-overlapping matches in a paragraph, leftmost first, longest at each start.
    pub fn find(&self, text: &str, tokens: &[Token]) -> Vec<Match> {
        let keys: Vec<std::borrow::Cow<str>> = tokens.iter().map(|t| self.key(t, text)).collect();
        let mut out = Vec::new();
        let mut start = 0;
        while start < tokens.len() {
            let mut best: Option<Match> = None;
            let first = &keys[start];
            let prefix_key: String = first.chars().take(PREFIX_KEY).collect();
            let candidates = self
                .by_word
                .get(first.as_ref())
                .into_iter()
                .chain(self.by_prefix.get(&prefix_key))
                .flatten();
            for &entry in candidates {
                if let Some(last) =
                    self.match_at(&self.patterns[entry], 0, &keys, tokens, start, start)
                {
                    let better =
                        best.is_none_or(|b| last > b.last || (last == b.last && entry < b.entry));
                    if better {
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
        keys: &[std::borrow::Cow<str>],
        tokens: &[Token],
        first: usize,
        t: usize,
    ) -> Option<usize> {
        let Some(item) = items.get(i) else {
            return Some(t - 1);
        };
        let sentence = tokens[first].sentence;
        let available = |k: usize| k < tokens.len() && tokens[k].sentence == sentence;
        match item {
            Item::OptionalAny => {
                self.match_at(items, i + 1, keys, tokens, first, t)
                    .or_else(|| {
                        available(t)
                            .then(|| self.match_at(items, i + 1, keys, tokens, first, t + 1))
                            .flatten()
                    })
            }
            Item::Gap => (0..=MAX_GAP)
                .take_while(|&skip| skip == 0 || available(t + skip - 1))
                .find_map(|skip| self.match_at(items, i + 1, keys, tokens, first, t + skip)),
            _ => {
                if !available(t) || !item_matches(item, &keys[t], &tokens[t]) {
                    return None;
                }
                self.match_at(items, i + 1, keys, tokens, first, t + 1)
            }
        }
    }
}

fn item_matches(item: &Item, key: &str, token: &Token) -> bool {
    match item {
        Item::Literal(word) => key == word,
        Item::Alternatives(words) => words.iter().any(|w| w == key),
        Item::Prefix(stem) => key.starts_with(stem.as_str()),
        Item::Any => true,
        Item::Number => token.is_number(),
        Item::OptionalAny | Item::Gap => unreachable!("handled by the caller"),
    }
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

/// Word → Zipf frequency (log10 of occurrences per billion words).
pub struct Frequencies(HashMap<&'static str, f32>);

impl Frequencies {
    fn load(name: &'static str) -> Self {
        let map = embedded(name)
            .into_iter()
            .map(|e| {
                let zipf = e.columns[1]
                    .parse()
                    .unwrap_or_else(|_| panic!("lexicon {name}:{}: bad frequency", e.line));
                (e.columns[0], zipf)
            })
            .collect();
        Frequencies(map)
    }

    /// Zipf frequency of a lowercase word, 0 when unknown.
    pub fn zipf(&self, word: &str) -> f32 {
        self.0.get(word).copied().unwrap_or(0.0)
    }

    /// True when the word is in the list. wordfreq splits words at hyphens, so a hyphenated
    /// word is known when each of its parts is.
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains_key(word)
            || (word.contains('-') && word.split('-').all(|part| self.0.contains_key(part)))
    }

    /// Zipf frequency of a word, or of its rarest part for a hyphenated word not in the list.
    pub fn zipf_of_compound(&self, word: &str) -> f32 {
        match self.0.get(word) {
            Some(&zipf) => zipf,
            None if word.contains('-') => word
                .split('-')
                .map(|part| self.zipf(part))
                .fold(f32::MAX, f32::min),
            None => 0.0,
        }
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Grammatical gender of a French noun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Masculine,
    Feminine,
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

/// All lexicons, parsed once on first use.
pub struct Lexicons {
    /// English words, anglicised forms and false friends (`term`, `replacement`, `kind`).
    pub anglicisms: PhraseLexicon,
    /// Anglicisms French news uses freely; never flagged.
    pub accepted: std::collections::HashSet<&'static str>,
    /// English spellings of names French spells otherwise (`english`, `french`, `kind`).
    pub names: PhraseLexicon,
    /// French forms of the names, matched to find articles that mix both spellings.
    pub french_names: Matcher,
    /// Word-for-word phrasings (`pattern`, `english`, `french`).
    pub calques: PhraseLexicon,
    /// English page-template and interface leftovers (`phrase`, `french`).
    pub interface: PhraseLexicon,
    /// English function words that are not French words.
    pub en_function_words: std::collections::HashSet<&'static str>,
    /// French word frequencies (wordfreq).
    pub fr_words: Frequencies,
    /// English word frequencies (wordfreq).
    pub en_words: Frequencies,
    /// Gender of frequent French nouns (hunspell-fr).
    pub noun_gender: HashMap<&'static str, Gender>,
    /// Slavic-name transliteration rules.
    pub translit: Vec<TranslitRule>,
    /// English news sentences `calque synth` leaves untranslated in generated paragraphs.
    pub synth_english: Vec<&'static str>,
}

/// The lexicons, loaded on first use.
pub static LEXICONS: LazyLock<Lexicons> = LazyLock::new(Lexicons::load);

impl Lexicons {
    fn load() -> Self {
        let names = PhraseLexicon::load("names", true);
        let french_names = Matcher::new(names.entries.iter().map(|e| e.columns[1]), true)
            .unwrap_or_else(|(i, e)| panic!("lexicon names:{}: {e}", names.entries[i].line));
        Lexicons {
            anglicisms: PhraseLexicon::load("anglicisms", false),
            accepted: embedded("accepted")
                .into_iter()
                .map(|e| e.columns[0])
                .collect(),
            names,
            french_names,
            calques: PhraseLexicon::load("calques", false),
            interface: PhraseLexicon::load("interface", false),
            en_function_words: embedded("en_function_words")
                .into_iter()
                .map(|e| e.columns[0])
                .collect(),
            fr_words: Frequencies::load("fr_words"),
            en_words: Frequencies::load("en_words"),
            noun_gender: embedded("noun_gender")
                .into_iter()
                .map(|e| {
                    let gender = match e.columns[1] {
                        "m" => Gender::Masculine,
                        "f" => Gender::Feminine,
                        other => panic!("lexicon noun_gender:{}: gender {other:?}", e.line),
                    };
                    (e.columns[0], gender)
                })
                .collect(),
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
        }
    }
}

/// Number of entries in every embedded lexicon, by name.
pub fn sizes() -> Vec<(&'static str, usize)> {
    SOURCES
        .iter()
        .map(|s| (s.name, parse(s).map_or(0, |entries| entries.len())))
        .collect()
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
    fn every_lexicon_parses_is_sorted_and_unique() {
        for source in SOURCES {
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
    fn every_lexicon_has_a_header_comment() {
        for source in SOURCES {
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
    fn english_function_words_are_far_more_english_than_french() {
        // wordfreq's French list holds English words from quotes and titles ("the" is at 5.35),
        // so the test is the margin, not absence.
        let lex = &*LEXICONS;
        for word in &lex.en_function_words {
            let (fr, en) = (lex.fr_words.zipf(word), lex.en_words.zipf(word));
            assert!(en - fr >= 1.5, "{word:?}: English zipf {en}, French {fr}");
        }
    }

    #[test]
    fn literal_and_multiword_patterns_match_whole_words() {
        assert_eq!(
            find(&["à la roue"], "Il est montré à la roue initialement."),
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
