//! Anglicisms: English words left in the text, English words dressed as French, and French
//! words used in their English sense, from the `anglicisms` lexicon. Words on the `accepted`
//! list (week-end, e-mail, gamer) never count. English words dressed as French are also told
//! by rule, beyond the lexicon: a word French does not know that turns into a frequent English
//! word once its accents are dropped and its ending swapped (prosecuteur, déhydration), which
//! a translation engine coins and a French writer's typo or neologism does not.
//!
//! An English word written with a capital inside a sentence is taken as part of a name or a
//! title (« Blinding Lights », Inflation Reduction Act) and left alone, and so is English
//! quoted inside « » or quotes, which French introduces that way on purpose (a quotation
//! whose words are mostly French is speech, and counts like the rest). An English word
//! spelled as a French word without its accents (decision, elections) is left alone in
//! capitals and in paragraphs typed without any accent, where it is French.

use super::english::ENGLISH_MIN_ZIPF;
use super::{unaccented, Analysis, Feature, Recorder};
use crate::lexicon::LEXICONS;

/// Fewest letters a word needs before it is taken for an English word dressed as French.
const DRESSED_MIN_LETTERS: usize = 6;
/// Fewest letters left of the word once its ending is cut off.
const DRESSED_MIN_STEM: usize = 3;
/// Least French frequency (Zipf) of a word that a stray accent leaves French, not dressed
/// English: about once in a million words.
const MISTYPED_FRENCH_MIN_ZIPF: f32 = 3.0;

/// Records lexicon matches; returns, per token, whether a match claimed it.
pub fn extract(analysis: &Analysis, recorder: &mut Recorder) -> Vec<bool> {
    let lexicon = &LEXICONS.anglicisms;
    let tokens = &analysis.tokens;
    let mut claimed = vec![false; tokens.len()];
    // Asked only when a match is a French word without its accents: most paragraphs have none.
    let mut accentless: Option<bool> = None;
    for found in lexicon.matcher.find(analysis.text, tokens) {
        let entry = &lexicon.entries[found.entry];
        let (term, replacement, kind) = (entry.columns[0], entry.columns[1], entry.columns[2]);
        let first = &tokens[found.first];
        let feature = match kind {
            "english" => Feature::AnglicismEnglish,
            "anglicised" => Feature::Anglicised,
            _ => Feature::FalseFriend,
        };
        if feature == Feature::AnglicismEnglish {
            let sentence_start =
                found.first == 0 || tokens[found.first - 1].sentence != first.sentence;
            let in_name = first.is_capitalized() && !sentence_start;
            let in_quote = (found.first..=found.last).all(|i| analysis.quoted[i]);
            if in_name || in_quote {
                continue;
            }
            let raw = first.text(analysis.text);
            // French often drops the accent of a capital (Elections fédérales, Etat).
            if french_without_accents(term, replacement)
                && ((first.is_capitalized() && french_but_the_first_accent(term, replacement))
                    || !raw.chars().any(char::is_lowercase)
                    || *accentless.get_or_insert_with(|| !has_accents(analysis.text)))
            {
                continue;
            }
        }
        if LEXICONS.accepted.contains(term)
            || (found.first..=found.last).all(|i| analysis.accepted[i])
        {
            continue;
        }
        claimed[found.first..=found.last].fill(true);
        let hint = match kind {
            "english" => format!("English word; French: {replacement}"),
            "anglicised" => format!("anglicism; French: {replacement}"),
            _ => format!("false friend; French: {replacement}"),
        };
        recorder.hit(feature, first.start, tokens[found.last].end, hint);
    }
    claimed
}

/// The English word that `word` (lowercase, unknown to French) dresses as French, if any: with
/// its accents dropped and an ending of the `dressed_endings` lexicon swapped, a word at least
/// as frequent in English as [`ENGLISH_MIN_ZIPF`] that French does not have. A word English
/// itself has, however rare (truncate, overrides), is English left as it was, not dressed; the
/// plural of a French word the list holds only in the singular (démises) is French, unless it
/// is the English plural of an -al word (libérals for libéraux). A French past participle of an
/// English verb (bookées, streamées, packagée) is franglais that French web writing coins too,
/// and is left to `unknown_words`; a noun in -ité (anonymité) is not a participle. French
/// dictionary forms that wordfreq lacks (électricienne) are French: the `dressed_french` list.
/// A word whose accents, dropped, leave a common French word (grâcieux) is French mistyped.
pub(super) fn dressed_english(word: &str) -> Option<String> {
    if LEXICONS.dressed_french.contains(word) {
        return None;
    }
    english_under_the_dress(word)
}

/// [`dressed_english`] without the `dressed_french` list, which
/// `scripts/export_dressed_french.sh` builds from what this returns on dictionary forms.
fn english_under_the_dress(word: &str) -> Option<String> {
    let words = &LEXICONS.words;
    let french_plural = word
        .strip_suffix(['s', 'x'])
        .is_some_and(|singular| !singular.ends_with("al") && words.fr_zipf(singular) > 0.0);
    let participle = ["é", "ée", "és", "ées"].iter().any(|e| word.ends_with(e))
        && !["ité", "ités"].iter().any(|e| word.ends_with(e));
    if word.chars().count() < DRESSED_MIN_LETTERS
        || words.en_zipf(word) > 0.0
        || french_plural
        || participle
    {
        return None;
    }
    let plain: String = word.chars().map(unaccented).collect();
    // A common French word with a stray accent (grâcieux for gracieux) is French mistyped;
    // the web's accentless spellings (secretaires) and English words French pages quote
    // (epidemic) are too rare in French to say so.
    if plain != word {
        let plain_fr = words.fr_zipf(&plain);
        if plain_fr >= MISTYPED_FRENCH_MIN_ZIPF && plain_fr > words.en_zipf(&plain) {
            return None;
        }
    }
    LEXICONS
        .dressed_endings
        .iter()
        .find_map(|(french, endings)| {
            let stem = plain.strip_suffix(french)?;
            if stem.chars().count() < DRESSED_MIN_STEM {
                return None;
            }
            endings
                .iter()
                .map(|english| format!("{stem}{english}"))
                .find(|candidate| {
                    words.en_zipf(candidate) >= ENGLISH_MIN_ZIPF && words.fr_zipf(candidate) == 0.0
                })
        })
}

/// True when `term` is one of its French replacements without the accents (decision for
/// décision, federal for fédéral).
fn french_without_accents(term: &str, replacement: &str) -> bool {
    replacement
        .split(" / ")
        .any(|french| french != term && french.chars().map(unaccented).eq(term.chars()))
}

/// True when `term` is one of its French replacements but for the accent of its first letter
/// (elections for élections).
fn french_but_the_first_accent(term: &str, replacement: &str) -> bool {
    replacement.split(" / ").any(|french| {
        let mut chars = french.chars();
        chars
            .next()
            .is_some_and(|first| first != unaccented(first) && term.starts_with(unaccented(first)))
            && chars.as_str() == &term[1..]
    })
}

/// True when the text has an accented French letter, as nearly any French paragraph typed
/// with its accents does.
fn has_accents(text: &str) -> bool {
    text.chars()
        .flat_map(char::to_lowercase)
        .any(|c| unaccented(c) != c)
}

#[cfg(test)]
mod tests {
    use crate::features::tests::fired;

    fn anglicisms(text: &str) -> Vec<(&'static str, String)> {
        fired(text)
            .into_iter()
            .filter(|(f, _)| {
                matches!(
                    *f,
                    "anglicism_english" | "anglicism_anglicised" | "false_friend"
                )
            })
            .collect()
    }

    #[test]
    fn english_words_are_caught_with_exact_spans() {
        assert_eq!(
            anglicisms("Yesterday, le ministre a signé une nouvelle partnership."),
            vec![
                ("anglicism_english", "Yesterday".to_string()),
                ("anglicism_english", "partnership".to_string())
            ]
        );
        assert_eq!(
            anglicisms("L'agence a publié le statement de deux journalistes."),
            vec![("anglicism_english", "statement".to_string())]
        );
    }

    #[test]
    fn anglicised_words_are_caught() {
        assert_eq!(
            anglicisms("Selon l'adviseur du président, rien n'est décidé."),
            vec![("anglicism_anglicised", "adviseur".to_string())]
        );
    }

    #[test]
    fn english_words_dressed_as_french_are_caught_beyond_the_lexicon() {
        let text =
            "Le prosecuteur a parlé de l'anonymité des victimes atheïstes chez les libérals.";
        assert_eq!(
            anglicisms(text),
            ["prosecuteur", "anonymité", "atheïstes", "libérals"]
                .map(|w| ("anglicism_anglicised", w.to_string()))
        );
        assert_eq!(
            crate::features::tests::fired(text)
                .into_iter()
                .filter(|(f, _)| *f == "unknown_words")
                .count(),
            4,
            "a dressed word stays an unknown word too"
        );
    }

    #[test]
    fn typos_neologisms_and_english_words_are_not_dressed_english() {
        for text in [
            // Typos and neologisms turn into no English word.
            "La dispartion du teritoire et la flamandisation de la commune inquiètent.",
            // English words left as they were are English, not dressed.
            "Il faut truncate le fichier et les overrides du système.",
            // Short words are left alone, and so is the plural of a listed singular.
            "Le décal est visible.",
            "Les deux ministres démis et leurs adjointes démises ont quitté la salle.",
            // Franglais participles, which French web writing coins as well.
            "Les vidéos streamées ont été bookées et packagées par l'agence.",
            "Chaque soir, elle streame ses parties, et tu streames les tiennes.",
            // A common French word with a stray accent is French mistyped.
            "Il a déposé un recours grâcieux auprès de la mairie.",
        ] {
            assert!(anglicisms(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn dressed_endings_are_written_the_way_words_are_compared() {
        let plain = |s: &str| s == "-" || s.chars().all(|c| c.is_ascii_lowercase());
        for (french, english) in &crate::lexicon::LEXICONS.dressed_endings {
            let written = if french.is_empty() { "-" } else { french };
            assert!(
                plain(written),
                "French ending {written:?} must be unaccented"
            );
            assert!(!english.is_empty(), "{written:?} has no English ending");
            assert!(
                english.iter().all(|e| e.is_empty() || plain(e)),
                "{written:?}: {english:?}"
            );
        }
    }

    #[test]
    fn dressed_french_lists_only_words_the_rule_would_take_for_english() {
        for word in &crate::lexicon::LEXICONS.dressed_french {
            assert!(
                super::english_under_the_dress(word).is_some(),
                "{word}: regenerate with scripts/export_dressed_french.sh"
            );
        }
        assert!(anglicisms("Une électricienne a été blessée sur le chantier.").is_empty());
    }

    #[test]
    fn a_lexicon_anglicism_counts_once() {
        assert_eq!(
            anglicisms("Le nouvel adviseur du ministre est arrivé."),
            vec![("anglicism_anglicised", "adviseur".to_string())]
        );
    }

    #[test]
    fn accepted_anglicisms_are_not_flagged() {
        assert!(anglicisms("Les gamers ont reçu un email pendant le week-end.").is_empty());
    }

    #[test]
    fn the_words_of_accepted_phrases_are_not_flagged_one_by_one() {
        let text = "Les vols low cost et le prime time attirent les hedge funds du Super Bowl, \
                    the place to be.";
        assert!(crate::features::tests::fired(text).is_empty());
        assert_eq!(
            anglicisms("Le cost de ce vol low cost a doublé."),
            vec![("anglicism_english", "cost".to_string())]
        );
    }

    #[test]
    fn french_words_without_accents_are_french_in_capitals_and_accentless_text() {
        assert!(anglicisms("ELECTIONS MUNICIPALES : LE MAIRE SORTANT EN TETE").is_empty());
        assert!(
            anglicisms("La campagne des elections municipales a commence hier au village.")
                .is_empty()
        );
        assert_eq!(
            anglicisms("Le maire a présenté la decision hier soir devant le conseil."),
            vec![("anglicism_english", "decision".to_string())]
        );
        assert_eq!(
            anglicisms("YESTERDAY, le ministre a signé."),
            vec![("anglicism_english", "YESTERDAY".to_string())]
        );
        // A capital that lost its accent, in a text typed with accents elsewhere.
        assert!(
            anglicisms("Elections régionales : les résultats détaillés du scrutin.").is_empty()
        );
        assert_eq!(
            anglicisms("Les elections régionales ont été reportées."),
            vec![("anglicism_english", "elections".to_string())]
        );
    }

    #[test]
    fn titles_and_quoted_english_are_left_alone() {
        assert!(anglicisms("Le film « Yesterday » sort ce mercredi en salles.").is_empty());
    }
}
