//! Gender clashes: a determiner and its noun (une échange, sa plein appui), an adjective and
//! its noun (une décision définitif), plural nouns and adjectives of the other gender (les
//! dernières mois), and a title in the masculine before a woman's name (le sénateur Elizabeth
//! Warren).

use super::{same_sentence, starter, starts_with_vowel, weekday::WEEKDAYS};
use crate::features::{Analysis, Feature, Recorder};
use crate::lexicon::{Gender, LEXICONS};
use crate::segment::Token;
use crate::verb_forms::{er_infinitives, is_french_infinitive};
use crate::word_table::WordInfo;

/// Determiners with a gender.
pub(super) const DETERMINERS: &[(&str, Gender)] = &[
    ("au", Gender::Masculine),
    ("aucun", Gender::Masculine),
    ("aucune", Gender::Feminine),
    ("certaines", Gender::Feminine),
    ("certains", Gender::Masculine),
    ("ce", Gender::Masculine),
    ("cet", Gender::Masculine),
    ("cette", Gender::Feminine),
    ("du", Gender::Masculine),
    ("la", Gender::Feminine),
    ("le", Gender::Masculine),
    ("ma", Gender::Feminine),
    ("nombreuses", Gender::Feminine),
    ("nombreux", Gender::Masculine),
    ("quel", Gender::Masculine),
    ("quelle", Gender::Feminine),
    ("sa", Gender::Feminine),
    ("ta", Gender::Feminine),
    ("un", Gender::Masculine),
    ("une", Gender::Feminine),
];
/// Plural determiners, which show no gender: the noun after them does.
pub(super) const PLURAL_DETERMINERS: &[&str] = &[
    "aux", "ces", "des", "les", "leurs", "mes", "nos", "ses", "tes", "vos",
];
/// Adjectives that come before the noun, with their masculine and feminine singular forms.
const PRENOMINAL_ADJECTIVES: &[(&str, &str)] = &[
    ("ancien", "ancienne"),
    ("beau", "belle"),
    ("bon", "bonne"),
    ("dernier", "dernière"),
    ("faux", "fausse"),
    ("grand", "grande"),
    ("gros", "grosse"),
    ("long", "longue"),
    ("mauvais", "mauvaise"),
    ("nouveau", "nouvelle"),
    ("petit", "petite"),
    ("plein", "pleine"),
    ("premier", "première"),
    ("prochain", "prochaine"),
    ("seul", "seule"),
    ("vieux", "vieille"),
    ("vrai", "vraie"),
];
/// Words of the adjective list that French also puts after a noun as nouns in apposition,
/// where they keep their own gender: "la relation client", "une interface utilisateur", "une
/// panne moteur", "l'équipe vainqueur" (vainqueur has no feminine).
const NOUNS_IN_APPOSITION: &[&str] = &[
    "client",
    "clients",
    "moteur",
    "moteurs",
    "utilisateur",
    "utilisateurs",
    "vainqueur",
    "vainqueurs",
];
/// Nouns the dictionary gives one gender that French also uses in the other, as a homonym:
/// le primeur (the greengrocer), la primeur (the first showing); le chèvre (the cheese), la
/// chèvre (the goat).
const NOUNS_OF_BOTH_GENDERS: &[&str] = &["chèvre", "chèvres", "primeur", "primeurs"];
/// Words of the noun list that running text almost always uses as verbs: "est" (the east)
/// in "cette dernière est partie", "aura" in "ce dernier aura", "montre" in "comme le montre",
/// "vivre" in "mais la vivre".
pub(in crate::features) const VERBS_NOT_NOUNS: &[&str] = &["aura", "est", "montre", "vivre"];
/// Prepositions and verbs that take an infinitive, before "le"/"la" + an -er or -ir
/// infinitive, where "le"/"la" is a pronoun: "pour la lancer", "qui peut la lancer" (lancer
/// is also a masculine noun). Infinitives in -re are left out: too many nouns end so (de la
/// kilomètre is a slip).
const BEFORE_AN_INFINITIVE: &[&str] = &[
    "d'", "de", "devait", "devra", "devrait", "doit", "doivent", "peut", "peuvent", "pour",
    "pourra", "pourrait", "pouvait", "sans", "va", "veut", "vont", "à",
];
/// Nouns after which an adjective may describe someone else: "une fois seul, il…", and the
/// adverb "par la suite" (les chiffres, connus par la suite définitifs).
const NOUNS_BEFORE_A_DETACHED_ADJECTIVE: &[&str] = &["fois", "suite"];
/// Singular determiners with a gender: after one, a feminine plural adjective (-es) cannot
/// describe the noun and agrees with another ("les circonstances restent à ce stade inconnues").
const SINGULAR_DETERMINERS: &[&str] = &[
    "ce", "cet", "cette", "l'", "la", "le", "ma", "mon", "sa", "son", "ta", "ton", "un", "une",
];
/// Words before a determiner after which the adjective may agree with another noun: with two
/// nouns ("un homme et une femme heureux"), or with the noun the phrase completes ("la coupe
/// du monde féminine", "une boîte de la marque noire"). "du" and "au" hold such a "de" or "à".
const OTHER_NOUN_BEFORE: &[&str] = &["à", "d'", "de", "et", "ou"];
/// Prepositions after an adjective that show it heads a complement of its own, and so may
/// describe a noun further back when "des" or "aux" holds a "de" or "à": "les lectrices des
/// magazines âgées de vingt ans".
const ADJECTIVE_COMPLEMENTS: &[&str] = &["d'", "de", "par", "à"];
/// Words after an adjective that make it part of a fixed, invariable pair when no noun follows
/// (a noun is checked from the word list): "une robe noir et blanc", "une offre grand public"
/// (public is also an adjective, so the noun list leaves it out).
const ADJECTIVE_PAIRINGS: &[&str] = &["et", "public"];
/// The first and last words of the masculine compounds "X-à-Y" whose first word is a feminine
/// noun (le bouche-à-oreille, un face-à-face), which people also type without the hyphens.
const A_COMPOUNDS: &[(&str, &str)] = &[
    ("bouche", "oreille"),
    ("face", "face"),
    ("porte", "porte"),
    ("tête", "queue"),
    ("tête", "tête"),
];
/// Feminine nouns of the old compounds in which "grand" does not agree (grand-mère,
/// grand-messe, grand-rue), which people also type without the hyphen.
const GRAND_COMPOUND_NOUNS: &[&str] = &[
    "chose", "croix", "mère", "mères", "messe", "messes", "place", "route", "rue", "salle",
    "tante", "tantes", "voile",
];
/// Words after which le/la is a pronoun, not a determiner (il la voit, ne le dit).
const PRONOUN_CONTEXT: &[&str] = &[
    "elle", "elles", "il", "ils", "je", "j'", "n'", "ne", "nous", "on", "qui", "tu", "vous",
];
/// Cardinal numbers that stand between a plural determiner and a prenominal adjective (les
/// trois premières années).
const CARDINALS: &[&str] = &[
    "cinq", "deux", "dix", "douze", "huit", "neuf", "onze", "quatre", "quinze", "sept", "six",
    "trois", "vingt",
];
/// A determiner of gender `det_gender`, maybe an adjective, then a noun or adjective of the
/// other gender. `le`/`la` before a vowel is left to the elision rule, which reports it once.
pub(super) fn determiner_gender(
    analysis: &Analysis,
    i: usize,
    det_gender: Gender,
    recorder: &mut Recorder,
) {
    let tokens = &analysis.tokens;
    if i > 0 && PRONOUN_CONTEXT.contains(&tokens[i - 1].norm.as_str()) {
        return;
    }
    // "ce dernier", "cette dernière" are pronouns as often as not, and the word after them a
    // verb that the noun list also holds (ce dernier demande un délai).
    let dernier_next = tokens
        .get(i + 1)
        .is_some_and(|next| next.norm.starts_with("derni"));
    if dernier_next && matches!(tokens[i].norm.as_str(), "ce" | "cet" | "cette" | "ces") {
        return;
    }
    if ordinal_before_verb(analysis, i) {
        return;
    }
    let mut j = i + 1;
    while same_sentence(tokens, i, j) {
        // A capitalised word is a name; an accepted English phrase (le machine learning) and a
        // quoted foreign term (le « quantitative easing ») take the gender French gives them,
        // whatever their words' own. Quoted French must still agree (sa « plein appui »).
        if !tokens[j]
            .text(analysis.text)
            .starts_with(char::is_lowercase)
            || analysis.accepted[j]
            || analysis.quoted[j]
        {
            return;
        }
        let word = tokens[j].norm.as_str();
        // La saint Sylvestre, la Saint-Jean: la fête de saint Sylvestre, not a clash.
        if word == "saint" {
            return;
        }
        // "grand" in the old compounds it does not agree in (la grand-messe, une grand-mère),
        // typed without the hyphen: la grand messe de Pâques.
        if word == "grand"
            && tokens
                .get(j + 1)
                .is_some_and(|next| GRAND_COMPOUND_NOUNS.contains(&next.norm.as_str()))
        {
            return;
        }
        // "tout le temps" is an adverb: an adjective after it describes another noun (la piscine
        // est tout le temps pleine).
        if word == "temps" && i > 0 && tokens[i - 1].norm.as_str() == "tout" {
            return;
        }
        // "cour" after a masculine determiner is "cours" typed without its s (au cour de la
        // semaine, le cour de l'action), a slip people make and translation engines do not: in
        // 3 human web paragraphs and no machine-translated one.
        if word == "cour" && j == i + 1 && det_gender == Gender::Masculine {
            return;
        }
        // "quasi" before a noun is the adverb of la quasi-totalité, often typed without its
        // hyphen (la quasi totalité): the noun after it agrees, not "quasi".
        if word == "quasi" {
            j += 1;
            continue;
        }
        let adjective = prenominal_gender(word);
        let noun_gender = analysis.words[j]
            .gender
            .filter(|&gender| {
                !VERBS_NOT_NOUNS.contains(&word)
                    && !pronoun_before_infinitive(tokens, i, j)
                    && (gender == det_gender || !pronoun_before_verb(analysis, i, j))
            })
            .map(|gender| {
                // A woman in a role named in the masculine (une témoin, la chef): the
                // determiner gives her gender, which an adjective after then takes.
                if det_gender == Gender::Feminine && is_role_noun(word) {
                    Gender::Feminine
                } else {
                    gender
                }
            });
        // "le"/"la" before a vowel is an elision slip, counted as such, not a gender clash.
        let elision_slip =
            matches!(tokens[i].norm.as_str(), "la" | "le") && starts_with_vowel(word);
        // Any other adjective with one gender right after the determiner must share it (un
        // brève rencontre), but may be a noun the list lacks, so the search ends there.
        let other_adjective = (adjective.is_none() && noun_gender.is_none() && j == i + 1)
            .then_some(analysis.words[j].adjective_gender)
            .flatten();
        if let Some(gender) = other_adjective {
            // A role word the noun list lacks, known only as an adjective (la vainqueur).
            let woman_in_a_role = det_gender == Gender::Feminine && is_role_noun(word);
            if gender != det_gender
                && !elision_slip
                && !woman_in_a_role
                && !inclusive_form(analysis, i, j)
            {
                recorder.hit(
                    Feature::GenderClash,
                    tokens[i].start,
                    tokens[j].end,
                    "determiner and adjective disagree in gender",
                );
            }
            return;
        }
        let Some(gender) = adjective.or(noun_gender) else {
            return;
        };
        // A weekday after the adjective dates the sentence: the adjective was a noun (il a
        // annoncé la nouvelle mardi, elle a vu la première lundi).
        if j > i + 1 && WEEKDAYS.contains(&word) {
            return;
        }
        if gender != det_gender && NOUNS_OF_BOTH_GENDERS.contains(&word) {
            return;
        }
        if gender != det_gender
            && !elision_slip
            && !english_modifier(analysis, j, det_gender)
            && !inclusive_form(analysis, i, j)
            && !a_compound(tokens, j)
        {
            recorder.hit(
                Feature::GenderClash,
                tokens[i].start,
                tokens[j].end,
                "determiner and noun disagree in gender",
            );
            return;
        }
        if adjective.is_none() {
            adjective_after(analysis, i, j, gender, recorder);
            return;
        }
        if j > i + 1 {
            return;
        }
        j += 1;
    }
}

/// True when the noun at `j` heads a masculine compound typed without its hyphens, whose
/// first word is a feminine noun: le bouche à oreille, le tête à queue.
fn a_compound(tokens: &[Token], j: usize) -> bool {
    tokens.get(j + 1).is_some_and(|t| t.norm == "à")
        && tokens.get(j + 2).is_some_and(|last| {
            A_COMPOUNDS.contains(&(tokens[j].norm.as_str(), last.norm.as_str()))
                && same_sentence(tokens, j, j + 2)
        })
}

/// Adjectives of nationality and party that show no gender and may stand between a title and
/// a name (le sénateur démocrate Bernie Sanders, la ministre belge Sophie Wilmès).
const EPICENE_TITLE_ADJECTIVES: &[&str] = &[
    "belge",
    "britannique",
    "démocrate",
    "écologiste",
    "russe",
    "socialiste",
    "suisse",
];

/// A title in the masculine right before a woman's first name and surname (le sénateur
/// Elizabeth Warren, l'avocat Gloria Allred): English titles show no gender and machine
/// translation gives the masculine. A title French leaves unchanged for a woman (juge,
/// ministre) counts only after a masculine determiner or adjective (le juge Amy Coney
/// Barrett); one with a feminine form counts unless a feminine determiner or adjective shows
/// the writer chose it for her (la procureur Laure Beccuau).
pub(super) fn title_before_woman(
    analysis: &Analysis,
    i: usize,
    feminine: &str,
    recorder: &mut Recorder,
) {
    let tokens = &analysis.tokens;
    if !tokens[i]
        .text(analysis.text)
        .starts_with(char::is_lowercase)
    {
        return;
    }
    // One adjective may follow the title (le juge fédéral, le sénateur démocrate).
    let mut name = i + 1;
    let mut masculine = false;
    loop {
        if !analysis.adjacent(name - 1, name) {
            return;
        }
        if tokens[name].is_capitalized() {
            break;
        }
        let word = tokens[name].norm.as_str();
        match analysis.words[name].adjective_gender {
            Some(Gender::Masculine) => masculine = true,
            Some(Gender::Feminine) => return,
            None if EPICENE_TITLE_ADJECTIVES.contains(&word) => {}
            None => return,
        }
        if name == i + 2 {
            return;
        }
        name += 1;
    }
    let woman = LEXICONS
        .female_first_names
        .contains(tokens[name].text(analysis.text))
        && analysis.adjacent(name, name + 1)
        && tokens[name + 1].is_capitalized();
    if !woman {
        return;
    }
    // Adjectives before the title (le nouveau, la première), then maybe a determiner.
    let mut start = i;
    let mut feminine_before = false;
    while start > 0 && analysis.adjacent(start - 1, start) {
        let before = &tokens[start - 1];
        if before.norm == "l'" {
            start -= 1;
            break;
        }
        let determiner = starter(before).determiner;
        let gender = prenominal_gender(&before.norm).or_else(|| determiner.flatten());
        let Some(gender) = gender else { break };
        match gender {
            Gender::Masculine => masculine = true,
            Gender::Feminine => feminine_before = true,
        }
        start -= 1;
        if determiner.is_some() {
            break;
        }
    }
    let unchanged = feminine == tokens[i].norm.as_str();
    let slip = if unchanged {
        masculine && !feminine_before
    } else {
        !feminine_before
    };
    if slip {
        recorder.hit(
            Feature::GenderClash,
            tokens[start].start,
            tokens[name].end,
            if starts_with_vowel(feminine) {
                format!("a woman's title: l'{feminine}")
            } else {
                format!("a woman's title: la {feminine}")
            },
        );
    }
}

/// True for inclusive writing, which names both genders at once: a pair of determiners (le/la
/// président) or a noun with its feminine ending set apart (un président(e), un élu·e).
fn inclusive_form(analysis: &Analysis, determiner: usize, noun: usize) -> bool {
    let text = analysis.text;
    let (determiner, noun) = (&analysis.tokens[determiner], &analysis.tokens[noun]);
    text[..determiner.start].ends_with('/')
        || text[determiner.end..].starts_with('/')
        || text[noun.end..].starts_with(['(', '·', '/'])
}

/// A plural determiner, which shows no gender, then a plural noun whose gender another
/// word contradicts: an adjective after it ("les compagnies aériens", "des règles actuels")
/// or one of the adjectives that come first ("les prochaines mois", "les plus grandes
/// programmes"). "des" and "aux" right after a noun are taken for "de les" and "à les",
/// whose noun an adjective after may describe instead (la coupe des nations féminine).
pub(super) fn plural_noun(analysis: &Analysis, i: usize, recorder: &mut Recorder) {
    let tokens = &analysis.tokens;
    let determiner = tokens[i].norm.as_str();
    if !same_sentence(tokens, i, i + 1) {
        return;
    }
    let plural_noun_at = |j: usize| {
        if !same_sentence(tokens, i, j) {
            return None;
        }
        let noun = &tokens[j];
        if noun.norm.ends_with(['s', 'x'])
            && noun.text(analysis.text).starts_with(char::is_lowercase)
            && !is_role_noun(&noun.norm)
        {
            analysis.words[j].gender
        } else {
            None
        }
    };
    // "les plus grandes", "les trois premières", "les 10 dernières": the adjective comes after.
    let skipped = &tokens[i + 1];
    let first = if skipped.norm == "plus"
        || skipped.is_number()
        || CARDINALS.contains(&skipped.norm.as_str())
    {
        i + 2
    } else {
        i + 1
    };
    if let Some(adjective) = tokens
        .get(first)
        .and_then(|t| plural_prenominal_gender(&t.norm))
    {
        if plural_noun_at(first + 1).is_some_and(|gender| gender != adjective) {
            recorder.hit(
                Feature::GenderClash,
                tokens[i].start,
                tokens[first + 1].end,
                "adjective and noun disagree in gender",
            );
        }
        return;
    }
    let after_noun = i > 0 && analysis.words[i - 1].gender.is_some();
    if matches!(determiner, "des" | "aux") && after_noun {
        return;
    }
    // A singular or invariable word after a plural noun is a noun in apposition or an
    // adjective of one form (les commandes utilisateur, les lettres inuit).
    let plural_after = tokens
        .get(i + 2)
        .is_some_and(|t| t.norm.ends_with(['s', 'x']));
    if let Some(gender) = plural_noun_at(i + 1).filter(|_| plural_after) {
        adjective_after(analysis, i, i + 1, gender, recorder);
    }
}

/// The gender of a singular form of one of [`PRENOMINAL_ADJECTIVES`] (nouveau, première).
fn prenominal_gender(word: &str) -> Option<Gender> {
    PRENOMINAL_ADJECTIVES
        .iter()
        .find_map(|&(masculine, feminine)| {
            if word == masculine {
                Some(Gender::Masculine)
            } else if word == feminine {
                Some(Gender::Feminine)
            } else {
                None
            }
        })
}

/// The gender of a plural form of one of [`PRENOMINAL_ADJECTIVES`] (prochains, prochaines,
/// nouveaux, vieux).
fn plural_prenominal_gender(word: &str) -> Option<Gender> {
    PRENOMINAL_ADJECTIVES
        .iter()
        .find_map(|&(masculine, feminine)| {
            let masculine_plural = if masculine.ends_with(['s', 'x']) {
                word == masculine
            } else if masculine.ends_with("eau") {
                word.strip_suffix('x') == Some(masculine)
            } else {
                word.strip_suffix('s') == Some(masculine)
            };
            if masculine_plural {
                Some(Gender::Masculine)
            } else if word.strip_suffix('s') == Some(feminine) {
                Some(Gender::Feminine)
            } else {
                None
            }
        })
}

/// True for a role noun of either number (témoin, témoins): its gender is the person's.
fn is_role_noun(word: &str) -> bool {
    let role_nouns = &LEXICONS.role_nouns;
    role_nouns.contains(word)
        || word
            .strip_suffix('s')
            .is_some_and(|w| role_nouns.contains(w))
}

/// Ordinals that stand for a noun named before: le premier, la dernière, le second.
const ORDINALS: &[&str] = &[
    "dernier",
    "dernière",
    "premier",
    "première",
    "second",
    "seconde",
];

/// True when the determiner at `i` and the ordinal after it stand for a noun named before, and
/// the word after them is the present of a French -er verb that the noun list also holds in
/// the other gender: "le premier date de 2011", "la seconde remonte à 2019".
fn ordinal_before_verb(analysis: &Analysis, i: usize) -> bool {
    let tokens = &analysis.tokens;
    matches!(tokens[i].norm.as_str(), "la" | "le")
        && tokens
            .get(i + 1)
            .is_some_and(|ordinal| ORDINALS.contains(&ordinal.norm.as_str()))
        && same_sentence(tokens, i, i + 2)
        && present_of_er_verb(&tokens[i + 2].norm)
}

/// True for a word that is the present of a French -er verb (balance, date, remonte), its
/// stem's spelling changes undone (relève, répète).
fn present_of_er_verb(word: &str) -> bool {
    word.strip_suffix('e').is_some_and(|stem| {
        er_infinitives(stem)
            .iter()
            .any(|infinitive| is_french_infinitive(&LEXICONS.words, infinitive))
    })
}

/// True when "le"/"la" at `i` may be the object of an infinitive at `j`: "pour la lancer".
fn pronoun_before_infinitive(tokens: &[Token], i: usize, j: usize) -> bool {
    j == i + 1
        && i > 0
        && matches!(tokens[i].norm.as_str(), "la" | "le")
        && BEFORE_AN_INFINITIVE.contains(&tokens[i - 1].norm.as_str())
        && (tokens[j].norm.ends_with("er") || tokens[j].norm.ends_with("ir"))
}

/// True when "le"/"la" at `i` may be the object of a verb at `j` that the noun list also holds
/// in the other gender: a subject (a name, a noun), "et" or "comme" before it, and the word
/// after it the present of a French -er verb (Florence Mendez le balance, le public le paye,
/// et le chambre, comme le relève l'agence). After a preposition or a verb it stays a
/// determiner (dans le chambre).
fn pronoun_before_verb(analysis: &Analysis, i: usize, j: usize) -> bool {
    let tokens = &analysis.tokens;
    if j != i + 1 || i == 0 || !same_sentence(tokens, i - 1, i) {
        return false;
    }
    if !matches!(tokens[i].norm.as_str(), "la" | "le") {
        return false;
    }
    let before = &tokens[i - 1];
    // A capital that only opens the sentence (Dans le chambre) is no name.
    let name_before =
        before.is_capitalized() && i >= 2 && tokens[i - 2].sentence == before.sentence;
    let subject_before = name_before
        || matches!(before.norm.as_str(), "et" | "comme")
        || (analysis.words[i - 1].gender.is_some() && before.is_lowercase_word(analysis.text));
    subject_before && present_of_er_verb(&tokens[j].norm)
}

/// True when the word at `j` is an English word modifying the English noun after it, which
/// carries the gender French gives the compound: "le street art", "du fantasy football",
/// "un escape game" (an English head with no French gender, see [`ENGLISH_COMPOUND_MARGIN`]).
/// Such a word (more frequent in English than in French) may be listed with its own French
/// gender, but it is not the head.
fn english_modifier(analysis: &Analysis, j: usize, det_gender: Gender) -> bool {
    let word = &analysis.words[j];
    word.en_zipf > word.fr_zipf
        && same_sentence(&analysis.tokens, j, j + 1)
        && match analysis.words[j + 1].gender {
            Some(gender) => gender == det_gender,
            None => more_english(word) && more_english(&analysis.words[j + 1]),
        }
}

/// How much more frequent in English than in French (in Zipf units) each word of an English
/// compound must be for its head to carry no French gender: escape (1.47) and game (1.44)
/// pass, so "un escape game" is no clash; an (1.17), service and minimum do not, so "une an
/// Read more" and "une service minimum" stay clashes.
const ENGLISH_COMPOUND_MARGIN: f32 = 1.25;

fn more_english(word: &WordInfo) -> bool {
    word.en_zipf - word.fr_zipf >= ENGLISH_COMPOUND_MARGIN
}

/// The adjective right after a noun that agrees with its determiner, when its form shows the
/// other gender: "une décision définitif", "un accord importante". Left alone: an adjective
/// that leads a noun of its own (un câble haute tension, une application grand public) or
/// pairs with another (une robe noir et blanc), and one that may describe someone or
/// something else (une fois seul, un homme et une femme heureux, la coupe du monde féminine).
fn adjective_after(
    analysis: &Analysis,
    determiner: usize,
    noun: usize,
    gender: Gender,
    recorder: &mut Recorder,
) {
    let tokens = &analysis.tokens;
    let next = noun + 1;
    let clash = analysis.adjacent(noun, next)
        && tokens[next]
            .text(analysis.text)
            .starts_with(char::is_lowercase)
        && analysis.words[next]
            .adjective_gender
            .is_some_and(|adjective| adjective != gender)
        && !NOUNS_IN_APPOSITION.contains(&tokens[next].norm.as_str());
    if !clash
        || NOUNS_BEFORE_A_DETACHED_ADJECTIVE.contains(&tokens[noun].norm.as_str())
        || (SINGULAR_DETERMINERS.contains(&tokens[determiner].norm.as_str())
            && tokens[next].norm.ends_with("es"))
        || matches!(tokens[determiner].norm.as_str(), "au" | "du")
        || (matches!(tokens[determiner].norm.as_str(), "aux" | "des")
            && same_sentence(tokens, next, next + 1)
            && ADJECTIVE_COMPLEMENTS.contains(&tokens[next + 1].norm.as_str()))
        || (determiner > 0 && OTHER_NOUN_BEFORE.contains(&tokens[determiner - 1].norm.as_str()))
    {
        return;
    }
    // Haut, moyen, bas de gamme: one invariable adjective (la catégorie moyen de gamme).
    let of_range = tokens.get(next + 1).is_some_and(|t| t.norm == "de")
        && tokens.get(next + 2).is_some_and(|t| t.norm == "gamme");
    let leads = analysis.adjacent(next, next + 1)
        && (ADJECTIVE_PAIRINGS.contains(&tokens[next + 1].norm.as_str())
            || (analysis.words[next + 1].gender.is_some()
                && tokens[next + 1]
                    .text(analysis.text)
                    .starts_with(char::is_lowercase)));
    if !(leads || of_range) {
        recorder.hit(
            Feature::GenderClash,
            tokens[determiner].start,
            tokens[next].end,
            "adjective and noun disagree in gender",
        );
    }
}
