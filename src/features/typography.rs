//! English typography in French text: straight quotes, punctuation inside the closing quote,
//! no space before ; : ! ?, English number, date and time formats, a currency sign before the
//! amount, Title Case headlines, and English honorifics and capitalised titles (Mr Smith,
//! le Président Obama).
//!
//! People typing French on the web also use straight quotes and skip the space before a
//! colon, so these are weak signals: each is a separate feature and the model weighs it.

use super::grammar::WEEKDAYS;
use super::{in_capitals, Analysis, Feature, Recorder};
use crate::lexicon::LEXICONS;
use crate::segment::Token;

/// Grammatical words and frequent verbs and adverbs a French title leaves in lowercase, which
/// English Title Case capitalises (Le Président Annonce Une Réforme Pour Les Retraites). The
/// name rules read them too: such a word capitalised before a name starts no foreign name.
pub(crate) const TITLE_GRAMMATICAL_WORDS: &[&str] = &[
    "a", "après", "au", "aussi", "aux", "avant", "avec", "ce", "ces", "cette", "chez", "contre",
    "dans", "de", "des", "dit", "du", "elle", "en", "encore", "entre", "est", "et", "il", "jamais",
    "la", "le", "les", "leur", "leurs", "moins", "ne", "ni", "nous", "on", "ont", "ou", "par",
    "parmi", "pas", "plus", "pour", "qui", "que", "sa", "sans", "se", "selon", "ses", "son",
    "sont", "sous", "sur", "toujours", "tous", "tout", "très", "un", "une", "vers", "à", "été",
    "être",
];

/// Imperial units English writes after a number (130mph, 6 ft, 200lbs), where French converts
/// to km/h, metres and kilos. "in" (inches) counts only after feet (5ft 10in).
const IMPERIAL_UNITS: &[&str] = &["ft", "lb", "lbs", "mph", "oz", "yd", "yds"];

/// Imperial units written out that machine translation keeps from the English (à 200 miles,
/// 403 pieds, 4 gallons), where French news converts to kilomètres, mètres and litres. Left
/// out: "milles", which sailing news gives distances in (nautical miles, à 28 milles du
/// leader), and square feet, which Québec gives a flat's size in (pieds carrés).
const IMPERIAL_UNIT_WORDS: &[&str] = &["gallon", "gallons", "mile", "miles", "pieds"];

/// Words before a number with points that French writes so: a part of a legal text (article
/// 5.1), a software release (la version 2.1, le patch 1.4), a hall of a fair (pavillon 7.1)
/// or a cartridge (calibre 7.62).
const NUMBERED_PARTS: &[&str] = &[
    "alinéa",
    "alinéas",
    "article",
    "articles",
    "calibre",
    "calibres",
    "chapitre",
    "chapitres",
    "hall",
    "halls",
    "paragraphe",
    "paragraphes",
    "patch",
    "patchs",
    "pavillon",
    "pavillons",
    "règle",
    "règles",
    "section",
    "sections",
    "version",
    "versions",
];

/// Units a French decimal of three places comes before (42,195 km, a share at 34,085 euros, a
/// fuel price of 1,879 €), where English thousands are round figures (1,500 km).
const DECIMAL_UNITS: &[&str] = &[
    "dollars",
    "euros",
    "grammes",
    "kg",
    "kilogrammes",
    "kilomètres",
    "kilos",
    "km",
    "litres",
    "mètres",
    "ppm",
    "secondes",
    "tonnes",
];

/// English-language time zones, which French gives as heure de New York, de Londres...; GMT and
/// UTC are French too, and Québec writes HE, HNE, HAE.
const ENGLISH_TIME_ZONES: &[&str] = &[
    "AEDT", "AEST", "BST", "CDT", "CST", "EDT", "EST", "ET", "IST", "MDT", "MST", "PDT", "PST",
    "PT",
];

const ENGLISH_MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FRENCH_MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Lowercase abbreviations that a lowercase word may follow after their period (etc. et,
/// 700 fr. par mois, 3 h 20 min. après), beside the segmenter's own list.
const LOWERCASE_ABBREVIATIONS: &[&str] = &[
    "aff", "al", "approx", "cit", "cm", "coll", "dir", "etc", "fig", "fr", "ibid", "id", "impl",
    "kg", "km", "lb", "max", "min", "op", "oz", "sq", "ss", "suiv", "trad", "tél", "vs", "à-d",
    "éd",
];

/// Titles that French writes in lowercase before a name (le président Barack Obama), where
/// English capitalises them (President Barack Obama).
const TITLES: &[&str] = &[
    "Ambassadeur",
    "Capitaine",
    "Chancelier",
    "Colonel",
    "Commissaire",
    "Député",
    "Gouverneur",
    "Général",
    "Juge",
    "Lieutenant",
    "Maire",
    "Ministre",
    "Procureur",
    "Président",
    "Secrétaire",
    "Sergent",
    "Sénateur",
    "Shérif",
];

/// Records every typography feature.
pub fn extract(analysis: &Analysis, recorder: &mut Recorder) {
    quotes(analysis.text, recorder);
    spacing(analysis.text, recorder);
    numbers(analysis, recorder);
    spaced_thousands(analysis, recorder);
    spaced_number_sign(analysis.text, recorder);
    imperial_units(analysis, recorder);
    dates(analysis, recorder);
    currency(analysis.text, recorder);
    title_case(analysis, recorder);
    cut_sentences(analysis, recorder);
    lost_link_texts(analysis, recorder);
    let tokens = &analysis.tokens;
    for (i, token) in tokens.iter().enumerate() {
        let word = token.text(analysis.text);
        if word == "XNUMX" {
            recorder.hit(
                Feature::EnglishNumber,
                token.start,
                token.end,
                "a placeholder some machine-translation pipelines leave for a number",
            );
            continue;
        }
        if matches!(word, "Mr" | "Mrs" | "Ms") {
            recorder.hit(
                Feature::EnglishHonorific,
                token.start,
                token.end,
                "French: M. / Mme",
            );
            continue;
        }
        let inside_sentence =
            i > 0 && tokens[i - 1].sentence == token.sentence && !tokens[i - 1].is_capitalized();
        let before_name = tokens
            .get(i + 1)
            .is_some_and(|next| next.sentence == token.sentence && next.is_capitalized());
        if inside_sentence && before_name && TITLES.contains(&word) {
            recorder.hit(
                Feature::EnglishHonorific,
                token.start,
                tokens[i + 1].end,
                format!(
                    "French: {} {}",
                    token.norm,
                    tokens[i + 1].text(analysis.text)
                ),
            );
        }
    }
}

/// Hint for a period inside the closing quote of a quoted fragment.
const PERIOD_INSIDE_HINT: &str = "French puts the period after the closing quote of a fragment";

/// Straight quotation marks, a comma or period placed inside the closing quote, a quotation
/// closed with «, and one whose opening and closing marks differ (“ … », « … ”), as machine
/// translation leaves a quotation it converted in part.
fn quotes(text: &str, recorder: &mut Recorder) {
    let positions: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    for pair in positions.chunks(2) {
        let end = pair.get(1).map_or(pair[0] + 1, |&close| close + 1);
        recorder.hit(
            Feature::StraightQuotes,
            pair[0],
            end,
            "French quotes: « … »",
        );
    }
    for start in memchr::memchr2_iter(b',', b'.', text.as_bytes()) {
        let punctuation = char::from(text.as_bytes()[start]);
        let mut rest = text[start + 1..].char_indices();
        let (Some((next_at, next)), Some((after_at, after))) = (rest.next(), rest.next()) else {
            continue;
        };
        let closing_quote = match (punctuation, next) {
            (',', '"') | (',', '”') | (',', '»') => true,
            // An ellipsis (...) may close a quotation in French too.
            ('.', '"') | ('.', '”') => {
                after.is_whitespace()
                    && !text[..start].ends_with('.')
                    && !quotes_a_sentence(text, &positions, start + 1)
            }
            _ => false,
        };
        let closing_guillemet = punctuation == ',' && next == ' ' && after == '»';
        if closing_quote || closing_guillemet {
            let end = if closing_guillemet {
                start + 1 + after_at + after.len_utf8()
            } else {
                start + 1 + next_at + next.len_utf8()
            };
            let (feature, hint) = if punctuation == '.' {
                (Feature::PeriodInsideQuote, PERIOD_INSIDE_HINT)
            } else {
                (
                    Feature::PunctuationInsideQuote,
                    "French puts the comma after the closing quote",
                )
            };
            recorder.hit(feature, start, end, hint);
        }
    }
    for at in char_offsets(text, '«') {
        if closes_with_an_opening_guillemet(text, at) {
            recorder.hit(
                Feature::PunctuationInsideQuote,
                at,
                at + '«'.len_utf8(),
                "French closes a quotation with »",
            );
        }
    }
    mismatched_quotes(text, recorder);
    if text.ends_with(".\"")
        && !text.ends_with("..\"")
        && !quotes_a_sentence(text, &positions, text.len() - 1)
    {
        recorder.hit(
            Feature::PeriodInsideQuote,
            text.len() - 2,
            text.len(),
            PERIOD_INSIDE_HINT,
        );
    }
}

/// Records each quotation whose next quotation mark closes it with the other kind of mark
/// (« … ”, “ … »); a nested quotation's own marks come between otherwise.
fn mismatched_quotes(text: &str, recorder: &mut Recorder) {
    // « and » start with the byte C2, “ and ” with E2: a vectorised search for either.
    let marks = memchr::memchr2_iter(0xC2, 0xE2, text.as_bytes())
        .filter_map(|at| text[at..].chars().next().map(|c| (at, c)))
        .filter(|&(_, c)| matches!(c, '«' | '»' | '“' | '”'));
    let mut previous = None;
    for (at, mark) in marks {
        if let Some((open, opened)) = previous {
            if matches!((opened, mark), ('«', '”') | ('“', '»')) {
                recorder.hit(
                    Feature::PunctuationInsideQuote,
                    open,
                    at + mark.len_utf8(),
                    "a quotation opened and closed with different marks; French: « … »",
                );
            }
        }
        previous = Some((at, mark));
    }
}

/// Byte offsets of `c` in `text`, by a vectorised search for its last UTF-8 byte, checked
/// against the bytes before it (ë ends in AB too, like «): the standard library's search for
/// a char is not vectorised.
fn char_offsets(text: &str, c: char) -> impl Iterator<Item = usize> + '_ {
    let mut encoded = [0; 4];
    let len = c.encode_utf8(&mut encoded).len();
    let bytes = text.as_bytes();
    memchr::memchr_iter(encoded[len - 1], bytes).filter_map(move |last| {
        let start = (last + 1).checked_sub(len)?;
        (bytes[start..=last] == encoded[..len]).then_some(start)
    })
}

/// True when the « at byte `at` closes a quotation: right after a word, and before
/// punctuation or the end of the paragraph (rentrez chez vous« , puis…), as English quotes
/// converted to « » in turn leave it. An opening « after a word missing its space (sur«
/// Toujours là ») is followed by a word.
fn closes_with_an_opening_guillemet(text: &str, at: usize) -> bool {
    let after_word = text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric());
    let rest = text[at + '«'.len_utf8()..].trim_start_matches([' ', '\u{a0}', '\u{202f}']);
    after_word && (rest.is_empty() || rest.starts_with([',', '.', ';', ':', '!', '?', ')']))
}

/// True when the quotation whose closing mark is at byte `close` quotes whole sentences, whose
/// period French also puts inside the quotes (« Je viendrai. »): it starts with a capital, a
/// colon introduces it (elle précise : « la mesure se fait au printemps. »), or a sentence
/// inside it ends before a capital (« les routes sont fermées. Restez chez vous. »).
/// `straight` holds the byte offsets of the paragraph's straight quotes.
fn quotes_a_sentence(text: &str, straight: &[usize], close: usize) -> bool {
    // The byte offsets where the opening mark starts and where the quotation starts.
    let open = if text[close..].starts_with('"') {
        straight
            .chunks(2)
            .find(|pair| pair.get(1) == Some(&close))
            .map(|pair| (pair[0], pair[0] + 1))
    } else {
        text[..close]
            .rfind('“')
            .map(|mark| (mark, mark + '“'.len_utf8()))
    };
    open.is_some_and(|(mark, open)| {
        text[open..].trim_start().starts_with(char::is_uppercase)
            || text[..mark].trim_end().ends_with(':')
            || holds_a_sentence_end(&text[open..close])
            || continues_a_quotation(text, straight, mark)
    })
}

/// Longest incise, in bytes, between two parts of one quotation (« … », a-t-il ajouté, « … »).
const INCISE_MAX_BYTES: usize = 60;

/// True when the straight quotation that opens at byte `mark` goes on with a quoted sentence
/// that an incise interrupted ("On compose avec ce qu'on a", a-t-il dit, "c'est un travail."):
/// an earlier quotation of the paragraph starts with a capital and closes a short incise
/// before, with no sentence end between, so the period closes the whole quoted sentence.
fn continues_a_quotation(text: &str, straight: &[usize], mark: usize) -> bool {
    straight
        .chunks(2)
        .rfind(|pair| pair.len() == 2 && pair[1] < mark)
        .is_some_and(|pair| {
            let incise = &text[pair[1] + 1..mark];
            incise.len() <= INCISE_MAX_BYTES
                && !incise.contains(['.', '!', '?'])
                && text[pair[0] + 1..]
                    .trim_start()
                    .starts_with(char::is_uppercase)
        })
}

/// True when a sentence ends inside `quoted` and another starts with a capital after it,
/// maybe after an ellipsis in brackets: (...) Je sais.
fn holds_a_sentence_end(quoted: &str) -> bool {
    quoted.match_indices(['.', '!', '?']).any(|(i, _)| {
        let after = &quoted[i + 1..];
        let next = after.trim_start_matches(['.', ')', ']', '…']);
        next.starts_with(char::is_whitespace) && next.trim_start().starts_with(char::is_uppercase)
    })
}

/// No space before ; : ! ? (French puts a thin or ordinary space there).
fn spacing(text: &str, recorder: &mut Recorder) {
    let bytes = text.as_bytes();
    // Vectorised searches; the recorder puts the hits in text order.
    let marks =
        memchr::memchr3_iter(b';', b':', b'!', bytes).chain(memchr::memchr_iter(b'?', bytes));
    for i in marks {
        let c = char::from(bytes[i]);
        let Some(previous) = text[..i].chars().next_back() else {
            continue;
        };
        if !(previous.is_alphanumeric() || matches!(previous, '»' | '"' | ')' | '”')) {
            continue;
        }
        let next = text[i + 1..].chars().next();
        let in_time_or_url = c == ':' && (next.is_some_and(|n| n.is_ascii_digit() || n == '/'));
        let repeated = matches!(next, Some('!' | '?'));
        if in_time_or_url || repeated {
            continue;
        }
        recorder.hit(
            Feature::NoSpaceBeforePunctuation,
            i - previous.len_utf8(),
            i + 1,
            format!("French puts a space before {c}"),
        );
    }
}

/// A full stop between two lowercase words (le climat. crise, l'ancien Premier ministre.
/// résidence): machine translation leaves one where a link or a line break cut the English
/// sentence, and a person almost never types one. Not counted: a period that closes an
/// abbreviation, one inside a web address, and one before the paragraph's last word, where a
/// news agency signs in lowercase (au dernier tour. dpa).
fn cut_sentences(analysis: &Analysis, recorder: &mut Recorder) {
    let text = analysis.text;
    let tokens = &analysis.tokens;
    for i in 1..tokens.len().saturating_sub(1) {
        let (before, after) = (&tokens[i - 1], &tokens[i]);
        // Most words are not followed by a full stop: one byte tells.
        if text.as_bytes()[before.end] != b'.' {
            continue;
        }
        // The next word may start at the full stop itself (a number such as .5).
        let Some(spaces) = text.get(before.end + 1..after.start) else {
            continue;
        };
        if spaces.is_empty() || !spaces.chars().all(char::is_whitespace) {
            continue;
        }
        // A word the French list lacks may be a command that a sentence starts with in
        // lowercase (wget).
        if !before.is_lowercase_word(text)
            || !after.is_lowercase_word(text)
            || analysis.fr_zipf_of_compound(i) == 0.0
        {
            continue;
        }
        let abbreviation = crate::segment::ABBREVIATIONS.contains(&before.norm.as_str())
            || LOWERCASE_ABBREVIATIONS.contains(&before.norm.as_str());
        let address_before = text[..before.start].ends_with(['.', '/', '@', '_']);
        let address_after = matches!(after.norm.as_str(), "http" | "https" | "www")
            || text[after.end..]
                .strip_prefix('.')
                .is_some_and(|rest| rest.starts_with(char::is_alphanumeric));
        if abbreviation || address_before || address_after {
            continue;
        }
        recorder.hit(
            Feature::LinkSeam,
            before.start,
            after.end,
            "a full stop inside a sentence, where machine translation cut it",
        );
    }
}

/// Prepositions that cannot end a clause, so that one before a full stop or a comma lost its
/// object.
const PREPOSITIONS_WITH_AN_OBJECT: &[&str] = &[
    "au", "aux", "chez", "dans", "de", "des", "du", "par", "selon", "sur", "à",
];

/// A preposition followed by a space and a full stop or comma (selon un décompte de .
/// mercredi): the name a link carried was dropped with it, as machine-translation pipelines
/// do, and the preposition lost its object.
fn lost_link_texts(analysis: &Analysis, recorder: &mut Recorder) {
    let bytes = analysis.text.as_bytes();
    let tokens = &analysis.tokens;
    // From the marks, which are fewer than the words: a vectorised search.
    for mark in memchr::memchr2_iter(b'.', b',', bytes) {
        // A dot before a digit is a number's; three dots are an ellipsis, which people type
        // after a preposition for effect or to cut a sentence short (de 1.500 à ... 9.000
        // euros, à l'heure de ...). Two are a link's lost text and a doubled full stop.
        let next = bytes.get(mark + 1);
        if mark < 2
            || bytes[mark - 1] != b' '
            || next.is_some_and(u8::is_ascii_digit)
            || bytes[mark..].starts_with(b"...")
        {
            continue;
        }
        let before = tokens.partition_point(|t| t.end < mark - 1);
        let Some(token) = tokens.get(before).filter(|t| t.end == mark - 1) else {
            continue;
        };
        if !PREPOSITIONS_WITH_AN_OBJECT.contains(&token.norm.as_str()) {
            continue;
        }
        recorder.hit(
            Feature::LinkSeam,
            token.start,
            mark + 1,
            "a preposition without its object, where machine translation dropped a link's text",
        );
    }
}

/// English thousands separators (1,500) and decimal points (3.5). French numbers the parts of
/// a legal text and software releases with points (l'article 5.1 du traité, the 49.3 of the
/// Constitution, la version 2.1), so a number after one of [`NUMBERED_PARTS`], and 49.3
/// itself, are left alone.
fn numbers(analysis: &Analysis, recorder: &mut Recorder) {
    let text = analysis.text;
    for (i, token) in analysis.tokens.iter().enumerate() {
        if !token.is_number() {
            continue;
        }
        let tokens = &analysis.tokens;
        let numbered = i > 0 && NUMBERED_PARTS.contains(&tokens[i - 1].norm.as_str());
        if numbered || token.text(text) == "49.3" {
            continue;
        }
        // A heading's number (2.1 Présentation), a product's version right after its name
        // inside a sentence (MagicOS 8.1, iOS 17.2: a name with a capital anywhere) and a lens
        // aperture (f/2.4) take points in French too.
        let heading = i == 0 && tokens.get(1).is_some_and(|next| next.is_capitalized());
        let product_version = i > 1
            && tokens[i - 1].text(text).chars().any(char::is_uppercase)
            && analysis.adjacent(i - 1, i)
            && tokens[i - 2].sentence == token.sentence;
        let aperture = text[..token.start].ends_with("f/");
        let numbered_with_points = heading || product_version || aperture;
        let raw = token.text(text);
        let groups: Vec<&str> = raw.split(',').collect();
        let next_word = tokens.get(i + 1).map_or("", |next| next.norm.as_str());
        let before_large_unit = matches!(
            next_word,
            "million" | "millions" | "milliard" | "milliards" | "md" | "mds"
        );
        let before_unit = || {
            text[token.end..].trim_start().starts_with(['%', '€'])
                || DECIMAL_UNITS.contains(&next_word)
        };
        // 0,125, 2,387 milliards, 1,074 % and 42,195 km are French decimals: English puts no
        // zero before a thousands comma, and writes thousands before million or billion, or a
        // unit, as round figures (1,300 milliards, which a French writer would give as 1,3).
        // A currency or a large unit in the singular (1,850 euro le litre, 1,550 million de
        // votants) is under two of it, a decimal; translation from English puts them in the
        // plural (1,360 millions).
        let singular_unit = matches!(next_word, "euro" | "dollar" | "million" | "milliard");
        let decimal_of_large_unit = groups.len() == 2
            && (singular_unit
                || (!groups[1].ends_with('0') && (before_large_unit || before_unit())));
        let thousands = groups.len() > 1
            && groups[0].len() <= 3
            && groups[0] != "0"
            && !decimal_of_large_unit
            && groups[1..].iter().all(|g| g.len() == 3 && !g.contains('.'));
        let points: Vec<&str> = raw.split('.').collect();
        // A point before million or milliard (4.8 millions de téléspectateurs) is as common on
        // French web pages written by people as in machine translation: 5 human and 4
        // machine-translated paragraphs over every web page read.
        let decimal = points.len() == 2
            && !numbered_with_points
            && !before_large_unit
            && !points[0].contains(',')
            && (1..=2).contains(&points[1].len())
            && !followed_by_date_part(text, token.end);
        if thousands {
            recorder.hit(
                Feature::EnglishNumber,
                token.start,
                token.end,
                "French: 1 500 (space)",
            );
        } else if decimal {
            recorder.hit(
                Feature::EnglishDecimal,
                token.start,
                token.end,
                "French: 3,5 (comma)",
            );
        }
    }
}

/// English thousands with a space after the comma (4, 000 habitants), as some machine
/// translation pipelines leave them: in 4 machine-translated web paragraphs and no human one of
/// any set read for calque. A day of the month before a count (le 14, 120 policiers) and a list
/// of numbers (les numéros 7, 100 et 200) are French and left alone.
fn spaced_thousands(analysis: &Analysis, recorder: &mut Recorder) {
    let (text, tokens) = (analysis.text, &analysis.tokens);
    let bytes = text.as_bytes();
    let digits = |t: &Token, lengths: std::ops::RangeInclusive<usize>| {
        let word = t.text(text);
        lengths.contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
    };
    // Only a comma between a digit and a space and a digit can start one: found by a
    // vectorised search, then matched to its tokens.
    for comma in memchr::memchr_iter(b',', bytes) {
        let spaced = comma > 0
            && bytes[comma - 1].is_ascii_digit()
            && bytes.get(comma + 1) == Some(&b' ')
            && bytes.get(comma + 2).is_some_and(u8::is_ascii_digit);
        if !spaced {
            continue;
        }
        let i = tokens.partition_point(|t| t.start < comma + 2);
        let (Some(group), Some(first)) = (tokens.get(i), i.checked_sub(1).map(|k| &tokens[k]))
        else {
            continue;
        };
        if group.start != comma + 2
            || first.end != comma
            || !digits(first, 1..=3)
            || first.text(text).starts_with('0')
            || !digits(group, 3..=3)
            || first.sentence != group.sentence
        {
            continue;
        }
        let a_date = i > 1 && {
            let before = tokens[i - 2].norm.as_str();
            matches!(before, "le" | "du" | "au" | "jusqu'au") || WEEKDAYS.contains(&before)
        };
        let in_a_list = text[..first.start].trim_end().ends_with(',')
            || text[group.end..].starts_with(|c: char| c == ',' || c == '.' || c.is_ascii_digit())
            || tokens.get(i + 1).is_some_and(|next| {
                next.sentence == group.sentence
                    && (next.is_number() || matches!(next.norm.as_str(), "et" | "ou"))
            });
        if !a_date && !in_a_list {
            recorder.hit(
                Feature::EnglishNumber,
                first.start,
                group.end,
                "French: 4 000 (space, no comma)",
            );
        }
    }
}

/// "n ° 1", the English "No. 1" as machine translation renders it, with a space between the
/// n and its sign; French writes n° 1.
fn spaced_number_sign(text: &str, recorder: &mut Recorder) {
    for sign in char_offsets(text, '°') {
        let Some(n) = text[..sign]
            .strip_suffix(' ')
            .and_then(|before| before.strip_suffix(['n', 'N']))
        else {
            continue;
        };
        let word_start = !n.ends_with(|c: char| c.is_alphanumeric());
        let end = sign + '°'.len_utf8();
        let after = text[end..].trim_start_matches(' ');
        if word_start && after.starts_with(|c: char| c.is_ascii_digit()) {
            recorder.hit(Feature::EnglishNumber, n.len(), end, "French: n° 1");
        }
    }
}

/// Numbers with an imperial unit, attached (130mph, 5ft 10in) or after a space (50 ft).
fn imperial_units(analysis: &Analysis, recorder: &mut Recorder) {
    let text = analysis.text;
    let tokens = &analysis.tokens;
    let mut after_feet = false;
    for (i, token) in tokens.iter().enumerate() {
        let feet = after_feet;
        after_feet = false;
        if !token.norm.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if let Some(end) = fahrenheit(analysis, i) {
            recorder.hit(
                Feature::EnglishNumber,
                token.start,
                end,
                "French: degrés Celsius",
            );
            continue;
        }
        let attached = IMPERIAL_UNITS
            .iter()
            .chain(feet.then_some(&"in"))
            .find(|unit| {
                token.norm.strip_suffix(**unit).is_some_and(|number| {
                    !number.is_empty()
                        && number
                            .chars()
                            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
                })
            });
        let spaced = token.is_number()
            && analysis.adjacent(i, i + 1)
            && (IMPERIAL_UNITS.contains(&tokens[i + 1].text(text))
                || imperial_unit_word(tokens, i + 1));
        let end = if spaced { tokens[i + 1].end } else { token.end };
        if attached.is_some() || spaced {
            after_feet = attached == Some(&"ft") || (spaced && tokens[i + 1].norm == "ft");
            recorder.hit(
                Feature::EnglishNumber,
                token.start,
                end,
                "French: km/h, mètres, kilos",
            );
        }
    }
}

/// True when the token at `i` is one of [`IMPERIAL_UNIT_WORDS`], but for square feet,
/// nautical miles, and the feet that size shipping containers in French too (des conteneurs de
/// 20 pieds).
fn imperial_unit_word(tokens: &[crate::segment::Token], i: usize) -> bool {
    let after = tokens.get(i + 1).map(|t| t.norm.as_str());
    let container = || {
        tokens[..i.saturating_sub(1)]
            .iter()
            .rev()
            .take(2)
            .any(|t| t.norm.starts_with("conteneur"))
    };
    IMPERIAL_UNIT_WORDS.contains(&tokens[i].norm.as_str())
        && !matches!(after, Some("carrés" | "nautiques"))
        && !(tokens[i].norm == "pieds" && container())
}

/// The end of a temperature in Fahrenheit after the number at `i` (90°F, 90 ° F, 115 degrés
/// Fahrenheit), which French news converts to Celsius.
fn fahrenheit(analysis: &Analysis, i: usize) -> Option<usize> {
    let text = analysis.text;
    let tokens = &analysis.tokens;
    let next = tokens.get(i + 1)?;
    let gap = &text[tokens[i].end..next.start];
    let degree_sign = gap.trim() == "°";
    match next.text(text) {
        "F" if degree_sign => Some(next.end),
        "Fahrenheit" if degree_sign || gap.trim().is_empty() => Some(next.end),
        "degrés" | "degré" if gap.trim().is_empty() => tokens
            .get(i + 2)
            .filter(|unit| unit.text(text) == "Fahrenheit" && analysis.adjacent(i + 1, i + 2))
            .map(|unit| unit.end),
        _ => None,
    }
}

/// A currency sign written before the amount ($5, € 10), where French writes 5 $, 10 € (and
/// 2€50 for two euros fifty).
fn currency(text: &str, recorder: &mut Recorder) {
    // A vectorised search for the last byte of each sign (`$`, and the final bytes of the
    // UTF-8 `£` and `€`), instead of decoding every character.
    for last in memchr::memchr3_iter(b'$', 0xA3, 0xAC, text.as_bytes()) {
        let Some((i, c)) = ['$', '£', '€'].into_iter().find_map(|sign| {
            let start = (last + 1).checked_sub(sign.len_utf8())?;
            let mut bytes = [0; 4];
            text.as_bytes()[start..]
                .starts_with(sign.encode_utf8(&mut bytes).as_bytes())
                .then_some((start, sign))
        }) else {
            continue;
        };
        // French writes a price with the sign between euros and cents (2€50).
        if text[..i].ends_with(|d: char| d.is_ascii_digit()) {
            continue;
        }
        let rest = &text[i + c.len_utf8()..];
        let digits_at = rest.len() - rest.trim_start_matches(' ').len();
        let amount: usize = rest[digits_at..]
            .chars()
            .take_while(|d| d.is_ascii_digit() || matches!(d, ',' | '.'))
            .map(char::len_utf8)
            .sum();
        if digits_at <= 1 && rest[digits_at..].starts_with(|d: char| d.is_ascii_digit()) {
            let end = i + c.len_utf8() + digits_at + amount;
            let end = text[..end].trim_end_matches([',', '.']).len();
            recorder.hit(Feature::CurrencyPrefix, i, end, format!("French: 5 {c}"));
        }
    }
}

/// True when a number is followed by `.digits`, as in a date 19.06.2024.
fn followed_by_date_part(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    rest.starts_with('.') && rest[1..].starts_with(|c: char| c.is_ascii_digit())
}

/// English month-day order (June 19, juin 19), a month with an article but no day (le juin,
/// du septembre, for "in June", "of September"), English clock times (4pm, 10 a.m.) and
/// English time zones after a time (20 h 15 BST, 9 h ET).
fn dates(analysis: &Analysis, recorder: &mut Recorder) {
    let text = analysis.text;
    let tokens = &analysis.tokens;
    for (i, token) in tokens.iter().enumerate() {
        let word = token.text(text);
        let next = tokens.get(i + 1);
        // Only spaces between: "Début août, 5 hectares ont brûlé" is no date. The number is
        // tested first: it rules out almost every pair.
        let next_is_day = next.is_some_and(|n| {
            n.is_number()
                && n.norm.len() <= 2
                && n.norm.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
                && analysis.adjacent(i, i + 1)
        });
        let previous_is_number = i > 0 && tokens[i - 1].is_number();
        if next_is_day
            && !previous_is_number
            && !counts_after_month(analysis, i + 1)
            && !after_tweet_author(text, token.start)
        {
            let end = next.map_or(token.end, |n| n.end);
            if ENGLISH_MONTHS.contains(&word) {
                recorder.hit(Feature::EnglishDate, token.start, end, "French: 19 juin");
            } else if FRENCH_MONTHS.contains(&token.norm.as_str()) {
                recorder.hit(
                    Feature::EnglishDate,
                    token.start,
                    end,
                    "French order: 19 juin",
                );
            }
        }
        let bare_month = next.filter(|n| {
            n.sentence == token.sentence
                && matches!(token.norm.as_str(), "au" | "du" | "le" | "un")
                && FRENCH_MONTHS.contains(&n.norm.as_str())
                && n.text(text).starts_with(char::is_lowercase)
        });
        if let Some(month) = bare_month {
            recorder.hit(
                Feature::EnglishDate,
                token.start,
                month.end,
                "French: en juin, or le 19 juin with the day",
            );
        }
        if english_clock(&token.norm) {
            recorder.hit(Feature::EnglishDate, token.start, token.end, "French: 16 h");
        }
        // Most words stop at the length and capitals test.
        let time_zone = (2..=4).contains(&word.len())
            && word.bytes().all(|b| b.is_ascii_uppercase())
            && ENGLISH_TIME_ZONES.contains(&word)
            && i > 0
            && tokens[i - 1].sentence == token.sentence
            && (tokens[i - 1]
                .text(text)
                .contains(|c: char| c.is_ascii_digit())
                || matches!(tokens[i - 1].norm.as_str(), "h" | "am" | "pm" | "m"));
        if time_zone {
            recorder.hit(
                Feature::EnglishDate,
                token.start,
                token.end,
                "French: heure de New York, de Londres…",
            );
        }
        // A clock time in four digits before GMT or UTC (0025 GMT), as English wire copy
        // writes it.
        let wire_clock = token.is_number()
            && token.norm.len() == 4
            && four_digit_clock(&token.norm)
            && next.is_some_and(|n| {
                matches!(n.text(text), "GMT" | "UTC") && analysis.adjacent(i, i + 1)
            });
        if wire_clock {
            let end = next.map_or(token.end, |n| n.end);
            recorder.hit(
                Feature::EnglishDate,
                token.start,
                end,
                "French: 00 h 25 GMT",
            );
        }
        if token.is_number()
            && next.is_some_and(|n| matches!(n.norm.as_str(), "am" | "pm" | "a" | "p"))
        {
            let n = &tokens[i + 1];
            let after = &text[n.end..];
            let dotted = matches!(n.norm.as_str(), "a" | "p") && after.starts_with(".m.");
            let plain = matches!(n.norm.as_str(), "am" | "pm");
            if dotted || plain {
                let end = if dotted { n.end + 3 } else { n.end };
                recorder.hit(Feature::EnglishDate, token.start, end, "French: 16 h");
            }
        }
    }
}

/// True for an hour written the English way, glued to am or pm (4pm, 10am). The first digit
/// is asked first: it rules out almost every word.
fn english_clock(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word
            .strip_suffix("am")
            .or_else(|| word.strip_suffix("pm"))
            .is_some_and(|hours| hours.bytes().all(|b| b.is_ascii_digit()))
}

/// True for four digits that read as a time of day, hours then minutes (0025, 1430, 2359).
fn four_digit_clock(digits: &str) -> bool {
    digits.bytes().all(|b| b.is_ascii_digit())
        && digits[..2].parse::<u8>().is_ok_and(|hours| hours <= 23)
        && digits[2..].parse::<u8>().is_ok_and(|minutes| minutes <= 59)
}

/// Headlines in English Title Case: most words after the first capitalised, including
/// ordinary French words that French never capitalises.
fn title_case(analysis: &Analysis, recorder: &mut Recorder) {
    let text = analysis.text;
    let tokens = &analysis.tokens;
    if analysis.sentences.len() > 2 {
        return;
    }
    // A title leaves at most seven of its words after the first in lowercase (see
    // [`title_cased`]), and at most three words come before those: eleven lowercase words rule a
    // paragraph out, most of them within their first words, before any word is read twice.
    let word = |t: &Token| t.is_alphabetic() && !t.norm.ends_with('\'');
    let lowercase = tokens
        .iter()
        .filter(|t| word(t) && !t.is_capitalized())
        .nth(10);
    if lowercase.is_some() {
        return;
    }
    // One word past the limit is enough to rule a paragraph out. Words in capitals
    // (BALADES À VÉLO) are shouted or acronyms, not Title Case.
    let words: Vec<usize> = (0..tokens.len())
        .filter(|&i| word(&tokens[i]))
        .filter(|&i| !in_capitals(tokens[i].text(text)))
        .take(26)
        .collect();
    if words.len() > 25 {
        return;
    }
    // A label of one or two words before a colon or a comma (Essais : Pierre Le Blanc, New
    // York : …, a byline's name: Marie Tremblay, La Presse Canadienne) is no part of the title.
    let label = (1..words.len().min(3))
        .find(|&k| text[tokens[words[k - 1]].end..tokens[words[k]].start].contains([':', ',']))
        .unwrap_or(0);
    let title = &words[label..];
    // A byline (Par Marie Tremblay - Le 07/05/2023) names its author and date, in capitals.
    let byline = words
        .first()
        .is_some_and(|&i| tokens[i].text(text) == "Par")
        && words.get(1).is_some_and(|&i| tokens[i].is_capitalized());
    // Two commas between its words make a list of names (Les Abymes, Le Gosier, Goyave, Le
    // Moule…), not a title.
    let list = |title: &[usize]| {
        text[tokens[title[0]].start..tokens[title[title.len() - 1]].end]
            .matches(", ")
            .nth(1)
            .is_some()
    };
    if title.len() >= 4 && !byline && !list(title) && title_cased(analysis, title) {
        recorder.hit(
            Feature::TitleCase,
            tokens[title[0]].start,
            tokens[title[title.len() - 1]].end,
            "French capitalises only the first word of a title",
        );
        recorder.set(Feature::TitleCase, 1.0);
    }
}

/// True when the text before byte `at` ends with an account name in brackets: the signature
/// of a tweet quoted in a page (— Jean Dupont (@jdupont) October 3, 2017), whose date stays
/// in the tweet's own language.
/// True when the number at token `k`, after a month, is a quantity and not a day: a share
/// (fin novembre 30 % des trains) or the first group of a spaced figure (en mars 12 000
/// visiteurs).
fn counts_after_month(analysis: &Analysis, k: usize) -> bool {
    let tokens = &analysis.tokens;
    analysis.text[tokens[k].end..].trim_start().starts_with('%')
        || tokens.get(k + 1).is_some_and(|next| {
            next.is_number() && next.norm.len() == 3 && analysis.adjacent(k, k + 1)
        })
}

fn after_tweet_author(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    before.ends_with(')')
        && before
            .rfind('(')
            .is_some_and(|open| before[open + 1..].starts_with('@'))
}

/// True when most words of a title after its first are capitalised, two of them at least
/// ordinary words and one a grammatical word.
fn title_cased(analysis: &Analysis, words: &[usize]) -> bool {
    let text = analysis.text;
    let tokens = &analysis.tokens;
    // Ordinary words: frequent nouns and adjectives of the word lists, and the grammatical
    // words French never capitalises inside a title. A frequent word outside both is most
    // often a place or a person (Nice, Lens, Lille in a list of results), which wordfreq
    // counts under its lowercase form.
    let (mut capitalised, mut common_words, mut grammatical) = (0, 0, 0);
    for &i in &words[1..] {
        let token = &tokens[i];
        if !token.is_capitalized() {
            continue;
        }
        capitalised += 1;
        let grammatical_word = TITLE_GRAMMATICAL_WORDS.contains(&token.norm.as_str());
        grammatical += usize::from(grammatical_word);
        let info = &analysis.words[i];
        let raw = token.text(text);
        let common = raw.chars().skip(1).all(|c| !c.is_uppercase())
            && info.fr_zipf >= 4.0
            && (info.gender.is_some() || info.adjective_gender.is_some() || grammatical_word)
            && LEXICONS.names.entries.iter().all(|e| e.columns[1] != raw);
        common_words += usize::from(common);
    }
    capitalised * 10 >= (words.len() - 1) * 7 && common_words >= 2 && grammatical >= 1
}

#[cfg(test)]
mod tests {
    use crate::features::tests::matches_of as typography;

    /// Numbers written the English way: English formats, then decimal points.
    fn numbers(text: &str) -> Vec<String> {
        let mut spans = typography(text, "english_number");
        spans.extend(typography(text, "english_decimal"));
        spans
    }

    #[test]
    fn straight_quotes_and_comma_inside() {
        let text = "Il a exprimé son \"plein appui au gouvernement,\" selon l'agence.";
        assert_eq!(
            typography(text, "straight_quotes"),
            vec!["\"plein appui au gouvernement,\""]
        );
        assert_eq!(typography(text, "punctuation_inside_quote"), vec![",\""]);
    }

    #[test]
    fn period_inside_straight_quote_at_the_end() {
        let text = "Il parle d'une relation fondée sur \"l'égalité et le respect mutuel.\"";
        assert_eq!(typography(text, "period_inside_quote"), vec![".\""]);
    }

    #[test]
    fn period_inside_a_quoted_sentence_is_french() {
        // A whole sentence quoted keeps its period inside, in straight quotes too; a fragment
        // does not.
        let text = "\"Nous ouvrirons trois classes.\" Le recteur l'a confirmé. Il a dit \
                    \"Nous verrons.\"";
        assert!(typography(text, "period_inside_quote").is_empty());
        let text = "Il juge la mesure \"inacceptable.\" Puis il part.";
        assert_eq!(typography(text, "period_inside_quote"), vec![".\""]);
        // Typed in lowercase after a colon, the quotation still holds whole sentences.
        let text = "Le maire a prévenu : \"les routes sont fermées. Restez chez vous.\" Puis \
                    il a ajouté : \"la crue monte (...) Nous vous tiendrons informés.\"";
        assert!(typography(text, "period_inside_quote").is_empty());
        let text = "Il parle d'un projet \"bien trop cher... et inutile.\" Puis il part.";
        assert_eq!(typography(text, "period_inside_quote"), vec![".\""]);
        // An ellipsis may close a quotation: it is no English period.
        let text = "Il dit qu'\"il restera détenu longtemps...\" avant de conclure. Puis \
                    il ajoute que \"tout reste possible...\"";
        assert!(typography(text, "period_inside_quote").is_empty());
        // A colon introduces a quoted sentence, whatever its first letter.
        let text = "Et la chercheuse d'ajouter : \"la méthode est ancienne mais fiable.\" Puis \
                    elle repart. Elle précise: “le relevé se fait en mai.” C'est tout.";
        assert!(typography(text, "period_inside_quote").is_empty());
        // A quoted sentence an incise interrupts closes with its period inside the second part.
        let text = "\"Le chantier a pris du retard\", a reconnu le maire, \"mais la salle \
                    ouvrira en mars.\" Les travaux ont repris.";
        assert!(typography(text, "period_inside_quote").is_empty());
        // Not after a fragment, nor after a sentence end or a long aside.
        let text = "Il juge la mesure \"injuste\", puis la dit \"coûteuse.\" Il part.";
        assert_eq!(typography(text, "period_inside_quote"), vec![".\""]);
        let text = "\"Le chantier a pris du retard\", a reconnu le maire lors du conseil \
                    municipal réuni hier soir, \"mais pas trop.\" Il part.";
        assert_eq!(typography(text, "period_inside_quote"), vec![".\""]);
    }

    #[test]
    fn a_number_sign_spaced_from_its_n() {
        let text = "La chanson entre au n ° 1 du classement, devant le N ° 2.";
        assert_eq!(typography(text, "english_number"), vec!["n °", "N °"]);
        let text = "L'arrêté n° 2015-12 et l'amendement n°500, à 20 °C.";
        assert!(typography(text, "english_number").is_empty());
    }

    #[test]
    fn the_number_placeholder_of_machine_translation() {
        let text = "La production a baissé de XNUMX % depuis novembre XNUMX.";
        assert_eq!(typography(text, "english_number"), vec!["XNUMX", "XNUMX"]);
        assert!(typography("Le code xnumx du fichier.", "english_number").is_empty());
    }

    #[test]
    fn a_full_stop_inside_a_sentence() {
        let text = "Les pays riches financeront la lutte contre le réchauffement du climat. \
                    crise, un montant jugé trop faible par les ONG.";
        assert_eq!(typography(text, "link_seam"), vec!["climat. crise"]);
        let text = "Le budget a été voté en juillet. et août. Ensuite, plus rien.";
        assert_eq!(typography(text, "link_seam"), vec!["juillet. et"]);
        let text = "Selon un décompte de . mercredi, les cas augmentent, selon la carte de , \
                    publiée à 10 h et reprise par 2 , 3 sites.";
        assert_eq!(typography(text, "link_seam"), vec!["de .", "de ,"]);
        let text = "Il a signé, rapporte un journaliste de .. Le club confirme.";
        assert_eq!(typography(text, "link_seam"), vec!["de ."]);
    }

    #[test]
    fn full_stops_of_abbreviations_addresses_and_credits() {
        for text in [
            "Les fruits, les légumes, etc. sont en hausse.",
            "Le billet coûte 70 fr. par personne et par jour.",
            "Voir la fiche, p. ex. celle du ministère.",
            "Les résultats sont en ligne. lemonde.fr a publié la carte.",
            "Voici notre vidéo. pic.twitter.com/abc",
            "Il a terminé la course au dernier tour. dpa",
            "Tout s'est joué au dernier tour. Hamilton a fini deuxième.",
            "Il sortira début novembre. iOS 11 fonctionnera sur les anciens modèles.",
            "Le fichier est en ligne. wget le télécharge en une commande.",
            "Il lance le logiciel en mode hébreu, c.-à-d. avec les options voulues.",
            // A mark that joins the full stop to the next word (found by fuzzing).
            "Il l'a dit au final.\u{732} et la suite suit.",
            "Le stade compte 40 000 places. 12 000 sont déjà vendues.",
            "Des loyers de 1 500 à ... 9 000 euros, selon l'heure de ...",
        ] {
            assert!(typography(text, "link_seam").is_empty(), "{text}");
        }
    }

    #[test]
    fn a_quotation_closed_with_an_opening_guillemet() {
        let text = "Il a lancé « rentrez chez vous« , puis il est parti.";
        assert_eq!(typography(text, "punctuation_inside_quote"), vec!["«"]);
        let text = "Le titre du disque, « Night Drive«.";
        assert_eq!(typography(text, "punctuation_inside_quote"), vec!["«"]);
        let text = "Il chante sur« Toujours là » ce soir.";
        assert!(typography(text, "punctuation_inside_quote").is_empty());
    }

    #[test]
    fn french_quotes_are_fine() {
        let text = "« Nous resterons », a-t-il dit. Puis : « C'est fini. »";
        assert!(typography(text, "straight_quotes").is_empty());
        assert!(typography(text, "punctuation_inside_quote").is_empty());
        assert!(typography(text, "no_space_before_punctuation").is_empty());
    }

    #[test]
    fn missing_space_before_colon_but_not_in_times_or_urls() {
        let text = "Il a dit: non. Rendez-vous à 10:30 sur https://exemple.fr !";
        assert_eq!(typography(text, "no_space_before_punctuation"), vec!["t:"]);
    }

    #[test]
    fn imperial_units() {
        let text = "Il roulait à 130mph, mesure 5ft 10in et pèse 200 lbs ; le pont fait 50 ft.";
        assert_eq!(
            typography(text, "english_number"),
            vec!["130mph", "5ft", "10in", "200 lbs", "50 ft"]
        );
        assert!(typography("Selon le FT, 12 in 2024 et 3 mètres.", "english_number").is_empty());
        let text = "Il fera 90°F à Dallas, 105 ° F à Phoenix et 115 degrés Fahrenheit à Las Vegas.";
        assert_eq!(
            typography(text, "english_number"),
            vec!["90°F", "105 ° F", "115 degrés Fahrenheit"]
        );
        let text = "Il fera 32 °C, soit 4 F de plus qu'hier, et 20 degrés dans la nuit.";
        assert!(typography(text, "english_number").is_empty());
        let text = "L'ouragan est à 200 miles de la côte, la vague fait 40 pieds, l'essence \
                    coûte 4 dollars les 3 gallons.";
        assert_eq!(
            typography(text, "english_number"),
            vec!["200 miles", "40 pieds", "3 gallons"]
        );
        let text = "Un 3 pièces de 900 pieds carrés ; le voilier est à 28 milles du leader, \
                    à 20 milles nautiques de l'arrivée, chargé de conteneurs 20 pieds et de \
                    conteneurs de 40 pieds.";
        assert!(typography(text, "english_number").is_empty());
    }

    #[test]
    fn english_numbers_dates_and_currency() {
        let text = "Le 3 mai, 1,500 manifestants ont réclamé 3.5 % de hausse, soit $5 millions, June 19 à 4pm.";
        assert_eq!(typography(text, "english_number"), vec!["1,500"]);
        assert_eq!(typography(text, "english_decimal"), vec!["3.5"]);
        assert_eq!(typography(text, "english_date"), vec!["June 19", "4pm"]);
        assert_eq!(typography(text, "currency_prefix"), vec!["$5"]);
    }

    #[test]
    fn a_quotation_opened_and_closed_with_different_marks() {
        let text = "Il a dit « je reviendrai” puis “tout ira bien », selon l'agence.";
        assert_eq!(
            typography(text, "punctuation_inside_quote"),
            vec!["« je reviendrai”", "“tout ira bien »"]
        );
        let text =
            "Elle raconte : « Ils m'ont dit “c'est simple”, puis sont partis. » “Bien” reste.";
        assert!(typography(text, "punctuation_inside_quote").is_empty());
    }

    #[test]
    fn thousands_with_a_space_after_the_comma() {
        let text = "Environ 4, 000 habitants ont fui et 12, 500 acres ont brûlé.";
        assert_eq!(
            typography(text, "english_number"),
            vec!["4, 000", "12, 500"]
        );
        let text = "Le 14, 120 policiers étaient là ; samedi 3, 250 gendarmes. Les numéros \
                    7, 100 et 200, puis 5, 10, 150, 300 ou 12, 500, 600 ; enfin 1, 000.5 et 0, 250.";
        assert!(typography(text, "english_number").is_empty());
    }

    #[test]
    fn english_time_zones_after_a_time() {
        let text = "Le match débute à 20 h 15 BST, la conférence à 9 h ET et le vote à 18h00 EST.";
        assert_eq!(typography(text, "english_date"), vec!["BST", "ET", "EST"]);
        let text =
            "Départ à 13 h GMT, soit 15 h à Paris, 9 h HE à Montréal ; il EST parti, ET alors.";
        assert!(typography(text, "english_date").is_empty());
    }

    #[test]
    fn wire_copy_clock_times_in_four_digits() {
        let text = "Le titre cédait 2,1 % à 0025 GMT et la livre montait à 1430 UTC.";
        assert_eq!(
            typography(text, "english_date"),
            vec!["0025 GMT", "1430 UTC"]
        );
        let text = "À 00 h 25 GMT, 2 500 GMT de la marine, soit 1875 GMT de plus qu'en 2000.";
        assert!(typography(text, "english_date").is_empty());
    }

    #[test]
    fn a_month_before_a_quantity_is_no_date() {
        let text = "Depuis début novembre 30 % des TGV roulent ; fin mars 12 000 visiteurs, \
                    en juin 4% de hausse.";
        assert!(typography(text, "english_date").is_empty());
        let text = "Le vote prévu novembre 30 est reporté, comme juin 4 où 200 élus manquaient.";
        assert_eq!(
            typography(text, "english_date"),
            vec!["novembre 30", "juin 4"]
        );
    }

    #[test]
    fn months_with_an_article_but_no_day() {
        let text = "Élu le juin, il a quitté les élections du septembre et un décembre 2011.";
        assert_eq!(
            typography(text, "english_date"),
            vec!["le juin", "du septembre", "un décembre"]
        );
        let text = "Le 3 juin, en juillet, au mois d'août, depuis Mai 68 et le 1er septembre.";
        assert!(typography(text, "english_date").is_empty());
        // A quoted tweet's signature keeps the tweet's date.
        let text = "Le texte est adopté. — Jean Dupont (@jdupont) October 3, 2017";
        assert!(typography(text, "english_date").is_empty());
    }

    #[test]
    fn french_numbers_and_dates_are_fine() {
        let text = "Le 19 juin 2024, 1 500 personnes ont payé 3,5 millions d'euros, soit 12 € chacune, à 16 h 30.";
        assert!(numbers(text).is_empty());
        let text = "Après le 49.3, l'article 5.1 du traité et l'alinéa 2.3 restent en vigueur.";
        assert!(numbers(text).is_empty());
        let text = "La version 2.1 du logiciel et le patch 1.4 du jeu sortent jeudi.";
        assert!(numbers(text).is_empty());
        // Decimals with three digits: before million or milliard, and after a zero.
        let text = "Les échanges ont porté sur 2,387 milliards d'euros (1,031 md de plus), et le \
                    taux sur 0,125 %.";
        assert!(numbers(text).is_empty());
        assert_eq!(
            typography("Loin des 1,300 milliards demandés.", "english_number"),
            vec!["1,300"]
        );
        // Before million or milliard in the singular, a figure to the thousand is a decimal.
        let text = "Environ 1,550 million d'électeurs ont voté, et 1,200 milliard a été versé.";
        assert!(numbers(text).is_empty());
        assert_eq!(
            typography("Le rachat se monte à 1,360 millions.", "english_number"),
            vec!["1,360"]
        );
        // And before a per cent sign or a unit, where English thousands are round figures.
        let text =
            "La taxe monte à 2,375 %, le parcours fait 21,097 kilomètres et le taux 1,845 ppm.";
        assert!(numbers(text).is_empty());
        assert_eq!(
            typography("Une frontière de 1,500 kilomètres.", "english_number"),
            vec!["1,500"]
        );
        // Prices with three decimals: fuel, shares; a currency in the singular is under two.
        let text = "Le gazole est à 1,879 € puis 1,850 euro le litre ; l'action finit à 34,085 \
                    euros et le bébé pèse 3,275 kilos.";
        assert!(numbers(text).is_empty());
        assert_eq!(
            typography("Il a versé 1,500 euros, puis 2,000 €.", "english_number"),
            vec!["1,500", "2,000"]
        );
        // A fair's halls and a cartridge's calibre are numbered with points.
        let text = "Le stand est au hall 5.2, près du pavillon 7.1 ; l'arme est de calibre 7.62.";
        assert!(numbers(text).is_empty());
        // Numbers French writes with points too: headings, versions, apertures, rules.
        let text = "2.1 Présentation du projet : le téléphone passe à MagicOS 8.1, puis à iOS \
                    18.2, son objectif ouvre à f/2.4 et la règle 4.2 s'applique.";
        assert!(numbers(text).is_empty());
        // A point before million or milliard is a French web habit too; before % it is not.
        assert_eq!(
            numbers("Le groupe a vendu 3.5 millions d'appareils, 2.5 % de plus."),
            vec!["2.5"]
        );
        assert!(typography(text, "english_date").is_empty());
        assert!(typography(text, "currency_prefix").is_empty());
        // A month, a comma, then a number that starts the next clause.
        let text = "Fin juillet, 12 communes étaient touchées ; début août, 5 hectares ont brûlé.";
        assert!(typography(text, "english_date").is_empty());
    }

    #[test]
    fn currency_signs_among_other_accented_letters() {
        // £ and € end in bytes that also end other letters (ã, ¬): only the signs count.
        let text = "Il a payé £3, puis € 10 ; la façade coûte 5 € et ã€ reste, ¬ 4 aussi, et 2€50.";
        assert_eq!(typography(text, "currency_prefix"), vec!["£3", "€ 10"]);
    }

    #[test]
    fn title_case_headline() {
        assert_eq!(
            typography(
                "Le Président Annonce Une Nouvelle Réforme Des Retraites",
                "title_case"
            )
            .len(),
            1
        );
        assert!(typography(
            "Vladimir Poutine et Kim Jong-un en visite à Pyongyang",
            "title_case"
        )
        .is_empty());
        // A byline: a name before a comma, then an agency.
        assert!(typography("Thomas Durand, La Presse Canadienne", "title_case").is_empty());
        assert!(typography("Par Julien Morel - Le 12/03/2024", "title_case").is_empty());
        // Words in capitals are not Title Case.
        assert!(typography("Le guide : BALADES À VÉLO : Se préparer", "title_case").is_empty());
        // A short label before a colon is not part of a title; a title after it still is.
        assert!(typography("Essais : Pierre Le Blanc (12e, 40e)", "title_case").is_empty());
        assert_eq!(
            typography(
                "Retraites : Le Président Annonce Une Nouvelle Réforme Des Retraites",
                "title_case"
            ),
            vec!["Le Président Annonce Une Nouvelle Réforme Des Retraites"]
        );
        // Places are capitalised, and frequent once lowercased (Nice, Lens).
        assert!(typography(
            "Ligue 1, 27e journée : Paris - Lens 3-1 ; Nice - Rennes 0-0 ; Lille - Nantes 2-2",
            "title_case"
        )
        .is_empty());
        // A list of places is no title, even when some of them are ordinary words.
        assert!(typography(
            "Le Moule, La Source, Le Gosier, Sainte-Rose, Les Abymes et Baie-Mahault le 3 juin",
            "title_case"
        )
        .is_empty());
    }

    #[test]
    fn english_honorifics() {
        assert_eq!(
            typography("Selon Mr Dupont, tout va bien.", "english_honorific"),
            vec!["Mr"]
        );
        assert_eq!(
            typography(
                "Il a été reçu par le Président Barack Obama et le Général Alexander.",
                "english_honorific"
            ),
            vec!["Président Barack", "Général Alexander"]
        );
        let french = "Le Président de la République et le président Obama ; Président Obama.";
        assert!(typography(french, "english_honorific").is_empty());
    }
}
