//! Calques: phrases translated word for word from English ("à la roue" for at the wheel,
//! "au lieu de cela" for instead), from the `calques` pattern lexicon.

use super::{Analysis, Feature, Recorder};
use crate::lexicon::LEXICONS;

/// Records every calque pattern found.
pub fn extract(analysis: &Analysis, recorder: &mut Recorder) {
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
    fn ordinary_french_is_not_a_calque() {
        assert!(calques("La roue de la charrette s'est brisée au lieu-dit des Pins.").is_empty());
    }
}
