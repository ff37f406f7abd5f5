//! Paragraphs written in a language other than French or English, which calque cannot judge:
//! its features read French text and the English left in it, and a paragraph of German or
//! Spanish fires none of them, so it would pass as clean French. Such a paragraph is left
//! unjudged, and an article with nothing else is blocked as having nothing to judge, rather
//! than passed.
//!
//! Language identification (whatlang, every language it knows) costs about half a million
//! instructions a paragraph, so it runs only where it can find something: on paragraphs where
//! many lowercase words are rare in French, no English sentence was found, and at most one
//! word is a French grammatical word that other languages do not share.

use std::sync::LazyLock;

use whatlang::{Detector, Lang};

/// Share of a paragraph's lowercase words rare in French (the `rare_word_rate` feature) from
/// which its language is identified. German reaches it with few words (am, den, um are
/// common in French text as abbreviations and names); of 9,052 French paragraphs (the dev set,
/// the seeds, the corpus and the web pages gathered for calque), 33 do.
pub const RARE_SHARE_TO_IDENTIFY: f64 = 0.2;

/// Grammatical words of French that Spanish, Italian, Portuguese and Dutch do not write (le
/// and il are Italian, la, de, en and que Spanish), nor German but du (you).
const FRENCH_WORDS: &[&str] = &[
    "au", "aux", "avec", "cette", "dans", "du", "elle", "est", "et", "les", "leur", "ont", "pour",
    "sont", "sur", "une",
];

/// How many of the French words of [`FRENCH_WORDS`] a paragraph holds, up to `enough`.
fn french_words(text: &str, enough: usize) -> usize {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|word| {
            word.len() <= 5
                && FRENCH_WORDS
                    .iter()
                    .any(|french| french.eq_ignore_ascii_case(word))
        })
        .take(enough)
        .count()
}

static DETECTOR: LazyLock<Detector> = LazyLock::new(Detector::new);

/// The ISO 639-3 code of the paragraph's language when whatlang is confident it is neither
/// French nor English; `None` otherwise, and at once for a paragraph with two French
/// grammatical words.
pub fn other_language(text: &str) -> Option<&'static str> {
    if french_words(text, 2) >= 2 {
        return None;
    }
    let info = DETECTOR.detect(text)?;
    let other = info.is_reliable() && !matches!(info.lang(), Lang::Fra | Lang::Eng);
    other.then(|| info.lang().code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_spanish_and_italian_are_other_languages_but_french_and_english_are_not() {
        let cases = [
            (
                "Der Präsident traf am Montag seine Berater, um den Haushalt zu besprechen, \
                 und das Treffen dauerte drei Stunden.",
                Some("deu"),
            ),
            (
                "El presidente se reunió el lunes con sus asesores para hablar del presupuesto \
                 y la reunión duró tres horas.",
                Some("spa"),
            ),
            (
                "Il presidente ha incontrato lunedì i suoi consiglieri per discutere del \
                 bilancio e la riunione è durata tre ore.",
                Some("ita"),
            ),
            (
                "Le président a reçu lundi ses conseillers pour parler du budget, et la réunion \
                 a duré trois heures.",
                None,
            ),
            (
                "The president met his advisers on Monday to discuss the budget, and the \
                 meeting lasted three hours.",
                None,
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(other_language(text), expected, "{text}");
        }
    }
}
