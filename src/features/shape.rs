//! Shape: length, how much of the vocabulary French knows (wordfreq's French list), and the turns
//! of phrase each side favours, which calibrate the other signals: a long paragraph has more
//! chances to fire anything, machine translation leaves more words French does not use, it seldom
//! produces notamment or d'ailleurs, which English has no one word for, the pronouns on, en and y,
//! where English writes a passive, "people" or nothing, the near future (va falloir), where
//! English writes "will", or "ce dernier" for someone named before, where it writes "he", and it
//! writes cependant, y compris or "12 pour cent" more often than people do; people typing French
//! also leave accents off capitals (l'Etat, A Paris), which translation engines do not. Conjugated
//! forms of listed verbs count as known ([`crate::verb_forms`]). Speech reported in the present
//! tense, the subject after the verb (« … », explique le maire), leans to French writing too
//! ([`super::reporting`]). The turns only French writing uses and the present reporting leave no
//! evidence span: they lower a score, and evidence says what raised it; each turn machine
//! translation favours leaves one.

use super::anglicisms::dressed_english;
use super::english::ENGLISH_MIN_ZIPF;
use super::grammar::VERBS_NOT_NOUNS;
use super::reporting::present_reporting;
use super::{Analysis, Feature, Recorder};
use crate::lexicon::{as_written, LEXICONS};
use crate::verb_forms::{is_french_infinitive, is_known_verb_form};

/// Zipf frequency under which a French word counts as rare.
const RARE_ZIPF: f32 = 3.0;

/// Records length, words French does not know, and the share of rare words; an unknown word
/// that no lexicon match `claimed` and that dresses an English word as French is recorded as
/// an anglicism too.
pub fn extract(analysis: &Analysis, claimed: &[bool], recorder: &mut Recorder) {
    let text = analysis.text;
    recorder.set(Feature::Words, (analysis.word_count() as f64).ln_1p());
    let mut lowercase = 0usize;
    let mut rare = 0usize;
    for (i, token) in analysis.tokens.iter().enumerate() {
        if !token.is_alphabetic() || token.is_capitalized() || analysis.quoted[i] {
            continue;
        }
        // An account name or a hashtag (@jdupont, #pjlsécurité) is no word.
        if text[..token.start].ends_with(['@', '#']) {
            continue;
        }
        let raw = token.text(text);
        // A word written as its lowercase form has no capital inside it: the common case.
        if token.norm.ends_with('\'') || (raw != token.norm && run_together(raw)) {
            continue;
        }
        lowercase += 1;
        let zipf = analysis.fr_zipf_of_compound(i);
        // Frequent words count toward neither share, so the accepted list is asked only of
        // the others.
        if zipf >= RARE_ZIPF
            || analysis.accepted[i]
            || LEXICONS.accepted.contains(token.norm.as_str())
        {
            continue;
        }
        if zipf == 0.0
            && analysis.words[i].en_zipf < ENGLISH_MIN_ZIPF
            && !is_known_verb_form(&LEXICONS.words, &token.norm)
            && !verb_with_pronouns(&token.norm)
            && !has_foreign_letter(&token.norm)
            && !i
                .checked_sub(1)
                .is_some_and(|before| analysis.name_initial(before))
        {
            if let Some(at) = glued_at(&token.norm) {
                recorder.hit(
                    Feature::LinkSeam,
                    token.start,
                    token.end,
                    format!(
                        "two words run together: {} {}",
                        &token.norm[..at],
                        &token.norm[at..]
                    ),
                );
                rare += 1;
                continue;
            }
            recorder.hit(
                Feature::UnknownWord,
                token.start,
                token.end,
                "no such French word (mangled or half-translated?)",
            );
            if let Some(english) = (!claimed[i])
                .then(|| dressed_english(&token.norm))
                .flatten()
            {
                recorder.hit(
                    Feature::Anglicised,
                    token.start,
                    token.end,
                    format!("English word dressed as French: {english}"),
                );
            }
        }
        rare += 1;
    }
    if lowercase > 0 {
        recorder.set(Feature::RareWordRate, rare as f64 / lowercase as f64);
    }
    let machine_turns = LEXICONS.machine_turns.matcher.find(text, &analysis.tokens);
    for found in &machine_turns {
        let french = LEXICONS.machine_turns.entries[found.entry].columns[1];
        recorder.hit(
            Feature::MachineTurns,
            analysis.tokens[found.first].start,
            analysis.tokens[found.last].end,
            if french == "-" {
                "a turn machine translation favours".to_string()
            } else {
                format!(
                    "a turn machine translation favours (French writers often write {})",
                    as_written(french).replace('|', " or ")
                )
            },
        );
    }
    let percents = digits_pour_cent(analysis);
    for &(start, end) in &percents {
        recorder.hit(
            Feature::MachineTurns,
            start,
            end,
            "a number in digits then \"pour cent\", as translation renders percent (French writes %)",
        );
    }
    // Whether a paragraph holds one, not how many: a long paragraph written by a person holds
    // several as readily as a short machine-translated one holds one.
    if !machine_turns.is_empty() || !percents.is_empty() {
        recorder.set(Feature::MachineTurns, 1.0);
    }
    let turns = LEXICONS
        .native_turns
        .matcher
        .find(text, &analysis.tokens)
        .len()
        + pronoun_on(analysis)
        + pronouns_en_y(analysis)
        + near_future(analysis)
        + the_latter(analysis)
        + unaccented_capitals(analysis);
    if turns > 0 {
        recorder.set(Feature::NativeTurns, (turns as f64).ln_1p());
    }
    // A feature of its own rather than a native turn: translation keeps the present where the
    // English has it ("says", "explains"), so it leans to French writing less than the turns.
    let reporting = present_reporting(text, &analysis.tokens).len();
    if reporting > 0 {
        recorder.set(Feature::PresentReporting, (reporting as f64).ln_1p());
    }
}

/// Spans of a number written in digits followed by "pour cent" (12 pour cent): translation
/// renders "percent" word for word, where French writes 12 % after digits and keeps "pour
/// cent" for a number written out (septante pour cent). In no human paragraph of the eleven
/// pairs of web pages, the newstest2014 or the WMT22 dev rows, against 14, 4 and 4
/// machine-translated ones (models/HISTORY.md, twenty-third session).
fn digits_pour_cent(analysis: &Analysis) -> Vec<(usize, usize)> {
    analysis
        .tokens
        .windows(3)
        .enumerate()
        .filter(|(at, three)| {
            three[0].is_number()
                && three[1].norm == "pour"
                && three[2].norm == "cent"
                && analysis.adjacent(*at, at + 1)
                && analysis.adjacent(at + 1, at + 2)
        })
        .map(|(_, three)| (three[0].start, three[2].end))
        .collect()
}

/// How many times the paragraph uses the pronoun on (on a appris, qu'on le sache): French
/// writers use it where English writes a passive, you, we or people, and translation from
/// English keeps those. An English "on" is told apart by the word after it (on the, on Monday).
fn pronoun_on(analysis: &Analysis) -> usize {
    let text = analysis.text;
    analysis
        .tokens
        .windows(2)
        .filter(|pair| {
            let (on, next) = (&pair[0], &pair[1]);
            on.norm == "on"
                && next.sentence == on.sentence
                && next.text(text).starts_with(char::is_lowercase)
                && !LEXICONS.en_function_words.contains(next.norm.as_str())
        })
        .count()
}

/// What may stand right before the pronoun en: the elided pronouns of s'en, n'en, m'en, t'en
/// and j'en. After any other word en is as likely the preposition (qui en France).
const BEFORE_EN: &[&str] = &["j'", "m'", "n'", "s'", "t'"];

/// What may stand right before the pronoun y: a subject pronoun, ne or an elided pronoun.
const BEFORE_Y: &[&str] = &[
    "elle", "elles", "il", "ils", "j'", "n'", "ne", "nous", "on", "qui", "s'", "vous",
];

/// The forms of avoir that make "il y a" and its tenses, which translate "there is" and so
/// are as common in translation as in French writing.
const THERE_IS: &[&str] = &[
    "a", "ait", "aura", "aurait", "avait", "avoir", "ayant", "eu", "eut", "eût",
];

/// How many times the paragraph uses the pronouns en and y (s'en sortir, n'en reste, on y
/// voit, qui y vivent): English has no word for either, so translation from English seldom
/// writes them. Over the web pages gathered for calque they are in 2.8 % of human paragraphs
/// and 0.5 % of machine-translated ones, in 12 of 207 human newstest2014 rows and none of the
/// machine-translated ones (models/HISTORY.md, nineteenth session).
fn pronouns_en_y(analysis: &Analysis) -> usize {
    let text = analysis.text;
    let tokens = &analysis.tokens;
    (1..tokens.len())
        .filter(|&at| {
            let (before, word) = (&tokens[at - 1], &tokens[at]);
            if before.sentence != word.sentence {
                return false;
            }
            match word.norm.as_str() {
                "en" => before.end == word.start && BEFORE_EN.contains(&before.norm.as_str()),
                "y" => {
                    BEFORE_Y.contains(&before.norm.as_str())
                        && tokens.get(at + 1).is_some_and(|next| {
                            next.sentence == word.sentence
                                && next.text(text).starts_with(char::is_lowercase)
                                && !THERE_IS.contains(&next.norm.as_str())
                        })
                }
                _ => false,
            }
        })
        .count()
}

/// Object pronouns that may stand between aller and its infinitive (va se poursuivre, vont
/// nous coûter, va l'emporter), at most two of them (va s'en sortir).
const BEFORE_INFINITIVE: &[&str] = &[
    "en", "l'", "la", "le", "les", "leur", "lui", "m'", "me", "nous", "s'", "se", "t'", "te",
    "vous", "y",
];

/// How many times the paragraph writes the near future in the third person (va falloir,
/// vont se poursuivre): French news writes it where English writes "will", which translation
/// renders with the simple future. Over the web pages gathered for calque it is in 5.0 % of
/// human paragraphs and 0.6 % of machine-translated ones, in 6.3 % and 1.0 % of the
/// newstest2014 dev rows, 2.8 % and 0.5 % of the WMT22 ones (models/HISTORY.md, twenty-second
/// session).
fn near_future(analysis: &Analysis) -> usize {
    let tokens = &analysis.tokens;
    let in_sentence =
        |at: usize, sentence: usize| tokens.get(at).filter(|t| t.sentence == sentence);
    tokens
        .iter()
        .enumerate()
        .filter(|(at, aller)| {
            if !matches!(aller.norm.as_str(), "va" | "vont") {
                return false;
            }
            let mut next = at + 1;
            while next - at <= 2
                && in_sentence(next, aller.sentence)
                    .is_some_and(|t| BEFORE_INFINITIVE.contains(&t.norm.as_str()))
            {
                next += 1;
            }
            in_sentence(next, aller.sentence).is_some_and(|verb| infinitive(&verb.norm))
        })
        .count()
}

/// How many times the paragraph writes "ce dernier", "cette dernière", "ces derniers" or "ces
/// dernières" for someone or something named before (ce dernier a démenti), not before a noun
/// (ces dernières années): French writers use it not to repeat a name, where English writes
/// "he", "she" or "they" and translation keeps the pronoun. Over the eleven pairs of web pages
/// gathered for calque it is in 0.9 % of human paragraphs and 0.1 % of machine-translated ones,
/// in 4 of 207 human newstest2014 rows and none of the machine-translated ones
/// (models/HISTORY.md, twenty-second session).
fn the_latter(analysis: &Analysis) -> usize {
    let tokens = &analysis.tokens;
    (1..tokens.len())
        .filter(|&at| {
            let (this, latter) = (&tokens[at - 1], &tokens[at]);
            let demonstrative = match latter.norm.as_str() {
                "dernier" => "ce",
                "dernière" => "cette",
                "derniers" | "dernières" => "ces",
                _ => return false,
            };
            this.norm == demonstrative
                && this.sentence == latter.sentence
                && tokens
                    .get(at + 1)
                    .filter(|next| next.sentence == latter.sentence)
                    .is_none_or(|next| {
                        analysis.words[at + 1].gender.is_none()
                            || VERBS_NOT_NOUNS.contains(&next.norm.as_str())
                    })
        })
        .count()
}

/// How many capitals the paragraph types without their accent (l'Etat, les Etats-Unis, Ile,
/// A Paris for À Paris): people typing French on a keyboard often leave them off, translation
/// engines write É, Î and À. Over the eleven pairs of web pages gathered for calque, 4.2 % of
/// human paragraphs hold one and 1.6 % of machine-translated ones; 14 and 2 of 207
/// newstest2014 dev rows, 17 and 4 of 214 WMT22 ones (models/HISTORY.md, twenty-third
/// session).
fn unaccented_capitals(analysis: &Analysis) -> usize {
    let text = analysis.text;
    let tokens = &analysis.tokens;
    (0..tokens.len())
        .filter(|&at| {
            let token = &tokens[at];
            // Most tokens are lowercase, and a capital other than A, E or I needs no accent.
            if !token.is_capitalized() {
                return false;
            }
            match text.as_bytes()[token.start] {
                b'A' => token.end - token.start == 1 && preposition_a(analysis, at),
                b'E' | b'I' => unaccented_word(token.text(text)),
                _ => false,
            }
        })
        .count()
}

/// True for a capital A that opens a sentence or a quotation and runs into a French word:
/// the preposition à typed without its accent, not an initial (A. Dupont), a list mark (A,
/// B) or the English article of an English sentence (A situation in stark contrast), which
/// holds two words or more that English uses far more than French.
fn preposition_a(analysis: &Analysis, at: usize) -> bool {
    let (text, tokens) = (analysis.text, &analysis.tokens);
    let opens = at == 0
        || tokens[at - 1].sentence != tokens[at].sentence
        || text[..tokens[at].start]
            .trim_end()
            .ends_with(['«', '"', '“', '—']);
    let Some(next) = tokens.get(at + 1) else {
        return false;
    };
    let word = &analysis.words[at + 1];
    let sentence = tokens[at].sentence;
    let english_words = || {
        (at + 1..tokens.len())
            .take_while(|&i| tokens[i].sentence == sentence)
            .filter(|&i| {
                let info = &analysis.words[i];
                !tokens[i].is_capitalized() && info.en_zipf >= info.fr_zipf + 1.0
            })
            .count()
    };
    opens
        && next.sentence == sentence
        && text[tokens[at].end..next.start].trim().is_empty()
        && next.text(text).chars().count() > 1
        && (next.is_number() || word.fr_zipf > word.en_zipf)
        && english_words() < 2
}

/// True for a capitalised word in E or I whose first letter lacks the accent that its common
/// French spelling has (Etat, Ecole, Etats-Unis, Ile-de-France), and that English does not
/// write either (Election, Energy).
fn unaccented_word(raw: &str) -> bool {
    let head = raw.split('-').next().unwrap_or_default();
    let accents: &[char] = match head.chars().next() {
        Some('E') => &['é', 'è', 'ê'],
        Some('I') => &['î'],
        _ => return false,
    };
    let rest = &head[1..];
    if rest.chars().count() < 2 || rest.chars().any(|c| !c.is_lowercase()) {
        return false;
    }
    let plain = format!("{}{rest}", head[..1].to_ascii_lowercase());
    let words = &LEXICONS.words;
    if words.en_zipf(&plain) >= UNACCENTED_MAX_ENGLISH_ZIPF {
        return false;
    }
    let plain_zipf = words.fr_zipf(&plain);
    accents.iter().any(|accent| {
        let accented = words.fr_zipf(&format!("{accent}{rest}"));
        accented >= RARE_ZIPF && accented + UNACCENTED_MARGIN >= plain_zipf
    })
}

/// English Zipf frequency from which a capitalised word is read as English (Election,
/// Energy, Eric), not as French typed without its accent.
const UNACCENTED_MAX_ENGLISH_ZIPF: f32 = 3.0;

/// How much more often French may write a word without its first accent than with it, and
/// the word still count as unaccented: wordfreq lowercases the capitals it counts, so the
/// habit itself makes "etat" nearly as frequent as "état".
const UNACCENTED_MARGIN: f32 = 0.2;

/// True for a listed French verb in the infinitive (passer, réussir, être, pouvoir).
fn infinitive(word: &str) -> bool {
    ["er", "ir", "re"]
        .iter()
        .any(|ending| word.ends_with(ending))
        && is_french_infinitive(&LEXICONS.words, word)
}

/// Short grammatical words that a machine-translation pipeline runs into the word before
/// when it drops the space next to a link (politiqueune, tensionil). Words ending in "de",
/// "et" or "ce" are too many to guess a seam from.
const GLUED_WORDS: &[&str] = &[
    "a", "au", "aux", "avec", "dans", "des", "du", "elle", "en", "est", "il", "la", "le", "les",
    "lors", "mais", "par", "pour", "que", "qui", "selon", "sur", "un", "une",
];

/// Where the second word starts when an unknown lowercase word is a frequent French word
/// (Zipf 3 or more, five letters or more) followed by one of [`GLUED_WORDS`]: sciencesa,
/// douloureusesmais. A head in -r before "a" is left alone: that is a future tense (migrera)
/// the word list may lack. So is a word in -esque: an adjective of that suffix (farcesque,
/// chaplinesque), not a plural run into "que".
fn glued_at(word: &str) -> Option<usize> {
    if word.chars().count() < 7 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    GLUED_WORDS.iter().find_map(|glued| {
        let head = word.strip_suffix(glued)?;
        let future = *glued == "a" && head.ends_with('r');
        let adjective = *glued == "que" && head.ends_with("es");
        let known_head = LEXICONS.words.fr_zipf(head) >= RARE_ZIPF;
        (head.chars().count() >= 5 && !future && !adjective && known_head).then_some(head.len())
    })
}

/// Pronouns joined to a verb by a hyphen: attablez-vous, dites-le-moi, allez-y, a-t-il.
const ENCLITICS: &[&str] = &[
    "elle", "elles", "en", "il", "ils", "la", "le", "les", "leur", "lui", "moi", "nous", "on", "t",
    "toi", "vous", "y",
];

/// True for an imperative or an inverted verb with its pronouns (attablez-vous), whose verb
/// is a listed word or a form of a listed verb.
fn verb_with_pronouns(word: &str) -> bool {
    let mut parts = word.split('-');
    let verb = parts.next().unwrap_or_default();
    let mut pronouns = parts.peekable();
    pronouns.peek().is_some()
        && pronouns.all(|part| ENCLITICS.contains(&part))
        && (LEXICONS.words.fr_zipf(verb) > 0.0 || is_known_verb_form(&LEXICONS.words, verb))
}

/// True for a word with a letter French does not use (bún, chả, łódź): a foreign word kept
/// as written, which a translation slip would not produce.
fn has_foreign_letter(word: &str) -> bool {
    word.chars()
        .any(|c| c.is_alphabetic() && !c.is_ascii_alphabetic() && !"àâäçéèêëîïôöùûüÿœæ".contains(c))
}

/// True for two words run together by a scraper ("aussiEn", "faitsLe"): a capital after the
/// first letter, which no French word has.
fn run_together(word: &str) -> bool {
    word.chars().skip(1).any(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use crate::features::{extract_article, Feature};

    /// One feature's value in each paragraph of one article.
    fn values_of(feature: Feature, paragraphs: &[&str]) -> Vec<f64> {
        extract_article(paragraphs)
            .iter()
            .map(|f| f.values[feature as usize])
            .collect()
    }

    /// The unknown_words value of each paragraph of one article.
    fn unknown_words(paragraphs: &[&str]) -> Vec<f64> {
        values_of(Feature::UnknownWord, paragraphs)
    }

    /// The native_turns value of each paragraph of one article.
    fn native_turns(paragraphs: &[&str]) -> Vec<f64> {
        values_of(Feature::NativeTurns, paragraphs)
    }

    #[test]
    fn a_name_after_its_initial_is_no_word() {
        assert_eq!(
            unknown_words(&[
                "Les pluies ont touché Tétouan, M’diq et Oujda mardi.",
                "L'oidité a gagné. D'oidité en oidité, M'oidité.",
            ]),
            vec![0.0, 3f64.ln_1p()]
        );
    }

    #[test]
    fn account_names_and_hashtags_are_no_words() {
        assert_eq!(
            unknown_words(&["Le texte est voté. #pjlsecurite — (@jdupontx) en séance."]),
            vec![0.0]
        );
    }

    #[test]
    fn unknown_words_are_mangled_ones_only() {
        let cases: [(&str, f64); 4] = [
            ("Le conseil a voté le budget de la ville.", 0.0),
            // English words are left to english_vocab.
            (
                "Les pétrochemiques ont déplacé le portico vers la route, dans le secrecy.",
                2f64.ln_1p(),
            ),
            // A verb with its pronouns, a foreign word kept as written, a rarer verb's form.
            (
                "Le midi, attablez-vous devant un bún chả et fractionnons la note, dit-il.",
                0.0,
            ),
            ("Les pétrochemiques-vous ont parlé.", 1f64.ln_1p()),
        ];
        for (text, expected) in cases {
            assert_eq!(unknown_words(&[text]), vec![expected], "{text}");
        }
    }

    #[test]
    fn hyphenated_words_with_an_elision_inside_are_known() {
        let counts = unknown_words(&["La main-d'œuvre et la main-d’œuvre manquent."]);
        assert_eq!(counts, vec![0.0]);
    }

    #[test]
    fn turns_only_french_uses_are_counted_without_evidence() {
        let text = "D’ailleurs, le maire vise notamment les commerces, voire les marchés.";
        let features = extract_article(&[text, "Le maire vise les commerces et les marchés."]);
        assert_eq!(
            features[0].values[Feature::NativeTurns as usize],
            3f64.ln_1p()
        );
        assert!(features[0].evidence.is_empty());
        assert_eq!(features[1].values[Feature::NativeTurns as usize], 0.0);
    }

    #[test]
    fn turns_machine_translation_favours_are_counted_with_evidence() {
        let text =
            "Cependant, le maire vise y compris les marchés, jusqu’à présent épargnés. Il a \
                    déclaré que les ventes ont progressé de 12 pour cent.";
        let features = extract_article(&[
            text,
            "Toutefois, le maire vise aussi les marchés. Septante pour cent des billets étaient \
             vendus, soit 12 % de plus, a-t-il déclaré.",
        ]);
        assert_eq!(features[0].values[Feature::MachineTurns as usize], 1.0);
        let spans: Vec<&str> = features[0]
            .evidence
            .iter()
            .filter(|e| e.feature == "machine_turns")
            .map(|e| &text[e.start..e.end])
            .collect();
        assert_eq!(
            spans,
            [
                "Cependant",
                "y compris",
                "jusqu’à présent",
                "a déclaré que",
                "12 pour cent"
            ]
        );
        assert_eq!(features[1].values[Feature::MachineTurns as usize], 0.0);
    }

    #[test]
    fn the_pronoun_on_counts_as_a_native_turn_but_english_on_does_not() {
        let values = native_turns(&[
            "On a appris hier qu’on ne rouvrirait pas l’usine, si l’on en croit le maire.",
            "The vote on the bill came on Monday, on his way out.",
        ]);
        assert_eq!(values, vec![3f64.ln_1p(), 0.0]);
    }

    #[test]
    fn the_pronouns_en_and_y_count_as_native_turns_but_there_is_and_the_preposition_do_not() {
        let values = native_turns(&[
            "Les élus s’en sont pris au projet. Ceux qui y vivent n'en veulent pas.",
            "Il y a des élus en colère. Il n'y avait personne qui en France le voulait.",
        ]);
        assert_eq!(values, vec![3f64.ln_1p(), 0.0]);
    }

    #[test]
    fn ce_dernier_for_someone_named_before_counts_as_a_native_turn_but_before_a_noun_does_not() {
        let values = native_turns(&[
            "Le maire a reçu le préfet. Ce dernier a promis des renforts, et ces derniers \
             arriveront. Sa fille ? Cette dernière.",
            "Ces dernières années, le club a changé. Ce dernier dossier reste à régler.",
        ]);
        assert_eq!(values, vec![3f64.ln_1p(), 0.0]);
    }

    #[test]
    fn the_near_future_counts_as_a_native_turn_but_aller_alone_does_not() {
        let values = native_turns(&[
            "Le chantier va se poursuivre jusqu’en mars. Les riverains vont devoir patienter, \
             et le maire sortant va l’emporter.",
            "Le ministre va mieux. Les élèves vont à Lyon, et la réforme va bon train.",
        ]);
        assert_eq!(values, vec![3f64.ln_1p(), 0.0]);
    }

    #[test]
    fn capitals_typed_without_their_accent_count_as_native_turns() {
        let values = native_turns(&[
            "L'Etat paiera. A Paris, les Etats-Unis et l'Ile-de-France signent. « A terme, oui. »",
            "L'État paiera. À Paris, les États-Unis signent. Election Day, Energy Star, Eric.",
            "A. Dupont a signé le plan A. A situation in stark contrast to two years ago.",
        ]);
        assert_eq!(values, vec![5f64.ln_1p(), 0.0, 0.0]);
    }

    #[test]
    fn words_run_together_by_a_scraper_are_not_unknown_words() {
        let features = extract_article(&["A lire aussiEn visite à Moscou, le dirigeant a parlé."]);
        assert_eq!(features[0].values[Feature::UnknownWord as usize], 0.0);
    }

    #[test]
    fn words_run_into_a_grammatical_word_are_a_link_seam() {
        let features = extract_article(&[
            "La réforme de la politiqueune fois votée, les sciencesa reculé selon lui.",
        ]);
        let seams: Vec<&str> = features[0]
            .evidence
            .iter()
            .filter(|e| e.feature == "link_seam")
            .map(|e| e.hint.as_str())
            .collect();
        assert_eq!(
            seams,
            vec![
                "two words run together: politique une",
                "two words run together: sciences a"
            ]
        );
        assert_eq!(features[0].values[Feature::UnknownWord as usize], 0.0);
        assert_eq!(super::glued_at("migrera"), None);
        assert_eq!(super::glued_at("pourquoi"), None);
        assert_eq!(super::glued_at("baguettede"), None);
        assert_eq!(super::glued_at("farcesque"), None);
        assert_eq!(super::glued_at("annoncéque"), Some("annoncé".len()));
    }

    #[test]
    fn words_are_counted_without_elided_articles() {
        let features = extract_article(&["L'État et l'armée."]);
        assert_eq!(features[0].words, 3);
    }
}
