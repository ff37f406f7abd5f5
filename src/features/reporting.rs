//! Speech reported in the present tense with the subject after the verb: « … », explique le
//! maire; « … », estime-t-elle. French news reports this way; translation from English
//! renders "said" and "explained" in the past (« … », a déclaré le maire), so each such use
//! counts toward `present_reporting` ([`super::shape`]), and `calque synth` puts it in the
//! past tense in the machine-translated rows it generates.

use crate::lexicon::{ReportingVerb, LEXICONS};
use crate::segment::Token;

/// Words that start the subject of a reporting verb: determiners and possessives. A capital
/// (a name, M., Mme) starts one too.
const SUBJECT_STARTERS: &[&str] = &[
    "ce", "celle", "celui", "ces", "cet", "cette", "l'", "la", "le", "les", "leur", "leurs", "ma",
    "mes", "mon", "nos", "notre", "sa", "ses", "son", "un", "une", "vos", "votre",
];

/// Subject pronouns joined to an inverted verb, after the verb's hyphen (dit-il, estime-t-elle).
const INVERTED_PRONOUNS: &[&str] = &["elle", "elles", "il", "ils", "on", "t-elle", "t-il", "t-on"];

/// One reporting verb in the present tense, with its subject after it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PresentReporting {
    /// Index of the verb's token (with its pronoun when inverted: estime-t-elle).
    pub token: usize,
    /// The verb.
    pub verb: ReportingVerb,
    /// Third person plural (expliquent).
    pub plural: bool,
    /// The subject pronoun of an inverted verb (il, elle), without the t of euphony.
    pub pronoun: Option<&'static str>,
}

impl PresentReporting {
    /// The verb in the past tense, as translation from English writes it: a expliqué,
    /// ont-ils expliqué, a-t-elle souri.
    pub fn in_past(&self) -> String {
        let auxiliary = if self.plural { "ont" } else { "a" };
        match self.pronoun {
            Some(pronoun) if self.plural => {
                format!("{auxiliary}-{pronoun} {}", self.verb.participle)
            }
            Some(pronoun) => format!("{auxiliary}-t-{pronoun} {}", self.verb.participle),
            None => format!("{auxiliary} {}", self.verb.participle),
        }
    }
}

/// Every present-tense reporting verb of a paragraph with its subject after it: an inverted
/// verb (estime-t-elle), or a verb right after a comma or a closing quote and before a
/// determiner or a capital in the same sentence (, explique le maire).
pub fn present_reporting(text: &str, tokens: &[Token]) -> Vec<PresentReporting> {
    let mut found = Vec::new();
    let verbs = &LEXICONS.reporting_verbs;
    let bytes = text.as_bytes();
    for (i, token) in tokens.iter().enumerate() {
        // The cheap tests first: most words have no hyphen and follow no comma or quote.
        let hyphenated = ends_with_a_pronoun(&bytes[token.start..token.end]);
        if !hyphenated && !after_a_break(bytes, token.start) {
            continue;
        }
        let norm = token.norm.as_str();
        let (head, pronoun) = if hyphenated {
            let Some(pronoun) = norm
                .split_once('-')
                .and_then(|(_, tail)| INVERTED_PRONOUNS.iter().find(|&&p| p == tail))
            else {
                continue;
            };
            (
                &norm[..norm.len() - pronoun.len() - 1],
                Some(pronoun.trim_start_matches("t-")),
            )
        } else {
            (norm, None)
        };
        let Some(&(verb, plural)) = verbs.get(head) else {
            continue;
        };
        if pronoun.is_none() && !subject_next(text, tokens, i) {
            continue;
        }
        found.push(PresentReporting {
            token: i,
            verb,
            plural,
            pronoun,
        });
    }
    found
}

/// True when a word ends with a hyphen and a subject pronoun (dit-il, estime-t-elle), read
/// byte by byte, since it is asked of every word.
fn ends_with_a_pronoun(word: &[u8]) -> bool {
    matches!(
        word,
        [.., b'-', b'i', b'l']
            | [.., b'-', b'i', b'l', b's']
            | [.., b'-', b'o', b'n']
            | [.., b'-', b'e', b'l', b'l', b'e']
            | [.., b'-', b'e', b'l', b'l', b'e', b's']
    )
}

/// True when a comma or a closing quote (`,` `»` `"` `”`), then spaces, stand right before
/// byte `start` of the paragraph; read byte by byte, since it is asked of every word.
fn after_a_break(bytes: &[u8], start: usize) -> bool {
    let mut end = start;
    while end > 0 && bytes[end - 1] == b' ' {
        end -= 1;
    }
    match &bytes[..end] {
        [.., b','] | [.., b'"'] => true,
        // » and ” in UTF-8.
        [.., 0xC2, 0xBB] | [.., 0xE2, 0x80, 0x9D] => true,
        _ => false,
    }
}

/// True when the token after `i`, in the same sentence, starts a subject.
fn subject_next(text: &str, tokens: &[Token], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(|next| {
        next.sentence == tokens[i].sentence
            && (next.text(text).starts_with(char::is_uppercase)
                || SUBJECT_STARTERS.contains(&next.norm.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::{sentences, tokens};

    /// Each reporting verb found, as written, and in the past tense.
    fn found(text: &str) -> Vec<(String, String)> {
        let toks = tokens(text, &sentences(text));
        present_reporting(text, &toks)
            .into_iter()
            .map(|r| (toks[r.token].text(text).to_string(), r.in_past()))
            .collect()
    }

    #[test]
    fn present_reporting_with_the_subject_after_the_verb() {
        let cases: [(&str, &[(&str, &str)]); 5] = [
            (
                "« Nous rouvrirons lundi », explique le maire de la commune.",
                &[("explique", "a expliqué")],
            ),
            (
                "« Le chantier avance », estiment les élus, qui restent prudents.",
                &[("estiment", "ont estimé")],
            ),
            (
                "La saison sera longue, prévient Julie Martin, entraîneuse du club.",
                &[("prévient", "a prévenu")],
            ),
            (
                "« C'est une première », sourit-elle, avant de rejoindre la scène.",
                &[("sourit-elle", "a-t-elle souri")],
            ),
            (
                "« Rien n'est joué », estime-t-il. « On verra », répondent-ils.",
                &[
                    ("estime-t-il", "a-t-il estimé"),
                    ("répondent-ils", "ont-ils répondu"),
                ],
            ),
        ];
        for (text, expected) in cases {
            let expected: Vec<(String, String)> = expected
                .iter()
                .map(|&(written, past)| (written.to_string(), past.to_string()))
                .collect();
            assert_eq!(found(text), expected, "{text}");
        }
    }

    #[test]
    fn other_uses_of_the_same_words_do_not_count() {
        for text in [
            // The past tense, as translation from English writes it.
            "« Nous rouvrirons lundi », a expliqué le maire de la commune.",
            // Not after a comma or a quote: the subject comes first.
            "Le maire explique le projet aux habitants réunis dans la salle.",
            // Nouns with the same spelling.
            "Après la note, le juge a tranché, et l'annonce a surpris.",
            // After a comma, but no subject follows.
            "Il hésite, explique longuement, puis se tait.",
        ] {
            assert_eq!(found(text), vec![], "{text}");
        }
    }

    #[test]
    fn every_form_of_the_lexicon_is_a_french_word() {
        for (form, (verb, _)) in &LEXICONS.reporting_verbs {
            for word in [form, &verb.participle] {
                assert!(
                    LEXICONS.words.fr_zipf(word) > 0.0,
                    "{word} ({}) is not in the French word list",
                    verb.present
                );
            }
        }
    }
}
