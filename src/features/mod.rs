//! Feature extraction: one number per named feature per paragraph, and the evidence behind it.
//!
//! Each family of signals lives in its own module and reports what it finds through
//! [`Recorder`]: a span of the paragraph, the feature it counts toward and a hint for the
//! editor. Count features become `ln(1 + count)` so that one stray word and ten of them are not
//! weighed linearly; rate features are shares in [0, 1]. The order of [`FEATURES`] is the order
//! of the model's weights, and a model trained on another list is refused when loaded.

mod anglicisms;
mod calques;
mod english;
mod grammar;
mod names;
pub(crate) mod reporting;
mod shape;
mod typography;

use serde::Serialize;

use crate::lexicon::LEXICONS;
use crate::segment::{self, Token};
use crate::word_table::WordInfo;

pub use names::same_letters;

/// How a feature's raw tally becomes its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// A count of matches, stored as `ln(1 + count)`.
    Count,
    /// A value the family computes itself (a share, a length).
    Value,
}

/// A feature's stable name, its family and what it measures.
#[derive(Debug, Clone, Copy)]
pub struct FeatureInfo {
    /// Stable name, used in model files and CSV headers.
    pub name: &'static str,
    /// Signal family (anglicisms, english, names, calques, typography, grammar, shape).
    pub family: &'static str,
    /// How the value is computed from the tally.
    pub scale: Scale,
    /// One line for `calque info` and the README.
    pub description: &'static str,
}

macro_rules! features {
    ($($variant:ident => $name:literal, $family:literal, $scale:ident, $description:literal;)*) => {
        /// Every feature, by variant; `as usize` is its index in [`FEATURES`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Feature { $($variant),* }

        /// Every feature, in model order.
        pub const FEATURES: &[FeatureInfo] = &[
            $(FeatureInfo { name: $name, family: $family, scale: Scale::$scale, description: $description }),*
        ];
    };
}

features! {
    AnglicismEnglish => "anglicism_english", "anglicisms", Count, "English words from the anglicism lexicon left untranslated";
    Anglicised => "anglicism_anglicised", "anglicisms", Count, "English words dressed as French (adviseur, cancellé, prosecuteur)";
    FalseFriend => "false_friend", "anglicisms", Count, "French words used in their English sense (adresser le problème)";
    EnglishFunctionWord => "english_function_word", "english", Count, "English function words (the, of, with, which)";
    EnglishIng => "english_ing", "english", Count, "English -ing forms that French does not use";
    EnglishVocab => "english_vocab", "english", Count, "words far more frequent in English than in French";
    EnglishSentence => "english_sentence", "english", Count, "sentences identified as English";
    InterfaceLeftover => "interface_leftover", "english", Count, "English page-template text (Read more, 2 hours ago)";
    EnglishName => "english_name", "names", Count, "English spellings of names French spells otherwise (Putin, Beijing), and the American party tag after a name (R-Fla.)";
    NameVariant => "name_variant", "names", Count, "English spellings that differ from the French only by accents or hyphens (Hanoi, Kim Jong Un)";
    EnglishTransliteration => "english_transliteration", "names", Count, "Slavic names transliterated the English way (Ushakov)";
    NameConflict => "name_conflict", "names", Count, "a name spelled the English way when the article also has the French form (accent and hyphen variants aside)";
    Calque => "calque", "calques", Count, "phrases translated word for word from English";
    StraightQuotes => "straight_quotes", "typography", Count, "quotations in straight quotes instead of « »";
    PunctuationInsideQuote => "punctuation_inside_quote", "typography", Count, "comma inside the closing quote, English style, a quotation closed with «, or one opened and closed with different marks (« … ”)";
    PeriodInsideQuote => "period_inside_quote", "typography", Count, "period inside the closing quote of a quoted fragment, English style, which people also type";
    NoSpaceBeforePunctuation => "no_space_before_punctuation", "typography", Count, "no space before ; : ! ?";
    EnglishNumber => "english_number", "typography", Count, "English number formats and units (1,500, 130mph, 90°F, n ° 1 for No. 1, XNUMX for a number)";
    EnglishDecimal => "english_decimal", "typography", Count, "a decimal point (3.5), English style, which people also type on French web pages";
    EnglishDate => "english_date", "typography", Count, "English date and time formats (June 19, juin 19, 4pm)";
    CurrencyPrefix => "currency_prefix", "typography", Count, "currency sign before the amount ($5)";
    TitleCase => "title_case", "typography", Value, "English Title Case (Le Président Annonce Une Réforme)";
    EnglishHonorific => "english_honorific", "typography", Count, "English honorifics and capitalised titles before a name (Mr, le Président Obama)";
    LinkSeam => "link_seam", "typography", Count, "a sentence cut by a full stop, two words run together, or a preposition left without its object, where machine translation lost a link (le climat. crise, politiqueune, selon un décompte de .)";
    FailedElision => "failed_elision", "grammar", Count, "elision, contraction or article where none belongs, missing or cut off (d'munitions, la invincibilité, l ' État, de les taxes, de Brésil)";
    GenderClash => "gender_clash", "grammar", Count, "determiner, noun or adjective of different genders (une échange, une décision définitif)";
    WeekdayArticle => "weekday_article", "grammar", Count, "English use of weekdays (le mercredi dernier, sur lundi, il a annoncé le mercredi)";
    LowercaseEtat => "lowercase_etat", "grammar", Count, "d'état for d'État (the State)";
    WrongAuxiliary => "wrong_auxiliary", "grammar", Count, "avoir with verbs that take être (ont arrivé)";
    Words => "words_log", "shape", Value, "ln(1 + number of words)";
    UnknownWord => "unknown_words", "shape", Count, "lowercase words unknown to the French word list (conjugated forms of its verbs aside)";
    RareWordRate => "rare_word_rate", "shape", Value, "share of lowercase words rare in French (Zipf < 3)";
    MachineTurns => "machine_turns", "shape", Value, "1 when the paragraph holds a turn of phrase machine translation favours where French writers vary their wording (cependant, y compris, jusqu'à présent, en fait, en outre, a déclaré que, 12 pour cent)";
    NativeTurns => "native_turns", "shape", Value, "ln(1 + turns of phrase French writers use and translation from English seldom produces: notamment, d'ailleurs, en effet, voire, the pronouns on, en and y, the near future va falloir, ce dernier for someone named before, capitals typed without their accent: l'Etat, A Paris)";
    PresentReporting => "present_reporting", "shape", Value, "ln(1 + speech reported in the present tense, the subject after the verb, as French news reports it: « … », explique le maire; estime-t-elle), where translation from English writes the past (a expliqué)";
}

impl Feature {
    /// The feature's description entry.
    pub fn info(self) -> &'static FeatureInfo {
        &FEATURES[self as usize]
    }
}

/// A lowercase French letter without its accent (é → e, ç → c); any other character as is.
pub(crate) fn unaccented(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        c => c,
    }
}

/// True for a word of two letters or more written in capitals: an acronym (ME, ONU) or a
/// shouted word (RANDONNÉES), which neither title case nor elision rules read as a word.
pub(crate) fn in_capitals(word: &str) -> bool {
    !word.chars().any(char::is_lowercase)
        && word.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
}

/// Names of every feature, in model order.
pub fn feature_names() -> Vec<&'static str> {
    FEATURES.iter().map(|f| f.name).collect()
}

/// One piece of evidence: a span of the paragraph that counted toward a feature.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// Family of the feature.
    pub family: &'static str,
    /// Feature name.
    pub feature: &'static str,
    /// Byte offset where the span starts in the paragraph text.
    pub start: usize,
    /// Byte offset just past the span.
    pub end: usize,
    /// What a careful writer would put instead, or why it is suspect.
    pub hint: String,
}

/// The features of one paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphFeatures {
    /// One value per entry of [`FEATURES`].
    pub values: Vec<f64>,
    /// Spans that fired, in text order.
    pub evidence: Vec<Evidence>,
    /// Number of words (elided articles not counted).
    pub words: usize,
}

/// A paragraph cut into sentences and words, shared by every family.
pub struct Analysis<'a> {
    /// The paragraph.
    pub text: &'a str,
    /// Sentence byte spans.
    pub sentences: Vec<(usize, usize)>,
    /// Words.
    pub tokens: Vec<Token>,
    /// For each token, true when it sits inside a quotation in another language (« I have a
    /// dream »), which French introduces on purpose. A quotation in French is not marked: an
    /// English or mangled word inside it is a slip like any other.
    pub quoted: Vec<bool>,
    /// For each token, true when it belongs to a phrase of the accepted list (le prime time,
    /// un vol low cost), which no family reports word by word.
    pub accepted: Vec<bool>,
    /// For each token, what the word lists say of its lowercase form (looked up once here,
    /// since several families ask).
    pub words: Vec<WordInfo>,
}

impl<'a> Analysis<'a> {
    /// Segments a paragraph.
    pub fn new(text: &'a str) -> Self {
        let sentences = segment::sentences(text);
        let tokens = segment::tokens(text, &sentences);
        let words = LEXICONS
            .words
            .get_all(tokens.iter().map(|t| t.norm.as_str()));
        let quoted = quoted_tokens(text, &tokens, &words);
        let mut accepted = vec![false; tokens.len()];
        for found in LEXICONS.accepted_phrases.find(text, &tokens) {
            accepted[found.first..=found.last].fill(true);
        }
        Analysis {
            text,
            sentences,
            tokens,
            quoted,
            accepted,
            words,
        }
    }

    /// French Zipf frequency of token `i`, or of its rarest part for a hyphenated word that
    /// the list lacks (wordfreq splits words at hyphens); 0 when unknown.
    #[inline]
    pub fn fr_zipf_of_compound(&self, i: usize) -> f32 {
        match self.words[i].fr_zipf {
            zipf if zipf > 0.0 => zipf,
            _ => LEXICONS.words.fr_zipf_of_compound(&self.tokens[i].norm),
        }
    }

    /// True when token `j` follows token `i` in the same sentence with nothing but spaces
    /// between them. Inlined: grammar asks it of most determiners and nouns.
    #[inline]
    pub fn adjacent(&self, i: usize, j: usize) -> bool {
        let tokens = &self.tokens;
        j < tokens.len()
            && tokens[i].sentence == tokens[j].sentence
            && tokens[i].end <= tokens[j].start
            && self.text[tokens[i].end..tokens[j].start].trim().is_empty()
    }

    /// True when token `i` is a capital letter and apostrophe joined to the next word inside a
    /// sentence (Tétouan, M'diq et Oujda): the initial of a name, since an elided article or
    /// pronoun takes a capital only where a sentence starts.
    pub fn name_initial(&self, i: usize) -> bool {
        let tokens = &self.tokens;
        i > 0
            && tokens
                .get(i + 1)
                .is_some_and(|next| tokens[i].end == next.start)
            && tokens[i].norm.ends_with('\'')
            && tokens[i].is_capitalized()
            && tokens[i - 1].sentence == tokens[i].sentence
    }

    /// Number of words, not counting elided articles and pronouns.
    pub fn word_count(&self) -> usize {
        self.tokens
            .iter()
            .filter(|t| !t.norm.ends_with('\''))
            .count()
    }
}

/// Marks the tokens inside « » or paired straight/curly double quotes whose words are not
/// mostly French (see [`foreign_quotation`]).
fn quoted_tokens(text: &str, tokens: &[Token], words: &[WordInfo]) -> Vec<bool> {
    let mut spans = Vec::new();
    let mut open_guillemet: Option<usize> = None;
    let mut open_straight: Option<usize> = None;
    // Every quotation mark starts with one of these bytes: only there is a char decoded.
    for i in memchr::memchr3_iter(b'"', 0xC2, 0xE2, text.as_bytes()) {
        let c = text[i..]
            .chars()
            .next()
            .expect("a char starts at a lead byte");
        match c {
            '«' | '“' => open_guillemet = Some(i),
            '»' | '”' => {
                if let Some(start) = open_guillemet.take() {
                    spans.push((start, i));
                }
            }
            '"' => match open_straight.take() {
                Some(start) => spans.push((start, i)),
                None => open_straight = Some(i),
            },
            _ => {}
        }
    }
    spans.retain(|&span| foreign_quotation(tokens, words, span));
    // Tokens come in text order: sweep the spans by start, keeping the furthest end of those
    // opened before the token, so a paragraph of many quotations stays linear.
    spans.sort_unstable();
    let mut next = 0;
    let mut furthest_end: Option<usize> = None;
    tokens
        .iter()
        .map(|t| {
            while next < spans.len() && spans[next].0 < t.start {
                furthest_end = furthest_end.max(Some(spans[next].1));
                next += 1;
            }
            furthest_end.is_some_and(|end| t.end <= end)
        })
        .collect()
}

/// True when fewer than three in four words of the quotation between byte offsets `start`
/// and `end` are more French than English: a quotation in English (or German, or a title)
/// rather than French speech that machine translation may have left words of untranslated.
fn foreign_quotation(tokens: &[Token], words: &[WordInfo], (start, end): (usize, usize)) -> bool {
    let first = tokens.partition_point(|t| t.start < start);
    let (mut all, mut french) = (0, 0);
    for (token, word) in tokens[first..].iter().zip(&words[first..]) {
        if token.end > end {
            break;
        }
        if token.is_alphabetic() {
            all += 1;
            french += usize::from(word.fr_zipf > 0.0 && word.fr_zipf >= word.en_zipf);
        }
    }
    french * 4 < all * 3
}

/// What the article as a whole tells each paragraph.
#[derive(Debug, Default)]
pub struct ArticleContext {
    /// French name forms (names.tsv second column) found somewhere in the article.
    pub french_names_present: std::collections::HashSet<&'static str>,
}

impl ArticleContext {
    /// Adds what one paragraph of the article tells the others.
    pub fn add(&mut self, analysis: &Analysis) {
        names::add_french_forms(analysis, &mut self.french_names_present);
    }
}

/// Collects tallies and evidence while the families run.
pub struct Recorder {
    counts: Vec<usize>,
    values: Vec<f64>,
    evidence: Vec<Evidence>,
}

impl Recorder {
    fn new() -> Self {
        Recorder {
            counts: vec![0; FEATURES.len()],
            values: vec![0.0; FEATURES.len()],
            evidence: Vec::new(),
        }
    }

    /// Counts one occurrence of a feature over a byte span.
    pub fn hit(&mut self, feature: Feature, start: usize, end: usize, hint: impl Into<String>) {
        let info = feature.info();
        self.counts[feature as usize] += 1;
        self.evidence.push(Evidence {
            family: info.family,
            feature: info.name,
            start,
            end,
            hint: hint.into(),
        });
    }

    /// Takes back the hits of these features inside any of `spans`, tallies and evidence,
    /// when a wider piece of evidence covers them (the words of a sentence already counted as
    /// English): each piece of evidence counts once, so the model weighs the sentence and the
    /// words around it apart instead of splitting one weight between overlapping features.
    /// `spans` are sorted and disjoint.
    pub fn fold_into(&mut self, features: &[Feature], spans: &[(usize, usize)]) {
        if spans.is_empty() {
            return;
        }
        let counts = &mut self.counts;
        self.evidence.retain(|e| {
            let after = spans.partition_point(|&(start, _)| start <= e.start);
            let inside = after > 0 && e.end <= spans[after - 1].1;
            let folded = if inside {
                features
                    .iter()
                    .find(|feature| feature.info().name == e.feature)
            } else {
                None
            };
            if let Some(&feature) = folded {
                counts[feature as usize] -= 1;
            }
            folded.is_none()
        });
    }

    /// Sets a value feature.
    pub fn set(&mut self, feature: Feature, value: f64) {
        debug_assert_eq!(feature.info().scale, Scale::Value);
        self.values[feature as usize] = value;
    }

    fn finish(mut self, words: usize) -> ParagraphFeatures {
        for (i, info) in FEATURES.iter().enumerate() {
            if info.scale == Scale::Count {
                self.values[i] = (self.counts[i] as f64).ln_1p();
            }
        }
        self.evidence
            .sort_by(|a, b| (a.start, a.end, a.feature).cmp(&(b.start, b.end, b.feature)));
        ParagraphFeatures {
            values: self.values,
            evidence: self.evidence,
            words,
        }
    }
}

/// Extracts the features of every paragraph of one article.
pub fn extract_article<S: AsRef<str>>(paragraphs: &[S]) -> Vec<ParagraphFeatures> {
    extract_article_keeping(paragraphs, KEPT_ANALYSES_BYTES)
}

/// [`extract_article`], keeping the analyses of the paragraphs within the first `budget`
/// bytes of text.
fn extract_article_keeping<S: AsRef<str>>(
    paragraphs: &[S],
    budget: usize,
) -> Vec<ParagraphFeatures> {
    let mut context = ArticleContext::default();
    let mut kept = Vec::new();
    let mut kept_bytes = 0;
    for paragraph in paragraphs {
        let analysis = Analysis::new(paragraph.as_ref());
        context.add(&analysis);
        kept_bytes += paragraph.as_ref().len();
        if kept_bytes <= budget {
            kept.push(analysis);
        }
    }
    // The kept analyses are the article's first paragraphs; each is dropped once its features
    // are out, and the paragraphs after them are analysed again.
    let mut kept = kept.into_iter();
    paragraphs
        .iter()
        .map(|paragraph| {
            let analysis = kept
                .next()
                .unwrap_or_else(|| Analysis::new(paragraph.as_ref()));
            extract_paragraph(&analysis, &context)
        })
        .collect()
}

/// Bytes of text whose paragraph analyses an article keeps between reading its context and
/// extracting features. An analysis holds about twenty times its text in tokens: past this,
/// paragraphs are analysed a second time rather than kept, so that a huge article (up to
/// `--max-bytes`) does not hold every token at once. A news article is far below it.
const KEPT_ANALYSES_BYTES: usize = 1 << 18;

/// Extracts the features of one analysed paragraph, given its article.
pub fn extract_paragraph(analysis: &Analysis, context: &ArticleContext) -> ParagraphFeatures {
    let mut recorder = Recorder::new();
    let claimed = anglicisms::extract(analysis, &mut recorder);
    english::extract(analysis, &claimed, &mut recorder);
    names::extract(analysis, context, &mut recorder);
    calques::extract(analysis, &mut recorder);
    typography::extract(analysis, &mut recorder);
    grammar::extract(analysis, &mut recorder);
    shape::extract(analysis, &claimed, &mut recorder);
    recorder.finish(analysis.word_count())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The features that fired on a one-paragraph article, with their exact matched text.
    pub(crate) fn fired(text: &str) -> Vec<(&'static str, String)> {
        let features = extract_article(&[text]);
        features[0]
            .evidence
            .iter()
            .map(|e| (e.feature, text[e.start..e.end].to_string()))
            .collect()
    }

    /// The exact texts that fired one feature on a one-paragraph article.
    pub(crate) fn matches_of(text: &str, feature: &str) -> Vec<String> {
        fired(text)
            .into_iter()
            .filter(|(f, _)| *f == feature)
            .map(|(_, m)| m)
            .collect()
    }

    #[test]
    fn an_article_too_long_to_keep_its_analyses_gets_the_same_features() {
        let article = [
            "Vladimir Putin a reçu mardi le président du Conseil européen.",
            "Le rendez-vous, fixé de longue date, a duré trois heures.",
            "Interrogé sur la rencontre, Vladimir Poutine s'est dit satisfait.",
            "The meeting was described as constructive by both sides.",
        ];
        let whole = extract_article_keeping(&article, usize::MAX);
        assert!(whole[0]
            .evidence
            .iter()
            .any(|e| e.feature == "name_conflict"));
        for budget in [0, 70, 130] {
            let part = extract_article_keeping(&article, budget);
            assert_eq!(part.len(), whole.len());
            for (a, b) in part.iter().zip(&whole) {
                assert_eq!(a.values, b.values, "budget {budget}");
                assert_eq!(a.evidence.len(), b.evidence.len(), "budget {budget}");
            }
        }
    }

    #[test]
    fn feature_names_are_unique_and_snake_case() {
        let mut names = feature_names();
        assert!(names
            .iter()
            .all(|n| n.chars().all(|c| c.is_ascii_lowercase() || c == '_')));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FEATURES.len());
    }

    #[test]
    fn clean_french_fires_nothing() {
        let text = "Le conseil municipal de Rennes a adopté jeudi soir le budget de l’année prochaine, après trois heures de débat. « Nous avons fait des choix difficiles », a reconnu la maire.";
        assert_eq!(fired(text), vec![]);
    }

    #[test]
    fn count_features_are_log_scaled() {
        let features =
            extract_article(&["Yesterday, yesterday et encore yesterday, le ministre est venu."]);
        let value = features[0].values[Feature::AnglicismEnglish as usize];
        assert!((value - 4f64.ln()).abs() < 1e-12, "{value}");
    }

    #[test]
    fn evidence_spans_lie_on_char_boundaries() {
        let text =
            "Selon l'adviseur de Putin, « c'était génial »: l’accord à $5 millions, June 19.";
        for e in &extract_article(&[text])[0].evidence {
            assert!(
                text.is_char_boundary(e.start) && text.is_char_boundary(e.end),
                "{e:?}"
            );
            assert!(e.start < e.end && e.end <= text.len());
        }
    }
}
