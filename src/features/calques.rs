//! Calques: phrases translated word for word from English ("à la roue" for at the wheel,
//! "au lieu de cela" for instead), from the `calques` pattern lexicon, and the English order
//! of a speech tag after a quotation ("…", il a dit for "…," he said) or closing a sentence
//! (…, la société a déclaré. for "…, the company said."), and a sheriff's deputies taken for
//! members of parliament (des députés beside a shérif).

use super::{Analysis, Feature, Recorder};
use crate::lexicon::{Match, LEXICONS};

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
/// Determiners that open the subject of a closing speech tag (…, la société a déclaré.).
const SUBJECT_DETERMINERS: &[&str] = &[
    "cette", "l'", "la", "le", "les", "leur", "leurs", "sa", "ses", "son", "un", "une",
];
/// Words that make the words between a comma and "a dit" something other than a subject: a
/// relative clause (…, ce qu'il a dit.) or an object pronoun (…, le juge l'a dit.).
const NOT_IN_A_SUBJECT: &[&str] = &[
    "comme", "dont", "en", "l'", "les", "leur", "lui", "m'", "me", "nous", "où", "qu'", "que",
    "qui", "s'", "se", "t'", "te", "vous", "y",
];
/// Most words between the comma and the auxiliary in a closing speech tag (le porte-parole
/// du ministère).
const SUBJECT_WORDS: usize = 5;

/// Present-tense verbs of saying (il dit, elle ajoute).
const SAYS: &[&str] = &[
    "affirme", "ajoute", "assure", "conclut", "déclare", "dit", "estime", "explique", "indique",
    "insiste", "note", "poursuit", "précise", "raconte", "répond", "souligne",
];

/// Records every calque pattern found.
pub fn extract(analysis: &Analysis, recorder: &mut Recorder) {
    speech_tags(analysis, recorder);
    closing_speech_tags(analysis, recorder);
    let calques = &LEXICONS.calques;
    let tokens = &analysis.tokens;
    let found = calques.matcher.find(analysis.text, tokens);
    for found in &found {
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
    sheriffs_deputies(analysis, &found, recorder);
}

/// "Deputies" rendered as députés in a paragraph about a sheriff's office, where French writes
/// adjoints du shérif: the machine took the sheriff's deputies for members of parliament. A
/// député inside a calque pattern already found (les députés du shérif) is not counted again.
fn sheriffs_deputies(analysis: &Analysis, found: &[Match], recorder: &mut Recorder) {
    if !analysis.text.contains("hérif") {
        return;
    }
    let tokens = &analysis.tokens;
    let sheriff = |norm: &str| matches!(norm, "shérif" | "shérifs");
    if !tokens.iter().any(|t| sheriff(&t.norm)) {
        return;
    }
    for (i, token) in tokens.iter().enumerate() {
        let deputy = matches!(
            token.norm.as_str(),
            "député" | "députée" | "députés" | "députées"
        );
        if deputy && !found.iter().any(|m| (m.first..=m.last).contains(&i)) {
            recorder.hit(
                Feature::Calque,
                token.start,
                token.end,
                "calque of \"deputy\" (a sheriff's); French: adjoint du shérif",
            );
        }
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
        if !after_quotation(analysis.text, token.start) {
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

/// True when the text before byte `at` ends with a closing quote and a comma: « … »,
fn after_quotation(text: &str, at: usize) -> bool {
    text[..at]
        .trim_end()
        .strip_suffix(',')
        .is_some_and(|before| before.trim_end().ends_with(['»', '"', '”']))
}

/// A speech tag in English order that closes a sentence after a comma: "…, la société a
/// déclaré." or "…, il a dit." (French: a déclaré la société, a-t-il dit). A pronoun tag
/// after a quotation is [`speech_tags`]'s.
fn closing_speech_tags(analysis: &Analysis, recorder: &mut Recorder) {
    let tokens = &analysis.tokens;
    for (i, token) in tokens.iter().enumerate().skip(2) {
        let ends_sentence = tokens
            .get(i + 1)
            .is_none_or(|next| next.sentence != token.sentence);
        if !ends_sentence
            || !AVOIR_TAG.contains(&tokens[i - 1].norm.as_str())
            || !SAID.contains(&token.norm.as_str())
        {
            continue;
        }
        let rest = analysis.text[token.end..].trim_start();
        if !(rest.is_empty() || rest.starts_with('.')) {
            continue;
        }
        let auxiliary = i - 1;
        let Some(first) = (auxiliary.saturating_sub(SUBJECT_WORDS)..auxiliary)
            .rev()
            .take_while(|&k| tokens[k].sentence == token.sentence)
            .find(|&k| analysis.text[..tokens[k].start].trim_end().ends_with(','))
        else {
            continue;
        };
        let subject = &tokens[first..auxiliary];
        let head = subject[0].norm.as_str();
        let pronoun = SPEAKERS.contains(&head)
            && subject.len() == 1
            && !after_quotation(analysis.text, tokens[first].start);
        let noun_phrase = SUBJECT_DETERMINERS.contains(&head)
            && subject[1..]
                .iter()
                .all(|t| !NOT_IN_A_SUBJECT.contains(&t.norm.as_str()));
        if pronoun || noun_phrase {
            recorder.hit(
                Feature::Calque,
                tokens[first].start,
                token.end,
                "calque of \"…, the company said.\"; French: …, a déclaré la société / a-t-il dit",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::features::tests::matches_of;

    fn calques(text: &str) -> Vec<String> {
        matches_of(text, "calque")
    }

    /// The lines of a test file, without its header comment.
    fn lines(text: &str) -> impl Iterator<Item = &str> {
        text.lines().filter(|line| !line.starts_with('#'))
    }

    #[test]
    fn a_sheriffs_deputies_are_not_members_of_parliament() {
        let text =
            "Le shérif du comté a confirmé l'arrestation. Les députés sont arrivés vers 6 h.";
        assert_eq!(calques(text), vec!["députés"]);
        let pattern = "Deux députés du shérif ont été blessés ; le shérif a parlé aux députés.";
        assert_eq!(calques(pattern), vec!["députés du shérif", "députés"]);
        assert!(calques("Les députés ont voté la loi sur la police municipale.").is_empty());
    }

    #[test]
    fn every_example_fires_a_calque_and_no_near_miss_does() {
        for line in lines(include_str!("../../tests/data/calque_examples.txt")) {
            assert!(!calques(line).is_empty(), "no calque in: {line}");
        }
        for line in lines(include_str!("../../tests/data/calque_near_misses.txt")) {
            assert_eq!(calques(line), Vec::<String>::new(), "calque in: {line}");
        }
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
    fn speech_tags_closing_a_sentence_in_english_order() {
        assert_eq!(
            calques("Les vols reprendront lundi, la société a déclaré. Rien ne change, il a dit."),
            vec!["la société a déclaré", "il a dit"]
        );
        let french = "Les vols reprendront lundi, a déclaré la société. Il l'a répété, ce qu'il \
                      a dit. Comme prévu, il l'a dit. Selon lui, le juge l'a dit.";
        assert!(calques(french).is_empty());
    }

    #[test]
    fn ordinary_french_is_not_a_calque() {
        assert!(calques("La roue de la charrette s'est brisée au lieu-dit des Pins.").is_empty());
    }
}
