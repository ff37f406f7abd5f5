//! Elision and contraction slips: an elided word before a consonant (d'munitions), a missing
//! elision (la invincibilité), the wrong form of a word for the next sound (cet moment, sa
//! équipe), a missing contraction (de les taxes) or place article (de Brésil).

use super::{auxiliary::AVOIR, gender::VERBS_NOT_NOUNS, same_sentence, starts_with_vowel, Starter};
use crate::features::{in_capitals, Analysis, Feature, Recorder};
use crate::lexicon::{Gender, PlaceKind, LEXICONS};
use crate::segment::{Token, ELISIONS};

/// Words that must elide before a vowel.
pub(super) const MUST_ELIDE: &[&str] = &[
    "de", "jusque", "je", "la", "le", "lorsque", "me", "ne", "puisque", "que", "se", "te",
];
/// The words before which lorsque and puisque must elide; before others, both forms are
/// French (lorsque aucune, lorsqu'aucune).
const LORSQUE_ELIDES_BEFORE: &[&str] = &["elle", "elles", "en", "il", "ils", "on", "un", "une"];
/// The words before which jusque must elide (jusqu'à, jusqu'ici).
const JUSQUE_ELIDES_BEFORE: &[&str] = &["alors", "au", "aux", "en", "ici", "où", "à"];
/// Words after "la" that show it is "là" typed without its accent (la aussi, la où): a typing
/// slip of people, not an elision that machine translation missed.
const LA_FOR_LÀ_BEFORE: &[&str] = &["aussi", "encore", "où"];
/// Words after "de un" or "de une" that make "un" the number, which French may leave whole:
/// a range (de un à trois) or a measure (de un kilomètre).
const AFTER_THE_NUMBER_ONE: &[&str] = &[
    "an",
    "centimètre",
    "degré",
    "dollar",
    "euro",
    "gramme",
    "heure",
    "jour",
    "kilo",
    "kilomètre",
    "litre",
    "mètre",
    "millimètre",
    "minute",
    "mois",
    "ou",
    "point",
    "seconde",
    "semaine",
    "siècle",
    "tonne",
    "à",
];
/// Words with another form before a vowel or a consonant (sa/son, ce/cet, nouveau/nouvel), and
/// "si", which elides before "il": with [`MUST_ELIDE`], the only words `elision` looks at
/// beyond an elided one.
pub(super) const ELIDING_FORMS: &[&str] = &[
    "beau", "ce", "cet", "ma", "nouveau", "sa", "si", "ta", "vieux",
];
/// Prepositions that "de et" coordinates: in credits ("de et avec", "de et par") and in
/// journeys ("des vols de et vers Genève", "des trains de et pour Lyon").
const COORDINATED_PREPOSITIONS: &[&str] = &["avec", "depuis", "par", "pour", "vers", "à"];
/// Vowel-initial words that do not trigger elision (le onze, le oui), "énième", which French
/// writes after "la" as often as elided (la énième fois, l'énième), and "ou", which only
/// follows an unelided word in a coordination (le ou les auteurs, plus de ou moins de).
const NO_ELISION_BEFORE: &[&str] = &[
    "énième",
    "oui",
    "off",
    "onze",
    "onzième",
    "ou",
    "ouate",
    "un",
    "une",
    "ululement",
];
/// Function words that a text quotes as words (le « on » de majesté, le « il » impersonnel).
const QUOTED_MENTIONS: &[&str] = &[
    "a", "avec", "elle", "elles", "en", "est", "et", "eux", "il", "ils", "on", "y", "à",
];
/// Of [`NO_ELISION_BEFORE`], the words that keep their vowel only after an article, as the
/// names of a number or of a front page (le un, la une); other words elide before them
/// (qu'une, d'un).
const NUMBER_WORDS: &[&str] = &["un", "une"];
/// Elided pronouns that quoted speech keeps before a consonant (j'suis, t'sais, ils m'disent):
/// the first and second person, which news uses almost only in quotations, and which
/// translation from English does not cut short.
const SPOKEN_ELISIONS: &[&str] = &["j'", "m'", "t'"];
/// Prepositions that contract with le and les (du, des, au, aux).
pub(super) const CONTRACTING: &[&str] = &["de", "à"];
/// Prepositions that never stand right before a place name that takes an article (à
/// Portugal, de Brésil, dans Oregon, en États-Unis).
pub(super) const PLACE_PREPOSITIONS: &[&str] = &["dans", "de", "en", "à"];
/// An elided word before a consonant (d'munitions), a missing elision (la invincibilité), or
/// the wrong form of a determiner or adjective for the next sound (cet moment, ce accord, sa
/// équipe, nouveau album). Missing contractions (de les taxes) are [`contraction`]'s.
pub(super) fn elision(analysis: &Analysis, i: usize, starter: Starter, recorder: &mut Recorder) {
    let tokens = &analysis.tokens;
    let token = &tokens[i];
    if !same_sentence(tokens, i, i + 1) {
        return;
    }
    let next = &tokens[i + 1];
    if detached_elision(analysis, token, next) {
        recorder.hit(
            Feature::FailedElision,
            token.start,
            next.end,
            "an elided word is written against the next: l'État",
        );
        return;
    }
    let next_first = next.norm.chars().next().unwrap_or(' ');
    let elided = token.norm.ends_with('\'') && token.norm.len() <= 3 && token.end == next.start;
    if elided
        && next_first.is_alphabetic()
        && !starts_with_vowel(&next.norm)
        && !matches!(next_first, 'h' | 'y')
        && !SPOKEN_ELISIONS.contains(&token.norm.as_str())
        && !elided_name(analysis, i)
    {
        recorder.hit(
            Feature::FailedElision,
            token.start,
            next.end,
            "elision only before a vowel or mute h",
        );
        return;
    }
    // Only these words can miss an elision or take the wrong form: most tokens stop here.
    let word = token.norm.as_str();
    // A word in capitals is an acronym (48 ME au trimestre), not the pronoun.
    let must_elide = starter.must_elide && !in_capitals(token.text(analysis.text));
    if !(must_elide || starter.eliding_form) {
        return;
    }
    // French elision does not bind the English words of a quotation in another language
    // (« tell me everything »); the French words of a short title still do (« Raison
    // d'état »), which the quotation test, counting d' as no French word, may call foreign.
    if analysis.quoted[i] && analysis.words[i].en_zipf > analysis.words[i].fr_zipf {
        return;
    }
    let lowercase_next = next.text(analysis.text).starts_with(char::is_lowercase);
    let before_vowel = must_elide
        && lowercase_next
        && next.is_alphabetic()
        && starts_with_vowel(&next.norm)
        && elision_reaches(&analysis.text[token.end..next.start])
        && !quoted_mention(analysis, i + 1)
        && elides_before(analysis, i)
        && !(NO_ELISION_BEFORE.contains(&next.norm.as_str())
            && (matches!(word, "la" | "le") || !NUMBER_WORDS.contains(&next.norm.as_str())))
        && !(word == "la" && LA_FOR_LÀ_BEFORE.contains(&next.norm.as_str()))
        && !(word == "de" && the_number_one(analysis, i + 1))
        && !coordinated_prepositions(analysis, i);
    let noun_next = lowercase_next
        && analysis.words[i + 1].gender.is_some()
        && !VERBS_NOT_NOUNS.contains(&next.norm.as_str());
    let vowel_next =
        starts_with_vowel(&next.norm) && !NO_ELISION_BEFORE.contains(&next.norm.as_str());
    let form = match token.norm.as_str() {
        "ma" | "ta" | "sa" if noun_next && vowel_next => Some("mon, ton, son before a vowel"),
        "ce" if noun_next
            && vowel_next
            && analysis.words[i + 1].gender == Some(Gender::Masculine) =>
        {
            Some("cet before a vowel")
        }
        "beau" | "nouveau" | "vieux"
            if noun_next
                && vowel_next
                && analysis.words[i + 1].gender == Some(Gender::Masculine)
                && !next.norm.ends_with(['s', 'x'])
                && !(i > 0 && matches!(tokens[i - 1].norm.as_str(), "de" | "à"))
                && !avoir_beau(tokens, i) =>
        {
            Some("bel, nouvel, vieil before a vowel")
        }
        "cet"
            if lowercase_next
                && next_first.is_alphabetic()
                && !starts_with_vowel(&next.norm)
                && next_first != 'h' =>
        {
            Some("ce before a consonant")
        }
        _ => None,
    };
    if let Some(hint) = form {
        recorder.hit(Feature::FailedElision, token.start, next.end, hint);
        return;
    }
    let si_il = token.norm == "si" && matches!(next.norm.as_str(), "il" | "ils");
    if before_vowel || si_il {
        recorder.hit(
            Feature::FailedElision,
            token.start,
            next.end,
            format!(
                "elide: {}'{}",
                &token.norm[..token.norm.len() - 1],
                next.norm
            ),
        );
    }
}

/// True when the "de" at `i` is coordinated with a preposition by "et": "un spectacle de et
/// avec Zazie", "des poèmes de et par l'auteur", "des vols de et vers Genève".
fn coordinated_prepositions(analysis: &Analysis, i: usize) -> bool {
    let tokens = &analysis.tokens;
    tokens[i].norm == "de"
        && tokens[i + 1].norm == "et"
        && same_sentence(tokens, i + 1, i + 2)
        && COORDINATED_PREPOSITIONS.contains(&tokens[i + 2].norm.as_str())
}

/// True when "beau" at `i` follows a form of avoir: the idiom "avoir beau" (ils ont beau
/// avoir), where "beau" is invariable and no "bel" belongs before the infinitive.
fn avoir_beau(tokens: &[Token], i: usize) -> bool {
    tokens[i].norm == "beau" && i > 0 && same_sentence(tokens, i - 1, i) && {
        let before = tokens[i - 1].norm.as_str();
        AVOIR.contains(&before) || before == "avoir"
    }
}

/// True when the word at `i` is "un" or "une" as the number: before a range or a measure.
fn the_number_one(analysis: &Analysis, i: usize) -> bool {
    NUMBER_WORDS.contains(&analysis.tokens[i].norm.as_str())
        && same_sentence(&analysis.tokens, i, i + 1)
        && AFTER_THE_NUMBER_ONE.contains(&analysis.tokens[i + 1].norm.as_str())
}

/// True for a capital letter and apostrophe joined to a word that make a name, not an
/// elision: before a capital (N'Guessan, N'Djamena, M'Bala), or a name's initial inside a
/// sentence ([`Analysis::name_initial`]).
fn elided_name(analysis: &Analysis, i: usize) -> bool {
    let tokens = &analysis.tokens;
    (tokens[i].is_capitalized() && tokens[i + 1].is_capitalized()) || analysis.name_initial(i)
}

/// "de le", "de les", "à le", "à les" before a noun, which French contracts (du pays, des
/// taxes, au marché, aux élus) and machine translation sometimes leaves apart. Before an
/// infinitive, "le"/"les" is a pronoun (de les aider), so words ending like one are left out;
/// "le" before a vowel is the elision rule's (de le établissement).
pub(super) fn contraction(analysis: &Analysis, i: usize, recorder: &mut Recorder) {
    let tokens = &analysis.tokens;
    if !(analysis.adjacent(i, i + 1) && analysis.adjacent(i + 1, i + 2)) {
        return;
    }
    let (article, noun) = (&tokens[i + 1], &tokens[i + 2]);
    let infinitive_like = ["er", "ir", "re"]
        .iter()
        .any(|ending| noun.norm.ends_with(ending));
    if matches!(article.text(analysis.text), "le" | "les")
        && noun.text(analysis.text).starts_with(char::is_lowercase)
        && analysis.words[i + 2].gender.is_some()
        && !infinitive_like
        && !(article.norm == "le" && starts_with_vowel(&noun.norm))
    {
        recorder.hit(
            Feature::FailedElision,
            tokens[i].start,
            noun.end,
            "contract: du, des, au, aux",
        );
    }
}

/// A preposition right before a place name that takes an article: "de Brésil" for "du
/// Brésil", "dans Oregon" for "dans l'Oregon", "à États-Unis" for "aux États-Unis". "en"
/// is right before a masculine name that starts with a vowel (en Iran). A capitalised word
/// right after makes the place part of a longer name (Texas Instruments, Kansas City).
pub(super) fn place_article(analysis: &Analysis, i: usize, recorder: &mut Recorder) {
    let tokens = &analysis.tokens;
    if !analysis.adjacent(i, i + 1) {
        return;
    }
    let place = tokens[i + 1].text(analysis.text);
    let Some(&kind) = LEXICONS.article_places.get(place) else {
        return;
    };
    let longer_name = analysis.adjacent(i + 1, i + 2)
        && tokens[i + 2]
            .text(analysis.text)
            .starts_with(char::is_uppercase);
    let preposition = tokens[i].norm.as_str();
    let vowel = starts_with_vowel(&tokens[i + 1].norm);
    if longer_name || (preposition == "en" && kind == PlaceKind::Masculine && vowel) {
        return;
    }
    let article = match (kind, preposition == "de", vowel) {
        (PlaceKind::Masculine, true, false) => "du ",
        (PlaceKind::Masculine, true, true) => "de l'",
        (PlaceKind::Masculine, false, false) => "au ",
        (PlaceKind::Masculine, false, true) => "en ",
        (PlaceKind::Plural, true, _) => "des ",
        (PlaceKind::Plural, false, _) => "aux ",
    };
    recorder.hit(
        Feature::FailedElision,
        tokens[i].start,
        tokens[i + 1].end,
        format!("this place takes an article: {article}{place}"),
    );
}

/// True when elision reaches across what stands between two words: spaces, or an opening
/// quote (l'« indépendance »), but not a comma, a parenthesis or a closing quote (que, en
/// 2010 ; le mot « me » et).
fn elision_reaches(gap: &str) -> bool {
    let inner = gap.trim();
    inner.is_empty() || (gap.starts_with(char::is_whitespace) && matches!(inner, "«" | "\"" | "“"))
}

/// True when the word at `j` is one of [`QUOTED_MENTIONS`] standing alone between quotes: a
/// word quoted as a word (le « on »), which French does not elide before, unlike a quoted
/// term (l'« indépendance »).
fn quoted_mention(analysis: &Analysis, j: usize) -> bool {
    let token = &analysis.tokens[j];
    let before = analysis.text[..token.start].trim_end();
    let after = analysis.text[token.end..].trim_start();
    before.ends_with(['«', '"', '“'])
        && after.starts_with(['»', '"', '”'])
        && QUOTED_MENTIONS.contains(&token.norm.as_str())
}

/// Whether the word at `i`, one of [`MUST_ELIDE`], must elide before the vowel-initial word
/// after it. Not before words of the e-commerce kind, which French writes after "de" as often
/// as after "d'"; lorsque, puisque and jusque elide only before a few words.
fn elides_before(analysis: &Analysis, i: usize) -> bool {
    let tokens = &analysis.tokens;
    let next = tokens[i + 1].norm.as_str();
    match tokens[i].norm.as_str() {
        "lorsque" | "puisque" => LORSQUE_ELIDES_BEFORE.contains(&next),
        "jusque" => JUSQUE_ELIDES_BEFORE.contains(&next),
        _ => !next.starts_with("e-"),
    }
}

/// An elided word cut off from the next by spaces on both sides of its apostrophe (l ' État,
/// aujourd ' hui), as a machine-translation pipeline leaves text it split to translate and
/// joined back badly. Human typing slips put one space, not two.
fn detached_elision(analysis: &Analysis, token: &Token, next: &Token) -> bool {
    // " ' " or " ’ ": the length rules out most pairs before the text is read.
    matches!(next.start - token.end, 3 | 5)
        && matches!(&analysis.text[token.end..next.start], " ' " | " ’ ")
        && (ELISIONS.contains(&token.norm.as_str()) || token.norm == "aujourd")
}
