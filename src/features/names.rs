//! Names: English spellings of people, places and organisations that French spells otherwise
//! (Putin/Poutine, Beijing/Pékin, NATO/OTAN), Slavic names transliterated the English way
//! when they are not in the table (Ushakov/Ouchakov), and articles that mix both spellings of
//! one name, as stitched-together machine translation does; and the party tag American
//! English puts after a politician's name (R-Fla.).

use std::collections::HashSet;

use super::typography::TITLE_GRAMMATICAL_WORDS;
use super::{in_capitals, unaccented, Analysis, ArticleContext, Feature, Recorder};
use crate::lexicon::{Position, LEXICONS};

/// Surname endings that mark a word as Slavic, so transliteration rules apply to it.
const SLAVIC_ENDINGS: &[&str] = &[
    "enko", "eva", "evich", "evna", "chuk", "ev", "ova", "ovich", "ovna", "ov", "skaya", "skiy",
    "ych", "yuk",
];

/// Adds the French name forms of one paragraph of the article to `present`.
pub fn add_french_forms(analysis: &Analysis, present: &mut HashSet<&'static str>) {
    present.extend(
        LEXICONS
            .french_names
            .find(analysis.text, &analysis.tokens)
            .into_iter()
            .map(|m| LEXICONS.names.entries[m.entry].columns[1]),
    );
}

/// True when the article has `french`, alone or inside a longer French form ("Poutine" in
/// "Vladimir Poutine").
fn french_form_in_article(context: &ArticleContext, french: &str) -> bool {
    let needle = format!(" {french} ");
    context
        .french_names_present
        .iter()
        .any(|present| *present == french || format!(" {present} ").contains(&needle))
}

/// Records English name spellings, English transliterations and mixed spellings.
pub fn extract(analysis: &Analysis, context: &ArticleContext, recorder: &mut Recorder) {
    party_tags(analysis.text, recorder);
    let names = &LEXICONS.names;
    let text = analysis.text;
    let tokens = &analysis.tokens;
    // Whether the paragraph is in capitals is asked only of an all-capitals match (NATO), and
    // answered once: most paragraphs have none.
    let mut shouting: Option<bool> = None;
    let mut covered = vec![false; tokens.len()];
    let mut after_first_name = vec![false; tokens.len() + 1];
    for found in names.matcher.find(text, tokens) {
        let entry = &names.entries[found.entry];
        let (english, french) = (entry.columns[0], entry.columns[1]);
        if english.chars().all(|c| !c.is_lowercase())
            && (*shouting.get_or_insert_with(|| mostly_uppercase(text))
                || beside_french_capitals(analysis, found.first, found.last))
        {
            continue;
        }
        let inside = match entry.columns[2] {
            "place" => inside_longer_name(analysis, found.first, found.last),
            "org" => ends_longer_name(analysis, found.first),
            _ => false,
        };
        // The original name in brackets after the French one: "le Centre national des
        // ouragans (National Hurricane Center, NHC)". An English acronym there, "l'Organisation
        // mondiale de la santé (WHO)", is still machine translation's: French gives its own.
        let (before, after) = (
            text[..tokens[found.first].start].trim_end(),
            text[tokens[found.last].end..].trim_start(),
        );
        let gloss = before.ends_with('(') && english.chars().any(char::is_lowercase);
        // A name that is all a pair of guillemets holds is a title (le réalisateur de
        // « Timbuktu »), which keeps its own spelling.
        let title = before.ends_with('«') && after.starts_with('»');
        if inside || gloss || title {
            continue;
        }
        covered[found.first..=found.last].fill(true);
        after_first_name[found.last + 1] = entry.columns[2] == "person";
        let (start, end) = (tokens[found.first].start, tokens[found.last].end);
        let feature = if same_letters(english, french) {
            Feature::NameVariant
        } else {
            Feature::EnglishName
        };
        recorder.hit(feature, start, end, format!("French spelling: {french}"));
        if feature == Feature::EnglishName && french_form_in_article(context, french) {
            recorder.hit(
                Feature::NameConflict,
                start,
                end,
                format!("the article also writes {french}"),
            );
        }
    }
    for (i, token) in tokens.iter().enumerate() {
        if covered[i] || !token.is_capitalized() || !token.is_alphabetic() {
            continue;
        }
        let slavic = SLAVIC_ENDINGS.iter().any(|e| token.norm.ends_with(e));
        // A capital inside the word makes it a brand (YouGov), not a surname.
        let inner_capital = || token.text(text).chars().skip(1).any(char::is_uppercase);
        if !(slavic || after_first_name[i]) || token.norm.chars().count() < 4 || inner_capital() {
            continue;
        }
        if let Some(french) = transliterate(token.text(text)) {
            recorder.hit(
                Feature::EnglishTransliteration,
                token.start,
                token.end,
                format!("French transliteration: {french}"),
            );
        }
    }
}

/// The party and state that American English puts after a politician's name, (R-Fla.),
/// (D-NY), or between commas (Mitch McConnell, R-Ky., said), where French writes "le
/// républicain de Floride": machine translation leaves them, sometimes with the state
/// translated (R-Californie) or the tag spelled out in capitals (Républicain de Floride).
fn party_tags(text: &str, recorder: &mut Recorder) {
    const HINT: &str = "French: le républicain (la démocrate) de Floride";
    let bytes = text.as_bytes();
    for open in memchr::memchr_iter(b'(', bytes) {
        let inside = &text[open + 1..];
        let spelled_out = ["Républicain de ", "Républicaine de ", "Démocrate de "]
            .iter()
            .any(|party| inside.starts_with(party));
        let end = if spelled_out {
            // The tag's state is a few words at most: looking no further keeps a text of many
            // unclosed brackets linear.
            memchr::memchr(
                b')',
                &inside.as_bytes()[..inside.len().min(LONGEST_SPELLED_TAG)],
            )
        } else {
            party_and_state(inside)
                .map(|(end, _)| end)
                .filter(|&end| inside[end..].starts_with(')'))
        };
        if let Some(end) = end {
            recorder.hit(Feature::EnglishName, open, open + 1 + end + 1, HINT);
        }
    }
    for comma in memchr::memchr_iter(b',', bytes) {
        let Some(tag) = text[comma + 1..].strip_prefix(' ') else {
            continue;
        };
        let Some((end, state)) = party_and_state(tag) else {
            continue;
        };
        let after_name = text[..comma].ends_with(|c: char| c.is_alphabetic());
        let closed = tag[end..].is_empty() || tag[end..].starts_with([',', ';']);
        // Between commas only the AP abbreviation (Ky., N.Y.) or the postal code (NY) makes a
        // tag: a car's trim (Golf, R-Line) would pass for one otherwise.
        let abbreviated = state.ends_with('.') || (state.len() == 2 && in_capitals(state));
        if after_name && closed && abbreviated {
            let start = comma + 2;
            recorder.hit(Feature::EnglishName, start, start + end, HINT);
        }
    }
}

/// Bytes after its opening bracket that the longest spelled-out party tag takes: (Républicain
/// de Caroline du Nord).
const LONGEST_SPELLED_TAG: usize = 48;

/// The length and the state of an American party tag at the start of `text` (R-Fla., D-NY,
/// I-Vt., Rép-Calif., R-Californie), or `None`: a party letter, a hyphen or dash, and a state
/// of two to fourteen letters, with its points, that starts with a capital.
fn party_and_state(text: &str) -> Option<(usize, &str)> {
    let party = ["R", "D", "I", "Rép", "Dém"]
        .into_iter()
        .find(|party| text.starts_with(party))?;
    let rest = text[party.len()..].strip_prefix(['-', '–'])?;
    let state_len = rest
        .find(|c: char| !(c.is_alphabetic() || c == '.'))
        .unwrap_or(rest.len());
    let state = &rest[..state_len];
    let letters = state.chars().filter(|c| c.is_alphabetic()).count();
    let is_state = state.starts_with(|c: char| c.is_uppercase())
        && (2..=14).contains(&letters)
        && state != "Day";
    is_state.then(|| (text.len() - rest.len() + state_len, state))
}

/// True when two spellings differ only by accents, hyphens and case (Hanoi/Hanoï, Kim Jong
/// Un/Kim Jong-un): a weaker sign than a different name (Putin/Poutine), since people typing
/// fast also drop accents and hyphens.
pub fn same_letters(a: &str, b: &str) -> bool {
    fn fold(s: &str) -> String {
        s.chars()
            .map(|c| if c == '-' { ' ' } else { unaccented(c) })
            .flat_map(char::to_lowercase)
            .collect()
    }
    fold(a) == fold(b)
}

/// True when a place name is part of a longer foreign name French keeps as is: followed by a
/// capitalised word (London Stock Exchange, but not "Pennsylvania, Virginia"), at the end of one
/// ([`ends_longer_name`]), or told apart from a namesake by its region ([`namesake`]).
fn inside_longer_name(analysis: &Analysis, first: usize, last: usize) -> bool {
    let tokens = &analysis.tokens;
    let next_capitalised = tokens.get(last + 1).is_some_and(|t| {
        t.sentence == tokens[first].sentence
            && t.is_capitalized()
            && &analysis.text[tokens[last].end..t.start] == " "
    });
    next_capitalised || ends_longer_name(analysis, first) || namesake(analysis, last)
}

/// True when a name ends a longer foreign name French keeps as is: after "of" (University of
/// California, Library of Congress) or the Corsican and Italian "a" and "di" (the party Pè a
/// Corsica, whose place the English spelling shares), after "made in" (a label French borrows
/// whole: spécificité made in Belgium), or right after a capitalised word inside
/// the sentence (Statistics Austria, Mobile World Congress). Before a capitalised word an
/// organisation's acronym still counts (WHO Director-General, NATO Secretary General): machine
/// translation leaves those.
fn ends_longer_name(analysis: &Analysis, first: usize) -> bool {
    let tokens = &analysis.tokens;
    let same_sentence = |k: usize| tokens[k].sentence == tokens[first].sentence;
    let after_of = first > 0
        && same_sentence(first - 1)
        && matches!(tokens[first - 1].norm.as_str(), "of" | "a" | "di");
    let made_in = first > 1
        && same_sentence(first - 2)
        && tokens[first - 1].norm == "in"
        && tokens[first - 2].norm == "made";
    let after_capitalised = first > 1
        && same_sentence(first - 2)
        && tokens[first - 1].is_capitalized()
        && !TITLE_GRAMMATICAL_WORDS.contains(&tokens[first - 1].norm.as_str())
        && &analysis.text[tokens[first - 1].end..tokens[first].start] == " ";
    after_of || made_in || after_capitalised
}

/// True when a place is told apart from a namesake by its region: "London, en Ontario",
/// "Athens, dans l'Ohio", "Moscow (Idaho)". French keeps the local spelling of such towns, which
/// lie in the English-speaking regions of [`LEXICONS`]`.namesake_regions`; any other region
/// leaves the English spelling of the foreign city a slip (Jenin, en Cisjordanie).
fn namesake(analysis: &Analysis, last: usize) -> bool {
    let tokens = &analysis.tokens;
    let gap = |k: usize| analysis.text[tokens[k].end..tokens[k + 1].start].trim();
    let region = |k: usize| {
        let k = if tokens.get(k).is_some_and(|t| t.norm == "l'") {
            k + 1
        } else {
            k
        };
        tokens
            .get(k)
            .is_some_and(|t| LEXICONS.namesake_regions.contains(t.text(analysis.text)))
    };
    let region_after_comma = last + 2 < tokens.len()
        && gap(last) == ","
        && matches!(tokens[last + 1].norm.as_str(), "au" | "aux" | "dans" | "en")
        && region(last + 2);
    let region_in_brackets = last + 1 < tokens.len() && gap(last) == "(" && region(last + 1);
    region_after_comma || region_in_brackets
}

/// True when a word right before or after tokens `first..=last`, in the same sentence, is a
/// French word written in capitals: a kicker shouted in capitals (EN UN CLIC, VIDÉO), where
/// an acronym cannot be told from an ordinary word (UN, un).
fn beside_french_capitals(analysis: &Analysis, first: usize, last: usize) -> bool {
    let shouted_french = |i: usize| {
        let info = &analysis.words[i];
        in_capitals(analysis.tokens[i].text(analysis.text))
            && info.fr_zipf >= SHOUTED_FRENCH_MIN_ZIPF
            && info.fr_zipf > info.en_zipf
    };
    (first > 0 && analysis.adjacent(first - 1, first) && shouted_french(first - 1))
        || (analysis.adjacent(last, last + 1) && shouted_french(last + 1))
}

/// Lowest French Zipf frequency of a word in capitals that makes the acronym beside it part of
/// a shouted kicker: common French words (en, clic, vidéo, direct).
const SHOUTED_FRENCH_MIN_ZIPF: f32 = 3.0;

/// True when most letters of the paragraph are capitals (a headline in capitals), where an
/// acronym cannot be told from an ordinary word.
fn mostly_uppercase(text: &str) -> bool {
    let (upper, letters) = text
        .chars()
        .filter(|c| c.is_alphabetic())
        .fold((0, 0), |(u, l), c| {
            (u + usize::from(c.is_uppercase()), l + 1)
        });
    letters > 0 && upper * 2 > letters
}

/// The French transliteration of an English-transliterated Slavic name, if it differs.
fn transliterate(word: &str) -> Option<String> {
    let lower: Vec<char> = word.to_lowercase().chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut changed = false;
    while i < lower.len() {
        let rule = LEXICONS
            .translit
            .iter()
            .filter(|rule| {
                let letters: Vec<char> = rule.english.chars().collect();
                let fits = lower[i..].starts_with(&letters)
                    && match rule.position {
                        Position::Start => i == 0,
                        Position::End => i + letters.len() == lower.len(),
                        Position::Anywhere => true,
                    };
                let after_vowel_digraph =
                    rule.english == "u" && i > 0 && matches!(lower[i - 1], 'o' | 'g' | 'q');
                fits && !after_vowel_digraph
            })
            .max_by_key(|rule| rule.english.chars().count());
        match rule {
            Some(rule) => {
                out.push_str(rule.french);
                i += rule.english.chars().count();
                changed = true;
            }
            None => {
                out.push(lower[i]);
                i += 1;
            }
        }
    }
    if !changed {
        return None;
    }
    let mut chars = out.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::transliterate;
    use crate::features::extract_article;

    fn fired_in(article: &[&str], paragraph: usize) -> Vec<(&'static str, String)> {
        let features = extract_article(article);
        features[paragraph]
            .evidence
            .iter()
            .filter(|e| e.family == "names")
            .map(|e| (e.feature, article[paragraph][e.start..e.end].to_string()))
            .collect()
    }

    #[test]
    fn american_party_tags_after_a_name() {
        let tags = |text: &str| -> Vec<String> {
            fired_in(&[text], 0)
                .into_iter()
                .filter(|(feature, _)| *feature == "english_name")
                .map(|(_, tag)| tag)
                .collect()
        };
        assert_eq!(
            tags(
                "Le représentant Tom Briggs (R-Fla.) a répondu au sénateur Ann Cole (D-NY), puis \
                 au (I-Vt.) Ed Marsh, le jour du (D-Day) et de l'A-380 (I-95)."
            ),
            vec!["(R-Fla.)", "(D-NY)", "(I-Vt.)"]
        );
        // Between commas, and spelled out in capitals.
        assert_eq!(
            tags(
                "Le sénateur John Harlow, R-Ky., a répondu, comme Ann Cole, D-NY, et Jane Price \
                 (Républicain de Floride), devant la Volkswagen Golf, R-Line, de 2019."
            ),
            vec!["R-Ky.", "D-NY", "(Républicain de Floride)"]
        );
    }

    #[test]
    fn english_spellings_are_caught() {
        let found = fired_in(
            &["Putin a reçu Sergey Lavrov à Moscou, puis il est parti pour Hanoi."],
            0,
        );
        assert!(
            found.contains(&("english_name", "Putin".to_string())),
            "{found:?}"
        );
        assert!(
            found.contains(&("english_name", "Sergey Lavrov".to_string())),
            "{found:?}"
        );
        assert!(
            found.contains(&("name_variant", "Hanoi".to_string())),
            "{found:?}"
        );
    }

    #[test]
    fn mixed_spellings_in_one_article_conflict() {
        let article = [
            "Vladimir Poutine est arrivé jeudi.",
            "Putin a salué la foule.",
        ];
        assert_eq!(
            fired_in(&article, 1),
            vec![
                ("english_name", "Putin".to_string()),
                ("name_conflict", "Putin".to_string())
            ]
        );
        assert!(fired_in(&article, 0).is_empty());
    }

    #[test]
    fn french_spellings_fire_nothing() {
        assert!(fired_in(
            &["Vladimir Poutine et Kim Jong-un à Pékin, selon l'ONU."],
            0
        )
        .is_empty());
    }

    #[test]
    fn the_original_name_in_brackets_is_a_gloss_but_not_an_english_acronym() {
        let article = [
            "Selon le Centre national des ouragans (National Hurricane Center), la tempête \
                        faiblit ; l'Organisation mondiale de la santé (WHO) reste prudente.",
        ];
        assert_eq!(
            fired_in(&article, 0),
            vec![("english_name", "WHO".to_string())]
        );
    }

    #[test]
    fn a_name_alone_in_guillemets_is_a_title() {
        assert!(fired_in(
            &["Le réalisateur de « Timbuktu » était favori à Cannes."],
            0
        )
        .is_empty());
        assert_eq!(
            fired_in(
                &["Il a tourné « Timbuktu et Beijing » puis a quitté Beijing."],
                0
            )
            .into_iter()
            .map(|(_, span)| span)
            .collect::<Vec<_>>(),
            vec!["Timbuktu", "Beijing", "Beijing"]
        );
    }

    #[test]
    fn acronyms_beside_french_words_in_capitals_are_left_alone() {
        for text in [
            "EN UN CLIC - Simon, Mahut et Serra s'inclinent au deuxième tour du tournoi.",
            "Le mot du jour : UN CLIC suffit pour s'inscrire sur la liste électorale.",
        ] {
            assert!(fired_in(&[text], 0).is_empty(), "{text}");
        }
        for text in [
            "Le secrétaire général de l'UN a appelé à un cessez-le-feu immédiat.",
            "THE UN a voté la résolution mardi à New York.",
        ] {
            assert!(!fired_in(&[text], 0).is_empty(), "{text}");
        }
    }

    #[test]
    fn acronyms_in_capitalised_headlines_are_left_alone() {
        assert!(fired_in(&["UN HOMME ARRÊTÉ À LYON APRÈS UNE COURSE-POURSUITE"], 0).is_empty());
    }

    #[test]
    fn places_inside_english_names_are_left_alone() {
        assert!(fired_in(
            &["La London Stock Exchange et la University of California ont réagi, selon Statistics Austria, comme Femu a Corsica, un label made in Belgium."],
            0
        )
        .is_empty());
        assert!(!fired_in(&["Selon Beijing, la Bank of China a réagi."], 0).is_empty());
        // An organisation ending a longer name, not one leading it.
        assert!(fired_in(
            &["Au Mobile World Congress, puis à la Library of Congress, il a parlé."],
            0
        )
        .is_empty());
        assert_eq!(
            fired_in(&["Le WHO Director-General a parlé au Congress."], 0).len(),
            2
        );
        assert_eq!(fired_in(&["Mpox: Le WHO Alerte Selon Beijing"], 0).len(), 2);
        assert!(fired_in(
            &["Un réserviste de London, en Ontario, un élu de Moscow (Idaho) et un maire d'Athens, dans l'Ohio, ont témoigné."],
            0
        )
        .is_empty());
        let foreign = fired_in(
            &["Un raid à Jenin, en Cisjordanie, puis un sommet à Beijing (Chine)."],
            0,
        );
        assert_eq!(foreign.len(), 2, "{foreign:?}");
        assert!(!fired_in(&["Il a quitté Moscow, puis Beijing."], 0).is_empty());
        let listed = fired_in(
            &["Des États (Maryland, Pennsylvania, Virginia) ont signé."],
            0,
        );
        assert!(
            listed.iter().any(|(_, m)| m == "Pennsylvania"),
            "{listed:?}"
        );
    }

    #[test]
    fn french_forms_with_elisions_count_for_conflicts() {
        let article = ["La Côte d'Ivoire a voté.", "Ivory Coast a voté aussi."];
        let found = fired_in(&article, 1);
        assert!(
            found.contains(&("name_conflict", "Ivory Coast".to_string())),
            "{found:?}"
        );
    }

    #[test]
    fn transliteration_rules() {
        assert_eq!(transliterate("Ushakov").as_deref(), Some("Ouchakov"));
        assert_eq!(transliterate("Zhukov").as_deref(), Some("Joukov"));
        assert_eq!(transliterate("Lavrov"), None);
        assert_eq!(transliterate("Boulgakov"), None);
        assert_eq!(transliterate("Ouchakov"), None);
    }

    #[test]
    fn unknown_slavic_names_are_transliterated() {
        let found = fired_in(&["Le général Shuvalov a démenti."], 0);
        assert_eq!(
            found,
            vec![("english_transliteration", "Shuvalov".to_string())]
        );
        assert!(fired_in(&["Un sondage de l'institut YouGov le confirme."], 0).is_empty());
    }
}
