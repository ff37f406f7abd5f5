//! avoir with the verbs that take être in compound tenses (ont arrivé), and "a été lieu".

use super::same_sentence;
use crate::features::{Feature, Recorder};
use crate::segment::Token;

/// Forms of avoir that build compound tenses.
pub(super) const AVOIR: &[&str] = &[
    "a", "ai", "aient", "ait", "as", "aura", "aurait", "auraient", "auront", "avaient", "avais",
    "avait", "avez", "avons", "ont",
];
/// Past participles of verbs conjugated with être (stems; any agreement ending follows).
const ETRE_PARTICIPLES: &[&str] = &[
    "arrivé",
    "décédé",
    "devenu",
    "intervenu",
    "né",
    "parvenu",
    "resté",
    "revenu",
    "survenu",
    "tombé",
    "venu",
];
/// Adverbs that may sit between the auxiliary and the participle.
const ADVERBS: &[&str] = &[
    "bien",
    "déjà",
    "donc",
    "enfin",
    "ensuite",
    "finalement",
    "pas",
    "toujours",
];

/// A form of avoir (at `i`) + the participle of a verb that takes être (ont arrivé), and "a
/// été lieu".
pub(super) fn auxiliary(tokens: &[Token], i: usize, recorder: &mut Recorder) {
    let mut j = i + 1;
    while same_sentence(tokens, i, j) && ADVERBS.contains(&tokens[j].norm.as_str()) {
        j += 1;
    }
    if !same_sentence(tokens, i, j) {
        return;
    }
    let word = tokens[j].norm.as_str();
    let etre_verb = ETRE_PARTICIPLES.iter().any(|stem| {
        word.strip_prefix(stem)
            .is_some_and(|ending| matches!(ending, "" | "e" | "s" | "es"))
    });
    let ete_lieu = word == "été" && same_sentence(tokens, i, j + 1) && tokens[j + 1].norm == "lieu";
    if etre_verb || ete_lieu {
        let end = if ete_lieu {
            tokens[j + 1].end
        } else {
            tokens[j].end
        };
        recorder.hit(
            Feature::WrongAuxiliary,
            tokens[i].start,
            end,
            "this verb takes être (sont arrivés, a eu lieu)",
        );
    }
}
