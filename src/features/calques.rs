//! Calques: phrases translated word for word from English ("à la roue" for at the wheel,
//! "au lieu de cela" for instead), from the `calques` pattern lexicon, and the English order
//! of a speech tag after a quotation ("…", il a dit for "…," he said).

use super::{Analysis, Feature, Recorder};
use crate::lexicon::LEXICONS;

/// Subject pronouns of a speech tag.
const SPEAKERS: &[&str] = &["elle", "elles", "il", "ils"];
/// Forms of avoir in a past speech tag (il a dit).
const AVOIR_TAG: &[&str] = &["a", "avaient", "avait", "ont"];
/// Past participles of verbs of saying.
const SAID: &[&str] = &[
    "affirmé",
    "ajouté",
    "annoncé",
    "assuré",
    "confié",
    "conclu",
    "déclaré",
    "dit",
    "estimé",
    "expliqué",
    "indiqué",
    "insisté",
    "noté",
    "poursuivi",
    "précisé",
    "raconté",
    "répondu",
    "souligné",
];
/// Present-tense verbs of saying (il dit, elle ajoute).
const SAYS: &[&str] = &[
    "affirme", "ajoute", "assure", "conclut", "déclare", "dit", "estime", "explique", "indique",
    "insiste", "note", "poursuit", "précise", "raconte", "répond", "souligne",
];

/// Records every calque pattern found.
pub fn extract(analysis: &Analysis, recorder: &mut Recorder) {
    speech_tags(analysis, recorder);
    let calques = &LEXICONS.calques;
    let tokens = &analysis.tokens;
    for found in calques.matcher.find(analysis.text, tokens) {
        let entry = &calques.entries[found.entry];
        recorder.hit(
            Feature::Calque,
            tokens[found.first].start,
            tokens[found.last].end,
            format!(
                "calque of \"{}\"; French: {}",
                entry.columns[1], entry.columns[2]
            ),
        );
    }
}

/// A speech tag in English order right after a quotation: « … », il a dit (French inverts:
/// a-t-il dit, dit-il).
fn speech_tags(analysis: &Analysis, recorder: &mut Recorder) {
    let tokens = &analysis.tokens;
    for (i, token) in tokens.iter().enumerate() {
        if !SPEAKERS.contains(&token.norm.as_str()) {
            continue;
        }
        let before = analysis.text[..token.start].trim_end();
        let after_quote = before
            .strip_suffix(',')
            .is_some_and(|b| b.trim_end().ends_with(['»', '"', '”']));
        if !after_quote {
            continue;
        }
        let word = |k: usize| tokens.get(i + k).map_or("", |t| t.norm.as_str());
        let last = if AVOIR_TAG.contains(&word(1)) && SAID.contains(&word(2)) {
            i + 2
        } else if SAYS.contains(&word(1)) {
            i + 1
        } else {
            continue;
        };
        recorder.hit(
            Feature::Calque,
            token.start,
            tokens[last].end,
            "calque of \"…,\" he said; French: », a-t-il dit / », dit-il",
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::features::tests::matches_of;

    fn calques(text: &str) -> Vec<String> {
        matches_of(text, "calque")
    }

    #[test]
    fn calques_are_found_with_exact_spans() {
        assert_eq!(
            calques("Sur les images, il est montré à la roue."),
            vec!["montré à la roue"]
        );
        assert_eq!(
            calques("Lors de sa première visite à Pyongyang en 24 ans, il a salué la foule."),
            vec!["première visite à Pyongyang en 24 ans"]
        );
        assert_eq!(
            calques("Soirée précédente, les deux hommes ont dîné."),
            vec!["Soirée précédente"]
        );
        assert_eq!(
            calques("Au lieu de cela, il a choisi de partir."),
            vec!["Au lieu de cela"]
        );
        assert_eq!(
            calques("Les raisons n'étaient pas immédiatement claires."),
            vec!["pas immédiatement claires"]
        );
    }

    #[test]
    fn speech_tags_in_english_order() {
        assert_eq!(
            calques("« Nous resterons », il a dit. \"C'est fini\", elle ajoute."),
            vec!["il a dit", "elle ajoute"]
        );
        let french = "« Nous resterons », a-t-il dit. « C'est fini », dit-elle, et il dit oui.";
        assert!(calques(french).is_empty());
    }

    #[test]
    fn ordinary_french_is_not_a_calque() {
        assert!(calques("La roue de la charrette s'est brisée au lieu-dit des Pins.").is_empty());
    }
}
