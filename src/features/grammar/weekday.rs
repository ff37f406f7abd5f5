//! English use of weekdays: "le mercredi dernier", "sur lundi", and "le mercredi" for one past
//! day (il a annoncé le mercredi).

use super::same_sentence;
use crate::features::{Feature, Recorder};
use crate::segment::Token;

/// The days of the week.
pub(crate) const WEEKDAYS: &[&str] = &[
    "dimanche", "jeudi", "lundi", "mardi", "mercredi", "samedi", "vendredi",
];
/// Words after a weekday that make "le mercredi" French: a date (le mercredi 19), a time of
/// day (le mercredi matin), a relative day (le mercredi suivant), or a list (le lundi et le
/// mardi).
const WEEKDAY_COMPLEMENTS: &[&str] = &[
    "après-midi",
    "et",
    "matin",
    "midi",
    "ou",
    "précédent",
    "soir",
    "suivant",
];
/// Words before "le mercredi" that make it a habit, which French says that way (ouvert le
/// dimanche, sauf le lundi).
const HABIT_MARKERS: &[&str] = &[
    "chaque",
    "désormais",
    "fermé",
    "fermée",
    "fermées",
    "fermés",
    "ouvert",
    "ouverte",
    "ouvertes",
    "ouverts",
    "sauf",
    "tous",
];
/// Forms of avoir in the past compound tenses (il a dit, ils avaient annoncé).
const AVOIR_PAST: &[&str] = &[
    "a", "ai", "as", "avaient", "avais", "avait", "avez", "avons", "ont",
];
/// Endings of past participles after avoir (annoncé, dit, pris, reçu, ouvert).
const PARTICIPLE_ENDINGS: &[&str] = &[
    "é", "ée", "ées", "és", "i", "is", "it", "u", "us", "ert", "ort",
];
/// English use of weekdays: "le mercredi dernier", "sur lundi", and "le mercredi" for one past
/// day (il a annoncé le mercredi), where French writes "mercredi". `past` holds
/// [`past_sentences`] once a weekday has needed it.
pub(super) fn weekday(
    tokens: &[Token],
    i: usize,
    past: &mut Option<Vec<bool>>,
    recorder: &mut Recorder,
) {
    let token = &tokens[i];
    if !matches!(token.norm.as_str(), "le" | "sur") || !same_sentence(tokens, i, i + 1) {
        return;
    }
    let day = &tokens[i + 1];
    if !WEEKDAYS.contains(&day.norm.as_str()) {
        return;
    }
    if token.norm.as_str() == "sur" {
        recorder.hit(
            Feature::WeekdayArticle,
            token.start,
            day.end,
            format!("French: {}", day.norm),
        );
        return;
    }
    let after = same_sentence(tokens, i, i + 2).then(|| &tokens[i + 2]);
    if let Some(next) =
        after.filter(|next| matches!(next.norm.as_str(), "dernier" | "prochain" | "passé"))
    {
        recorder.hit(
            Feature::WeekdayArticle,
            token.start,
            next.end,
            format!("French: {} {}", day.norm, next.norm),
        );
        return;
    }
    let completed = after
        .is_some_and(|next| next.is_number() || WEEKDAY_COMPLEMENTS.contains(&next.norm.as_str()));
    let habit = i > 0 && HABIT_MARKERS.contains(&tokens[i - 1].norm.as_str());
    if !completed && !habit && past.get_or_insert_with(|| past_sentences(tokens))[token.sentence] {
        recorder.hit(
            Feature::WeekdayArticle,
            token.start,
            day.end,
            format!("French: {} (le {} means every week)", day.norm, day.norm),
        );
    }
}

/// Per sentence of the paragraph, true when it tells of a past event in a compound tense (il a
/// annoncé): there "le mercredi" is English for "on Wednesday", where French writes "mercredi".
/// One pass over the paragraph, however many weekdays it names.
fn past_sentences(tokens: &[Token]) -> Vec<bool> {
    let mut past = vec![false; tokens.last().map_or(0, |last| last.sentence + 1)];
    for pair in tokens.windows(2) {
        let (auxiliary, participle) = (pair[0].norm.as_str(), pair[1].norm.as_str());
        if pair[0].sentence == pair[1].sentence
            && AVOIR_PAST.contains(&auxiliary)
            && participle != "lieu"
            && participle.chars().count() > 2
            && PARTICIPLE_ENDINGS
                .iter()
                .any(|ending| participle.ends_with(ending))
        {
            past[pair[0].sentence] = true;
        }
    }
    past
}
