//! Leftover English: function words, -ing forms, words far more frequent in English than in
//! French (wordfreq), whole sentences in English, and page-template text.
//!
//! Quoted English and capitalised words inside a sentence (titles, names) are left alone.
//! Language identification (whatlang, limited to English and French) runs only on sentences
//! that a cheap word-level pre-filter already finds English-looking, so French text pays
//! almost nothing for it.

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

use super::{in_capitals, unaccented, Analysis, Feature, Recorder};
use crate::lexicon::LEXICONS;
use crate::word_table::WordInfo;

/// Zipf frequency a word needs in English to count as an English word.
pub(super) const ENGLISH_MIN_ZIPF: f32 = 3.0;
/// How much more frequent in English than in French (in Zipf units, i.e. log10).
const ENGLISH_MARGIN: f32 = 1.5;
/// Share of English-looking words a sentence needs before language ID is asked.
const SENTENCE_PREFILTER: f64 = 0.3;
/// Fewest words for a sentence to be identified.
const SENTENCE_MIN_WORDS: usize = 4;

static DETECTOR: LazyLock<Detector> =
    LazyLock::new(|| Detector::with_allowlist(vec![Lang::Eng, Lang::Fra]));

/// Why a token looks English, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Englishness {
    FunctionWord,
    Ing,
    Vocabulary,
}

/// Records English leftovers; `claimed` marks tokens the anglicism lexicon already reported.
pub fn extract(analysis: &Analysis, claimed: &[bool], recorder: &mut Recorder) {
    let text = analysis.text;
    let tokens = &analysis.tokens;
    let mut english_by_sentence = vec![0usize; analysis.sentences.len()];
    let mut words_by_sentence = vec![0usize; analysis.sentences.len()];
    for (i, token) in tokens.iter().enumerate() {
        let alphabetic = token.is_alphabetic();
        if (!alphabetic && !token.norm.contains('-')) || analysis.quoted[i] || analysis.accepted[i]
        {
            continue;
        }
        if alphabetic {
            words_by_sentence[token.sentence] += 1;
        }
        let sentence_start = i == 0 || tokens[i - 1].sentence != token.sentence;
        if token.is_capitalized() && !sentence_start {
            continue;
        }
        if claimed[i] {
            english_by_sentence[token.sentence] += 1;
            continue;
        }
        let info = &analysis.words[i];
        let kind = if info.fr_zipf == 0.0 && info.en_zipf == 0.0 {
            // Unknown to both lists: only a hyphenated word may still be English, by its
            // parts; one right after - or -- is a command-line option (--dry-run).
            let option = text[..token.start].ends_with('-');
            (token.norm.contains('-') && !option)
                .then(|| english_compound(&token.norm))
                .flatten()
        } else if alphabetic && info.en_zipf > info.fr_zipf {
            englishness(&token.norm, info)
        } else {
            None
        };
        let Some(kind) = kind else {
            continue;
        };
        // A sentence opened by an acronym before ordinary words (WE pour Wallonie Entreprendre,
        // US Open) starts with a name; a sentence all in capitals is still read.
        let acronym = sentence_start
            && in_capitals(token.text(text))
            && tokens.get(i + 1).is_some_and(|next| {
                next.sentence == token.sentence && !in_capitals(next.text(text))
            });
        let in_name = acronym
            || match kind {
                Englishness::FunctionWord => inside_name(analysis, i),
                Englishness::Ing => sentence_start && opens_name(analysis, i),
                Englishness::Vocabulary => false,
            };
        let french_after_all = kind == Englishness::Vocabulary
            && ((token.is_capitalized()
                && (unaccented_capital(&token.norm) || named_before(analysis, i)))
                || infinitive_with_object(analysis, i)
                || verb_after_clitic(analysis, i));
        if in_name || french_after_all {
            continue;
        }
        english_by_sentence[token.sentence] += 1;
        match kind {
            Englishness::FunctionWord => recorder.hit(
                Feature::EnglishFunctionWord,
                token.start,
                token.end,
                "English function word",
            ),
            Englishness::Ing => recorder.hit(
                Feature::EnglishIng,
                token.start,
                token.end,
                "English -ing form",
            ),
            Englishness::Vocabulary => recorder.hit(
                Feature::EnglishVocab,
                token.start,
                token.end,
                "English word",
            ),
        }
    }
    let mut english_sentences = Vec::new();
    for (index, &(start, end)) in analysis.sentences.iter().enumerate() {
        let words = words_by_sentence[index];
        if words < SENTENCE_MIN_WORDS
            || (english_by_sentence[index] as f64) < SENTENCE_PREFILTER * words as f64
        {
            continue;
        }
        let english = DETECTOR
            .detect(&text[start..end])
            .is_some_and(|info| info.lang() == Lang::Eng);
        if english {
            english_sentences.push((start, end));
            recorder.hit(
                Feature::EnglishSentence,
                start,
                end,
                "sentence in English, left untranslated",
            );
        }
    }
    recorder.fold_into(
        &[
            Feature::AnglicismEnglish,
            Feature::EnglishFunctionWord,
            Feature::EnglishIng,
            Feature::EnglishVocab,
        ],
        &english_sentences,
    );
    let interface = &LEXICONS.interface;
    for found in interface.matcher.find(text, tokens) {
        let entry = &interface.entries[found.entry];
        recorder.hit(
            Feature::InterfaceLeftover,
            tokens[found.first].start,
            tokens[found.last].end,
            format!("English page text; French: {}", entry.columns[1]),
        );
    }
}

/// True when the word at `i` runs into a capitalised word with only spaces between: for an -ing
/// form that opens its sentence, a name (Downing Street, Reading FC). Other English words stay
/// counted there, since machine translation leaves them before names (Crude Brent).
fn opens_name(analysis: &Analysis, i: usize) -> bool {
    analysis.adjacent(i, i + 1) && analysis.tokens[i + 1].is_capitalized()
}

/// True when a function word belongs to an English name that French keeps as is: it comes
/// right before a capitalised word (The Guardian, the West) or sits between capitalised words
/// (Bank of America, Bank of the West).
fn inside_name(analysis: &Analysis, i: usize) -> bool {
    let tokens = &analysis.tokens;
    let capitalised = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.sentence == tokens[i].sentence && t.is_capitalized())
    };
    capitalised(i + 1) || (i > 0 && capitalised(i - 1) && capitalised(i + 2))
}

/// True when a capitalised word opening its sentence stands capitalised inside an earlier
/// sentence of the paragraph, where a capital is a name: the short form of a name given in full
/// before (Republic Airways Holdings … Republic a tenté).
fn named_before(analysis: &Analysis, i: usize) -> bool {
    let tokens = &analysis.tokens;
    let word = tokens[i].text(analysis.text);
    (1..i).any(|j| {
        tokens[j].sentence < tokens[i].sentence
            && tokens[j - 1].sentence == tokens[j].sentence
            && tokens[j].text(analysis.text) == word
    })
}

/// Zipf frequency in French a word needs to be taken for the word a capital without its accent
/// stands for.
const UNACCENTED_CAPITAL_MIN_ZIPF: f32 = 3.0;

/// True when a capitalised word is a common French word once its first letter gets the accent
/// capitals often lose: "Election américaine" is "Élection", not English.
fn unaccented_capital(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    // The accented small letters of Latin-1 whose accent `unaccented` takes off to give it.
    ('à'..='ü')
        .filter(|&accented| accented != first && unaccented(accented) == first)
        .any(|accented| {
            LEXICONS
                .words
                .get(&format!("{accented}{rest}"))
                .is_some_and(|info| info.fr_zipf >= UNACCENTED_CAPITAL_MIN_ZIPF)
        })
}

/// Determiners that show the word before them is a verb with its object.
const OBJECT_DETERMINERS: &[&str] = &[
    "ce", "ces", "cette", "des", "du", "l'", "la", "le", "les", "leur", "leurs", "sa", "ses",
    "son", "un", "une",
];

/// Zipf frequency in French an infinitive needs to be read as French before its object.
const INFINITIVE_MIN_ZIPF: f32 = 2.5;

/// True when the word at `i` is a French infinitive in -er or -ir that English also writes,
/// followed by its object: "longer la Seine", "tester les freins".
fn infinitive_with_object(analysis: &Analysis, i: usize) -> bool {
    let tokens = &analysis.tokens;
    let word = tokens[i].norm.as_str();
    (word.ends_with("er") || word.ends_with("ir"))
        && analysis.words[i].fr_zipf >= INFINITIVE_MIN_ZIPF
        && tokens.get(i + 1).is_some_and(|next| {
            analysis.adjacent(i, i + 1) && OBJECT_DETERMINERS.contains(&next.norm.as_str())
        })
}

/// Words right before a French verb that no English word follows in machine translation's
/// leftovers: the negation and the subject pronouns "il" and "elle" ("on" is also English, as
/// in "les médias on line").
const VERB_CLITICS: &[&str] = &["elle", "il", "n'", "ne"];

/// True when the word at `i` is a French word (in the French list at all) right after one of
/// [`VERB_CLITICS`]: a verb form English also writes, such as the past of pouvoir (elle ne
/// put faire face).
fn verb_after_clitic(analysis: &Analysis, i: usize) -> bool {
    let tokens = &analysis.tokens;
    analysis.words[i].fr_zipf > 0.0
        && i > 0
        && analysis.adjacent(i - 1, i)
        && VERB_CLITICS.contains(&tokens[i - 1].norm.as_str())
}

/// Classifies a lowercase word that is not on the accepted list, given what the word lists
/// say of it.
fn englishness(word: &str, info: &WordInfo) -> Option<Englishness> {
    let lex = &*LEXICONS;
    let (fr, en) = (info.fr_zipf, info.en_zipf);
    // Every kind needs English to use the word more than French does (for the function words,
    // the lexicon test `english_function_words_are_far_more_english_than_french` checks it), so
    // most French words stop here, before any set lookup.
    if en <= fr {
        return None;
    }
    let kind = if lex.en_function_words.contains(word) {
        Englishness::FunctionWord
    } else if word.len() >= 5 && word.ends_with("ing") && fr < 3.0 {
        Englishness::Ing
    } else if word.chars().count() >= 3
        && en >= ENGLISH_MIN_ZIPF
        && en - fr >= ENGLISH_MARGIN
        && !french_plural(word, info)
        // A form the French dictionary gives as an adjective is French (un problème
        // structural, from structurale).
        && info.adjective_gender.is_none()
    {
        Englishness::Vocabulary
    } else {
        return None;
    };
    (!lex.accepted.contains(word)).then_some(kind)
}

/// True when `word`, a plural the French dictionary lists as a noun, has a singular that is
/// not more English than French (des reports d'audience, des breaks): English uses such a
/// plural as a verb as well, which lifts its English frequency, not its Englishness. An
/// English plural that French forms otherwise (journals for journaux) is no French noun.
fn french_plural(word: &str, info: &WordInfo) -> bool {
    info.gender.is_some()
        && word
            .strip_suffix('s')
            .and_then(|singular| LEXICONS.words.get(singular))
            .is_some_and(|found| {
                found.gender.is_some() && found.en_zipf - found.fr_zipf < ENGLISH_MARGIN
            })
}

/// A hyphenated word the word lists lack (wordfreq splits at hyphens) whose every part is
/// more English than French and one part clearly English: "16-year-old", "pay-as-you-go".
/// Parts made of digits are skipped; an unknown or French part, a word of the French
/// dictionary (sit-in, self-service), a compound French news accepts (best-of, fact-checking,
/// in either number), a command-line option (--dry-run) and an event named with its year
/// (la Can-2021, l'Euro-2024) are left alone.
fn english_compound(word: &str) -> Option<Englishness> {
    let lex = &*LEXICONS;
    let singular = word.strip_suffix('s').unwrap_or(word);
    let year = word
        .rsplit_once('-')
        .is_some_and(|(_, last)| last.len() == 4 && last.bytes().all(|b| b.is_ascii_digit()));
    if year
        || lex.accepted.contains(word)
        || lex.accepted.contains(singular)
        || lex.fr_compounds.contains(word)
    {
        return None;
    }
    let mut english = false;
    for part in word.split('-') {
        if part.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let info = lex.words.get(part)?;
        match englishness(part, &info) {
            Some(Englishness::Vocabulary) => english = true,
            Some(_) => {}
            None if info.en_zipf > info.fr_zipf && !lex.accepted.contains(part) => {}
            None => return None,
        }
    }
    english.then_some(Englishness::Vocabulary)
}

#[cfg(test)]
mod tests {
    use crate::features::tests::matches_of as family;

    #[test]
    fn english_sentence_inside_french_text_is_found() {
        let text = "Le site publie chaque jour des dossiers. Head of the technical team for several websites, I have been working in online journalism for ten years.";
        assert_eq!(
            family(text, "english_sentence"),
            vec!["Head of the technical team for several websites, I have been working in online journalism for ten years."]
        );
    }

    #[test]
    fn an_english_sentence_is_counted_once_not_again_by_its_words() {
        use crate::features::Feature;
        let text = "Le site publie chaque jour des dossiers. The meeting lasted for more than three hours and covered energy and trade.";
        let features = crate::features::extract_article(&[text]);
        let shown: Vec<&str> = features[0].evidence.iter().map(|e| e.feature).collect();
        assert_eq!(shown, vec!["english_sentence"]);
        let value = |feature: Feature| features[0].values[feature as usize];
        assert_eq!(value(Feature::EnglishSentence), 2f64.ln());
        assert_eq!(value(Feature::EnglishFunctionWord), 0.0);
        assert_eq!(value(Feature::EnglishVocab), 0.0);
    }

    #[test]
    fn only_the_words_inside_english_sentences_are_folded() {
        let text = "The meeting lasted for more than three hours and covered energy and trade. \
                    Le ministre a salué le partnership signé. \
                    The talks will resume next week in the capital with the same delegations.";
        let features = crate::features::extract_article(&[text]);
        let shown: Vec<(&str, &str)> = features[0]
            .evidence
            .iter()
            .map(|e| (e.feature, &text[e.start..e.end]))
            .collect();
        assert_eq!(
            shown
                .iter()
                .filter(|(f, _)| *f == "english_sentence")
                .count(),
            2,
            "{shown:?}"
        );
        assert!(
            shown.contains(&("anglicism_english", "partnership")),
            "{shown:?}"
        );
        assert!(
            shown
                .iter()
                .all(|(f, _)| matches!(*f, "english_sentence" | "anglicism_english")),
            "{shown:?}"
        );
        let anglicisms = features[0].values[crate::features::Feature::AnglicismEnglish as usize];
        assert_eq!(anglicisms, 2f64.ln(), "partnership alone is counted");
    }

    #[test]
    fn french_sentences_are_not_english() {
        assert!(family(
            "Le gouvernement a présenté mercredi un projet de loi sur l'énergie.",
            "english_sentence"
        )
        .is_empty());
    }

    #[test]
    fn quoted_english_is_left_alone() {
        let text = "« I have a dream », a lancé l'orateur devant une foule immense.";
        assert!(family(text, "english_sentence").is_empty());
        assert!(family(text, "english_function_word").is_empty());
        let text = "Ils ont parlé de « ribs and balls » et de « weird ».";
        assert!(family(text, "english_vocab").is_empty());
    }

    #[test]
    fn english_words_inside_french_speech_count() {
        let text = "« Nous forçons les gens à acheter des paquets de channels », a-t-il dit.";
        assert_eq!(family(text, "english_vocab"), vec!["channels"]);
    }

    #[test]
    fn adjectives_of_the_french_dictionary_are_french() {
        let text = "Un défaut structural de la dalle et une séance close ont retardé les travaux.";
        assert!(family(text, "english_vocab").is_empty());
        assert_eq!(
            family("La dalle était moins sturdy que prévu.", "english_vocab"),
            vec!["sturdy"]
        );
    }

    #[test]
    fn function_words_and_ing_forms() {
        let text = "Le ministre a parlé with les syndicats pendant le briefing et le stonewalling.";
        assert_eq!(family(text, "english_function_word"), vec!["with"]);
        assert_eq!(family(text, "english_ing"), vec!["stonewalling"]);
    }

    #[test]
    fn accepted_phrases_are_accepted_in_the_plural_too() {
        let text = "Les open spaces bruyants et les think tanks ont remplacé le prime time.";
        assert!(family(text, "english_vocab").is_empty());
        // Only the plural of the phrase's own last word: its first word stays English elsewhere.
        let text = "Les think tanks ont publié des think pieces.";
        assert!(family(text, "english_vocab").contains(&"think".to_string()));
        // A retail format, and the placeholder of a hidden address on a scraped page.
        let text = "Il ouvre cinq cash and carry ; écrire à [email protected] pour s'inscrire.";
        assert!(crate::features::tests::fired(text).is_empty());
    }

    #[test]
    fn english_hyphenated_words_count_unless_french_accepts_them() {
        let text = "Le 16-year-old a signé un contrat pre-trial avec la radio-télévision, \
                    un best-of, un sit-in et des fact-checkings pour le covid-19 (--dry-run), \
                    avant la Can-2021.";
        assert_eq!(
            family(text, "english_vocab"),
            vec!["16-year-old", "pre-trial"]
        );
    }

    #[test]
    fn function_words_inside_english_names_are_left_alone() {
        let text = "Selon la Bank of America et The Guardian, le marché reste calme.";
        assert!(family(text, "english_function_word").is_empty());
    }

    #[test]
    fn an_acronym_opening_a_sentence_is_a_name() {
        let text = "WE pour Wallonie Entreprendre regroupe trois sociétés. IT est son service.";
        assert!(family(text, "english_function_word").is_empty());
        let text = "Le ministre a parlé. With les syndicats, il a signé.";
        assert_eq!(family(text, "english_function_word"), vec!["With"]);
    }

    #[test]
    fn the_plural_of_a_french_noun_is_french() {
        let text = "Le tribunal a prononcé des reports d'audience sur les goals et les journals.";
        assert_eq!(family(text, "english_vocab"), vec!["goals", "journals"]);
    }

    #[test]
    fn french_words_that_look_english_are_french() {
        // A capital that lost its accent, and an infinitive with its object.
        let text = "Election partielle : les coureurs vont longer la Seine. Equivalent, dit-il.";
        assert!(family(text, "english_vocab").is_empty());
        let text = "Longer than expected, la réunion a duré. Les élus ont voté longer.";
        assert_eq!(family(text, "english_vocab"), vec!["Longer", "longer"]);
        // A verb form after the negation or a subject pronoun: the past of pouvoir.
        let text = "Elle ne put faire face, et il put enfin rentrer.";
        assert!(family(text, "english_vocab").is_empty());
        let text = "Le ministre a put la réforme en pause.";
        assert_eq!(family(text, "english_vocab"), vec!["put"]);
    }

    #[test]
    fn the_short_form_of_a_name_given_before_is_a_name() {
        let text = "La compagnie appartient au groupe Republic Airlines. Republic réduit ses vols.";
        assert!(family(text, "english_vocab").is_empty());
        // Only after the name: a word that opens a sentence before it is still read.
        let text = "Republic réduit ses vols, annonce le groupe Republic Airlines.";
        assert_eq!(family(text, "english_vocab"), vec!["Republic"]);
    }

    #[test]
    fn an_ing_name_that_opens_a_sentence_is_left_alone() {
        let text = "Downing Street a démenti. Crude Brent a baissé. Trending, la vidéo circule.";
        assert_eq!(family(text, "english_ing"), vec!["Trending"]);
        assert_eq!(family(text, "english_vocab"), vec!["Crude"]);
    }

    #[test]
    fn interface_leftovers_are_found() {
        assert_eq!(
            family(
                "Publié il y a peu. Read more: la suite du dossier",
                "interface_leftover"
            ),
            vec!["Read more"]
        );
        assert_eq!(
            family("Mis en ligne 2 hours ago", "interface_leftover"),
            vec!["hours ago"]
        );
    }
}
