//! `calque synth`: makes more badly translated paragraphs from clean ones, by controlled and
//! seeded corruptions of the kinds machine translation leaves: English spellings of names,
//! English words for their French equivalents, calques, English typography, grammar slips, an
//! untranslated English sentence, page-template text, a full stop that cuts a sentence. Every
//! corrupted paragraph also loses the turns of phrase only French writing uses (notamment →
//! en particulier) and takes the turns machine translation favours (toutefois → cependant), as
//! machine translation does.
//!
//! It also makes label-0 copies of clean paragraphs typed the way people type French on the
//! web (straight quotes and apostrophes, no space before : ; ! ?), so that the model learns
//! typography is a weak sign on its own.
//!
//! Every generated row keeps the `pair` of the clean row it comes from, so cross-validation
//! never puts a paragraph and its corrupted copy on both sides of a fold. The random numbers
//! come from [`crate::rng`], so the same seed gives the same corpus.

use std::io::Write;
use std::path::PathBuf;

use crate::csv_lines::{record_line, LfReader};
use crate::dataset::expand_csv_paths;
use crate::error::{Error, Result};
use crate::features::reporting::present_reporting;
use crate::lexicon::{Gender, LEXICONS};
use crate::rng::Rng;
use crate::segment::{sentences, tokens, Token};

/// One kind of corruption.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corruption {
    /// A French name form replaced by its English spelling (Poutine → Putin).
    EnglishName,
    /// A French word replaced by the English word it translates (hier → yesterday).
    EnglishWord,
    /// A French phrasing replaced by the calque of its English source.
    Calque,
    /// « » → straight quotes with the comma inside, no space before : ; ! ?, 1,500, 3.5.
    Typography,
    /// Elision, gender (of a determiner or an adjective) or auxiliary slips, or every
    /// apostrophe cut off by spaces as a translation pipeline leaves it (l ' État).
    Grammar,
    /// A French word given an English ending, as MT leaves half-translated words
    /// (gouvernement → gouvernment, sécurité → sécurity).
    HalfTranslated,
    /// An untranslated English sentence appended.
    EnglishSentence,
    /// English page-template text appended.
    Interface,
    /// A full stop between two lowercase words, where MT cut a sentence at a link (le
    /// climat. crise).
    StrayFullStop,
}

const ALL: &[Corruption] = &[
    Corruption::EnglishName,
    Corruption::EnglishWord,
    Corruption::Calque,
    Corruption::Typography,
    Corruption::Grammar,
    Corruption::HalfTranslated,
    Corruption::EnglishSentence,
    Corruption::Interface,
    Corruption::StrayFullStop,
];

impl Corruption {
    /// The `kind` written for rows whose first corruption is this one.
    pub fn kind(self) -> &'static str {
        match self {
            Corruption::EnglishName => "generated-name",
            Corruption::EnglishWord => "generated-english-word",
            Corruption::Calque => "generated-calque",
            Corruption::Typography => "generated-typography",
            Corruption::Grammar => "generated-grammar",
            Corruption::HalfTranslated => "generated-half-translated",
            Corruption::EnglishSentence => "generated-english-sentence",
            Corruption::Interface => "generated-interface",
            Corruption::StrayFullStop => "generated-stray-full-stop",
        }
    }
}

/// French word endings and the English endings half-translated words take.
const ENGLISH_ENDINGS: &[(&str, &str)] = &[
    ("aire", "ary"),
    ("aires", "aries"),
    ("ement", "ment"),
    ("ements", "ments"),
    ("eur", "or"),
    ("eurs", "ors"),
    ("ique", "ic"),
    ("iques", "ics"),
    ("isme", "ism"),
    ("ité", "ity"),
    ("ités", "ities"),
];

/// Replaces the byte span `start..end` of `text`.
fn splice(text: &str, start: usize, end: usize, with: &str) -> String {
    format!("{}{}{}", &text[..start], with, &text[end..])
}

/// The text with its first letter in capitals.
fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Keeps the capital of the replaced word.
fn match_case(original: &str, replacement: &str) -> String {
    if original.starts_with(char::is_uppercase) {
        capitalize(replacement)
    } else {
        replacement.to_string()
    }
}

/// Applies one corruption; `None` when the paragraph offers no place for it.
fn apply(corruption: Corruption, text: &str, rng: &mut Rng) -> Option<String> {
    let spans = sentences(text);
    let toks = tokens(text, &spans);
    match corruption {
        Corruption::EnglishName => {
            let lex = &LEXICONS.names;
            let found = LEXICONS.french_names.find(text, &toks);
            let pick = found.get(rng.below(found.len()))?;
            let english = lex.entries[pick.entry].columns[0];
            Some(splice(
                text,
                toks[pick.first].start,
                toks[pick.last].end,
                english,
            ))
        }
        Corruption::EnglishWord => {
            let lex = &LEXICONS.anglicisms;
            let candidates: Vec<(usize, &str)> = toks
                .iter()
                .enumerate()
                .filter_map(|(i, t)| {
                    lex.entries
                        .iter()
                        .find(|e| {
                            e.columns[2] == "english"
                                && !e.columns[0].contains(' ')
                                && e.columns[1].split(" / ").next() == Some(t.norm.as_str())
                        })
                        .map(|e| (i, e.columns[0]))
                })
                .collect();
            let (i, english) = *candidates.get(rng.below(candidates.len()))?;
            let t = &toks[i];
            Some(splice(
                text,
                t.start,
                t.end,
                &match_case(t.text(text), english),
            ))
        }
        Corruption::Calque => {
            let lower = text.to_lowercase();
            let candidates: Vec<(usize, &str, &str)> = LEXICONS
                .calques
                .entries
                .iter()
                .filter(|e| {
                    e.columns[0]
                        .split(' ')
                        .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '\''))
                })
                .filter_map(|e| {
                    let french = e.columns[2].split(" / ").next()?;
                    lower
                        .find(&format!(" {french} "))
                        .map(|at| (at + 1, french, e.columns[0]))
                })
                .collect();
            let &(at, french, calque) = candidates.get(rng.below(candidates.len()))?;
            (lower.len() == text.len()).then(|| splice(text, at, at + french.len(), calque))
        }
        Corruption::Typography => {
            let out = human_typography(text)
                .unwrap_or_else(|| text.to_string())
                .replace("\", ", ",\" ")
                .replace("\". ", ".\" ");
            (out != text).then_some(out)
        }
        Corruption::Grammar => {
            let mut places: Vec<(usize, usize, String)> = toks
                .windows(2)
                .filter_map(|w| {
                    let (a, b) = (&w[0], &w[1]);
                    match a.norm.as_str() {
                        "l'" if b.norm.starts_with(['a', 'e', 'i', 'o', 'u', 'é']) => {
                            let gender = LEXICONS.words.gender(&b.norm)?;
                            let article = match gender {
                                crate::lexicon::Gender::Feminine => "la",
                                crate::lexicon::Gender::Masculine => "le",
                            };
                            Some((
                                a.start,
                                b.end,
                                format!("{} {}", match_case(a.text(text), article), b.text(text)),
                            ))
                        }
                        "une" | "un" => {
                            let gender = LEXICONS.words.gender(&b.norm)?;
                            let swapped = match gender {
                                crate::lexicon::Gender::Feminine if a.norm == "une" => "un",
                                crate::lexicon::Gender::Masculine if a.norm == "un" => "une",
                                _ => return None,
                            };
                            Some((
                                a.start,
                                b.end,
                                format!("{} {}", match_case(a.text(text), swapped), b.text(text)),
                            ))
                        }
                        "cet" | "son" | "mon" | "ce"
                            if b.text(text).starts_with(char::is_lowercase) =>
                        {
                            let gender = LEXICONS.words.gender(&b.norm)?;
                            let vowel = b.norm.starts_with(['a', 'e', 'i', 'o', 'u', 'é']);
                            let wrong = match (a.norm.as_str(), gender, vowel) {
                                ("cet", crate::lexicon::Gender::Masculine, true) => "ce",
                                ("ce", crate::lexicon::Gender::Masculine, false)
                                    if !b.norm.starts_with('h') =>
                                {
                                    "cet"
                                }
                                ("son", crate::lexicon::Gender::Feminine, true) => "sa",
                                ("mon", crate::lexicon::Gender::Feminine, true) => "ma",
                                _ => return None,
                            };
                            Some((
                                a.start,
                                b.end,
                                format!("{} {}", match_case(a.text(text), wrong), b.text(text)),
                            ))
                        }
                        "sont" if b.norm.starts_with("arrivé") || b.norm.starts_with("venu") => {
                            Some((
                                a.start,
                                b.end,
                                format!("ont {}", b.text(text).trim_end_matches(['e', 's'])),
                            ))
                        }
                        _ => None,
                    }
                })
                .collect();
            places.extend(masculine_adjectives(text, &toks));
            places.extend(detached_apostrophes(text, &toks).map(|spaced| (0, text.len(), spaced)));
            let (start, end, with) = places.get(rng.below(places.len()))?.clone();
            Some(splice(text, start, end, &with))
        }
        Corruption::HalfTranslated => {
            let places: Vec<(usize, String)> = toks
                .iter()
                .enumerate()
                .filter(|(_, t)| t.is_alphabetic() && t.text(text).starts_with(char::is_lowercase))
                .filter_map(|(i, t)| {
                    let (french, english) =
                        ENGLISH_ENDINGS.iter().find(|(f, _)| t.norm.ends_with(f))?;
                    let stem = &t.norm[..t.norm.len() - french.len()];
                    let word = format!("{stem}{english}");
                    (stem.chars().count() >= 4 && !LEXICONS.words.is_french(&word))
                        .then_some((i, word))
                })
                .collect();
            let (i, word) = places.get(rng.below(places.len()))?;
            Some(splice(text, toks[*i].start, toks[*i].end, word))
        }
        Corruption::EnglishSentence => {
            let sentences = &LEXICONS.synth_english;
            let sentence = sentences.get(rng.below(sentences.len()))?;
            Some(format!("{} {}", text.trim_end(), sentence))
        }
        Corruption::Interface => {
            let entries = &LEXICONS.interface.entries;
            let phrase = entries.get(rng.below(entries.len()))?.columns[0];
            if phrase.contains(['|', '#']) {
                return None;
            }
            Some(format!("{} {}", text.trim_end(), capitalize(phrase)))
        }
        Corruption::StrayFullStop => {
            let places: Vec<usize> = toks
                .windows(3)
                .filter(|w| {
                    &text[w[0].end..w[1].start] == " "
                        && w[0].is_lowercase_word(text)
                        && w[1].is_lowercase_word(text)
                        && LEXICONS.words.is_french(&w[1].norm)
                })
                .map(|w| w[0].end)
                .collect();
            let &at = places.get(rng.below(places.len()))?;
            Some(splice(text, at, at, "."))
        }
    }
}

/// Feminine endings of adjectives and the masculine endings they come from, longest first.
const FEMININE_ENDINGS: &[(&str, &str)] = &[
    ("euse", "eux"),
    ("elle", "el"),
    ("enne", "en"),
    ("ette", "et"),
    ("ique", "ic"),
    ("ive", "if"),
    ("ère", "er"),
    ("gue", "g"),
    ("sse", "s"),
    ("che", "c"),
    ("que", "c"),
    ("e", ""),
];

/// The masculine form of a feminine singular adjective, when the word list knows it as one.
fn masculine_of(feminine: &str) -> Option<String> {
    FEMININE_ENDINGS.iter().find_map(|(ending, masculine)| {
        let stem = feminine.strip_suffix(ending)?;
        let form = format!("{stem}{masculine}");
        (LEXICONS.words.get(&form)?.adjective_gender == Some(Gender::Masculine)).then_some(form)
    })
}

/// Places where a feminine determiner, noun and adjective follow each other, with the
/// adjective put in the masculine, as MT does when it loses the noun's gender (une décision
/// définitive → une décision définitif).
fn masculine_adjectives(text: &str, toks: &[Token]) -> Vec<(usize, usize, String)> {
    toks.windows(3)
        .filter_map(|w| {
            let (determiner, noun, adjective) = (&w[0], &w[1], &w[2]);
            let info = |t: &Token| LEXICONS.words.get(&t.norm);
            let lowercase = adjective.text(text).starts_with(char::is_lowercase);
            if !matches!(
                determiner.norm.as_str(),
                "la" | "une" | "cette" | "sa" | "ma"
            ) || info(noun)?.gender != Some(Gender::Feminine)
                || info(adjective)?.adjective_gender != Some(Gender::Feminine)
                || !lowercase
                || !text[noun.end..adjective.start].trim().is_empty()
            {
                return None;
            }
            Some((
                adjective.start,
                adjective.end,
                masculine_of(&adjective.norm)?,
            ))
        })
        .collect()
}

/// The paragraph with every elided word cut off from the next by spaces around its
/// apostrophe (l'État → l ' État), as pipelines that split text to translate leave it.
fn detached_apostrophes(text: &str, toks: &[Token]) -> Option<String> {
    let mut out = text.to_string();
    let mut changed = false;
    for token in toks.iter().rev() {
        let raw = token.text(text);
        if token.norm.ends_with('\'')
            && raw.len() > 1
            && text[token.end..].starts_with(char::is_alphabetic)
        {
            let apostrophe_at = token.end - raw.chars().last().map_or(1, char::len_utf8);
            out = splice(
                &out,
                apostrophe_at,
                token.end,
                &format!(" {} ", &text[apostrophe_at..token.end]),
            );
            changed = true;
        }
    }
    changed.then_some(out)
}

/// French names retyped without their accents or hyphens (Hanoï → Hanoi, Kim Jong-un →
/// Kim Jong Un), as people typing fast do: the English spelling only differs by those.
fn drop_name_accents(text: &str) -> String {
    let toks = tokens(text, &sentences(text));
    let mut out = text.to_string();
    for found in LEXICONS.french_names.find(text, &toks).into_iter().rev() {
        let entry = &LEXICONS.names.entries[found.entry];
        if crate::features::same_letters(entry.columns[0], entry.columns[1]) {
            out = splice(
                &out,
                toks[found.first].start,
                toks[found.last].end,
                entry.columns[0],
            );
        }
    }
    out
}

/// The text with each turn of phrase only French writing uses (notamment, d'ailleurs) put as
/// machine translation renders its English source (en particulier, en fait), where
/// `native_turns.tsv` gives one, each French turn `machine_turns.tsv` lists put as the turn
/// machine translation favours (toutefois → cependant, jusqu'ici → jusqu'à présent), and speech
/// reported in the present put in the past (explique le maire → a expliqué le maire): machine
/// translation holds the first and the last several times less often than French written by
/// people and the second about three times more often, and a corrupted copy of a clean
/// paragraph should not read like French on these counts. Draws no random number, so the
/// other corruptions stay as they were drawn.
fn literal_turns(text: &str) -> String {
    let native = &LEXICONS.native_turns;
    let out = replace_turns(text, &native.matcher, |entry| {
        Some(native.entries[entry].columns[1]).filter(|&literal| literal != "-")
    });
    let sources = &LEXICONS.machine_turn_sources;
    let out = replace_turns(&out, &sources.matcher, |entry| {
        Some(sources.phrases[entry].as_str())
    });
    reporting_in_past(&out)
}

/// The text with each reporting verb in the present tense, its subject after it, put in the
/// past tense ([`present_reporting`]).
fn reporting_in_past(text: &str) -> String {
    let toks = tokens(text, &sentences(text));
    let mut out = text.to_string();
    for found in present_reporting(text, &toks).into_iter().rev() {
        let token = &toks[found.token];
        let past = match_case(token.text(text), &found.in_past());
        out = splice(&out, token.start, token.end, &past);
    }
    out
}

/// The text with each match of `matcher` replaced by what `replacement` gives for its entry,
/// in the case of the words it replaces and with the paragraph's kind of apostrophe.
fn replace_turns<'a>(
    text: &str,
    matcher: &crate::lexicon::Matcher,
    replacement: impl Fn(usize) -> Option<&'a str>,
) -> String {
    let toks = tokens(text, &sentences(text));
    let curly_apostrophes = text.contains('’');
    let mut out = text.to_string();
    for found in matcher.find(text, &toks).into_iter().rev() {
        let Some(with) = replacement(found.entry) else {
            continue;
        };
        let (start, end) = (toks[found.first].start, toks[found.last].end);
        let with = if curly_apostrophes {
            with.replace('\'', "’")
        } else {
            with.to_string()
        };
        out = splice(&out, start, end, &match_case(&text[start..end], &with));
    }
    out
}

/// A clean paragraph retyped the way people type French on the web: straight quotes with the
/// punctuation still French-placed, straight apostrophes, no space before : ; ! ?.
fn human_typography(text: &str) -> Option<String> {
    let out = drop_name_accents(text)
        .replace("« ", "\"")
        .replace(" »", "\"")
        .replace(['«', '»'], "\"")
        .replace('’', "'")
        .replace('\u{a0}', " ")
        .replace(" :", ":")
        .replace(" ;", ";")
        .replace(" !", "!")
        .replace(" ?", "?");
    (out != text).then_some(out)
}

/// Options of `synth`.
#[derive(Debug, Clone, PartialEq)]
pub struct SynthArgs {
    /// Labeled CSVs with `id`, `doc`, `pair`, `label` and `text` columns.
    pub data: Vec<PathBuf>,
    /// Seed.
    pub seed: u64,
    /// Share of clean rows to corrupt (0 to 1).
    pub rate: f64,
    /// Share of rows given web typography (straight quotes, no space before : ; ! ?), 0 to 1:
    /// copies of written rows, clean and MT alike, keeping their label, and generated MT rows.
    /// People type it on the web as MT engines do, so the same share on both sides keeps the
    /// model from learning quote style as a sign of MT.
    pub web_typography_rate: f64,
}

/// Reads written rows and writes generated rows as CSV with the columns
/// `id,doc,pair,label,kind,section,text`: corrupted label-1 rows, and copies of written rows
/// (clean, label 0; MT, label 1) retyped with web typography. Only clean rows (label 0, kind
/// `clean`) are corrupted. Returns the number of rows written.
pub fn synth(args: &SynthArgs, out: &mut dyn Write) -> Result<usize> {
    for (name, rate) in [
        ("--rate", args.rate),
        ("--web-typography-rate", args.web_typography_rate),
    ] {
        if !(0.0..=1.0).contains(&rate) {
            return Err(Error::Argument {
                name,
                message: format!("must be between 0 and 1, got {rate}"),
            });
        }
    }
    let mut rng = Rng::new(args.seed);
    let mut writer = csv::Writer::from_writer(out);
    let io = |e: csv::Error| Error::io("<stdout>", std::io::Error::other(e));
    writer
        .write_record(["id", "doc", "pair", "label", "kind", "section", "text"])
        .map_err(io)?;
    let mut written = 0;
    for path in expand_csv_paths(&args.data)? {
        let file = std::fs::File::open(&path).map_err(|e| Error::io(&path, e))?;
        let mut reader = csv::Reader::from_reader(LfReader::new(file));
        let headers = reader.headers().map_err(|e| Error::Csv {
            path: path.clone(),
            line: 1,
            message: e.to_string(),
        })?;
        let column = |name: &str| headers.iter().position(|h| h == name);
        let (Some(id), Some(doc), Some(pair), Some(label), Some(text)) = (
            column("id"),
            column("doc"),
            column("pair"),
            column("label"),
            column("text"),
        ) else {
            return Err(Error::Csv {
                path,
                line: 1,
                message: "synth needs id, doc, pair, label and text columns".into(),
            });
        };
        let (kind, section) = (column("kind"), column("section"));
        let mut record = csv::StringRecord::new();
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {
                    // Unused here, but asking lets the reader forget the line breaks before
                    // this record, so its memory stays flat over a long file.
                    if let Some(position) = record.position() {
                        record_line(&mut reader, position);
                    }
                }
                Ok(false) => break,
                Err(e) => {
                    return Err(Error::Csv {
                        line: e.position().map_or(0, |p| record_line(&mut reader, p)),
                        path,
                        message: e.to_string(),
                    })
                }
            }
            let row_kind = kind.map_or("", |k| &record[k]);
            let is_clean = &record[label] == "0" && (kind.is_none() || row_kind == "clean");
            let is_written_mt = &record[label] == "1" && !row_kind.starts_with("generated");
            if !is_clean && !is_written_mt {
                continue;
            }
            let section_value = section.map_or("", |s| &record[s]);
            if rng.chance(args.web_typography_rate) {
                if let Some(retyped) = human_typography(&record[text]) {
                    let (row_label, retyped_kind) = if is_clean {
                        ("0", "generated-web-typography")
                    } else {
                        ("1", "generated-mt-web-typography")
                    };
                    writer
                        .write_record([
                            format!("{}-t", &record[id]).as_str(),
                            format!("{}-web", &record[doc]).as_str(),
                            &record[pair],
                            row_label,
                            retyped_kind,
                            section_value,
                            &retyped,
                        ])
                        .map_err(io)?;
                    written += 1;
                }
            }
            if is_written_mt || !rng.chance(args.rate) {
                continue;
            }
            let count = 1 + rng.below(3);
            let mut body = record[text].to_string();
            let mut first: Option<Corruption> = None;
            let mut attempts = 0;
            let mut applied = 0;
            while applied < count && attempts < 12 {
                attempts += 1;
                let corruption = ALL[rng.below(ALL.len())];
                if let Some(changed) = apply(corruption, &body, &mut rng) {
                    body = changed;
                    first.get_or_insert(corruption);
                    applied += 1;
                }
            }
            let Some(first) = first else {
                continue;
            };
            body = literal_turns(&body);
            if rng.chance(args.web_typography_rate) {
                if let Some(retyped) = human_typography(&body) {
                    body = retyped;
                }
            }
            writer
                .write_record([
                    format!("{}-g", &record[id]).as_str(),
                    format!("{}-gen", &record[doc]).as_str(),
                    &record[pair],
                    "1",
                    first.kind(),
                    section_value,
                    &body,
                ])
                .map_err(io)?;
            written += 1;
        }
    }
    writer.flush().map_err(|e| Error::io("<stdout>", e))?;
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corruptions_change_the_text_as_described() {
        let mut rng = Rng::new(1);
        let text = "Vladimir Poutine a parlé hier à Pékin : « Nous resterons », a-t-il dit.";
        let named = apply(Corruption::EnglishName, text, &mut rng).unwrap();
        assert!(
            named.contains("Vladimir Putin") || named.contains("Beijing"),
            "{named}"
        );
        let typo = apply(Corruption::Typography, text, &mut rng).unwrap();
        assert!(
            typo.contains("Pékin: \"Nous resterons,\" a-t-il dit."),
            "{typo}"
        );
        let english = apply(Corruption::EnglishSentence, text, &mut rng).unwrap();
        assert!(english.starts_with(text) && english.len() > text.len() + 10);
        // The only two lowercase words of two letters or more that are not the last word.
        assert_eq!(
            apply(Corruption::StrayFullStop, text, &mut rng).unwrap(),
            text.replace("parlé hier", "parlé. hier")
        );
    }

    #[test]
    fn turns_only_french_uses_are_put_literally() {
        assert_eq!(
            literal_turns("En effet, le texte vise notamment les PME, voire les artisans."),
            "En fait, le texte vise en particulier les PME, ou même les artisans."
        );
        assert_eq!(
            literal_turns("Il n’a pas cédé, en revanche, à l’instar de ses voisins."),
            "Il n’a pas cédé, d’autre part, à l’instar de ses voisins."
        );
        assert_eq!(
            literal_turns("Toutefois, l’usine tourne jusqu’ici, pourtant brusquement arrêtée."),
            "Cependant, l’usine tourne jusqu’à présent, cependant soudainement arrêtée."
        );
        assert_eq!(
            literal_turns("« Tout est prêt », assure la directrice. « Enfin », soupire-t-elle."),
            "« Tout est prêt », a assuré la directrice. « Enfin », soupire-t-elle."
        );
        assert_eq!(
            literal_turns("« Nous restons », expliquent les gérants. « Vraiment », insiste-t-il."),
            "« Nous restons », ont expliqué les gérants. « Vraiment », a-t-il insisté."
        );
    }

    #[test]
    fn grammar_slips_of_gender_and_of_pipelines() {
        assert_eq!(masculine_of("définitive").as_deref(), Some("définitif"));
        assert_eq!(masculine_of("heureuse").as_deref(), Some("heureux"));
        assert_eq!(masculine_of("maison"), None);
        let text = "La décision définitive de l’État tombe d'ici lundi.";
        let toks = tokens(text, &sentences(text));
        assert_eq!(
            masculine_adjectives(text, &toks),
            vec![(13, 24, "définitif".to_string())]
        );
        assert_eq!(
            detached_apostrophes(text, &toks).unwrap(),
            "La décision définitive de l ’ État tombe d ' ici lundi."
        );
    }

    #[test]
    fn web_typography_keeps_french_punctuation_placement() {
        let text = "Il a dit : « Nous resterons », puis l’a répété.";
        assert_eq!(
            human_typography(text).unwrap(),
            "Il a dit: \"Nous resterons\", puis l'a répété."
        );
        assert_eq!(human_typography("Rien à changer."), None);
    }

    #[test]
    fn same_seed_same_rows() {
        let dir = tempfile::tempdir().unwrap();
        let csv = dir.path().join("clean.csv");
        std::fs::write(
            &csv,
            "id,doc,pair,label,kind,section,text\na,d,p,0,clean,pol,\"Vladimir Poutine est arrivé hier à Pékin, a indiqué l'agence.\"\n",
        )
        .unwrap();
        let args = SynthArgs {
            data: vec![csv],
            seed: 3,
            rate: 1.0,
            web_typography_rate: 0.0,
        };
        let (mut a, mut b) = (Vec::new(), Vec::new());
        assert_eq!(synth(&args, &mut a).unwrap(), 1);
        synth(&args, &mut b).unwrap();
        assert_eq!(a, b);
        let text = String::from_utf8(a).unwrap();
        assert!(text.contains("a-g,d-gen,p,1,generated-"), "{text}");
    }
}
