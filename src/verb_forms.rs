//! Conjugated French verbs that the word list does not hold.
//!
//! wordfreq lists the forms people write often; many correct conditionals, futures and
//! imperfects (réitèrerait, exhortaient, boycotterait) fall under its cut-off. Counted as
//! unknown words, they made careful human prose look like machine translation, whose unknown
//! words are mangled ones (pétrochemiques, obtendent). A form counts as a verb form when
//! taking off a conjugation ending leaves the stem of a listed French infinitive.

use crate::word_table::WordTable;

/// Endings of -er verbs, longest first so a longer match is tried before a shorter one.
const ER_ENDINGS: &[&str] = &[
    "eraient", "assions", "assiez", "erions", "eriez", "erais", "erait", "erons", "eront", "asses",
    "assent", "aient", "èrent", "erai", "eras", "erez", "âmes", "âtes", "asse", "ions", "iez",
    "ais", "ait", "ent", "ons", "era", "ant", "ées", "ez", "es", "ai", "as", "ât", "ée", "és", "e",
    "a", "é",
];
/// Endings of -ir verbs of the finir kind, and the participles of the others.
const IR_ENDINGS: &[&str] = &[
    "issaient", "iraient", "issions", "issiez", "issons", "issez", "issent", "issais", "issait",
    "issant", "irions", "iriez", "irais", "irait", "irons", "iront", "isses", "irent", "isse",
    "irai", "iras", "irez", "îmes", "îtes", "ira", "ies", "is", "it", "ît", "ie",
];
/// Endings of -re verbs (résoudraient, répondront).
const RE_ENDINGS: &[&str] = &[
    "raient", "rions", "riez", "rais", "rait", "rons", "ront", "aient", "ions", "iez", "ais",
    "ait", "ent", "ons", "rai", "ras", "rez", "ra", "ez", "ues", "us", "ue", "u",
];
/// Endings after the stem in -ign- that verbs in -indre (craindre, astreindre, joindre) take
/// before a vowel (astreignaient, enfreignant, adjoignirent).
const IGN_ENDINGS: &[&str] = &[
    "issent", "aient", "irent", "isse", "îmes", "îtes", "ions", "ais", "ait", "ant", "ent", "iez",
    "ons", "es", "ez", "is", "it", "e",
];
/// Shortest stem left once an ending is taken off, so that short words are not read as
/// verbs.
const MIN_STEM_CHARS: usize = 3;
/// Zipf frequency the infinitive needs: a verb French writes, not a stray token.
const MIN_INFINITIVE_ZIPF: f32 = 2.0;

/// True when `infinitive` is a verb French writes: frequent enough in the French list, and not
/// more English than French.
pub(crate) fn is_french_infinitive(words: &WordTable, infinitive: &str) -> bool {
    words
        .get(infinitive)
        .is_some_and(|info| info.fr_zipf >= MIN_INFINITIVE_ZIPF && info.fr_zipf > info.en_zipf)
}

/// True when `word`, unknown to both word lists, is a conjugated form of a French infinitive
/// the French list holds and that is not more English than French (so "pliers" is not read
/// as a form of "plier").
pub fn is_known_verb_form(words: &WordTable, word: &str) -> bool {
    if words.en_zipf(word) > 0.0 {
        return false;
    }
    let french = |infinitive: &str| is_french_infinitive(words, infinitive);
    let stems = |endings: &'static [&'static str]| {
        endings.iter().filter_map(move |ending| {
            word.strip_suffix(ending)
                .filter(|stem| stem.chars().count() >= MIN_STEM_CHARS)
        })
    };
    stems(ER_ENDINGS).any(|stem| er_infinitives(stem).iter().any(|i| french(i)))
        || stems(IR_ENDINGS).any(|stem| french(&format!("{stem}ir")))
        || stems(RE_ENDINGS).any(|stem| french(&format!("{stem}re")))
        || stems(IGN_ENDINGS).any(|stem| {
            stem.strip_suffix("ign")
                .is_some_and(|base| french(&format!("{base}indre")))
        })
}

/// The -er infinitives a stem may come from, undoing the spelling changes of conjugation:
/// è for é (réitèrerait), ge and ç before a and o (mangeait, commençait), i for y
/// (emploiera), and doubled l or t (appellera, jetterait).
pub fn er_infinitives(stem: &str) -> Vec<String> {
    let mut out = vec![format!("{stem}er")];
    if let Some(at) = stem.rfind('è') {
        out.push(format!(
            "{}é{}er",
            &stem[..at],
            &stem[at + 'è'.len_utf8()..]
        ));
        out.push(format!(
            "{}e{}er",
            &stem[..at],
            &stem[at + 'è'.len_utf8()..]
        ));
    }
    if let Some(base) = stem.strip_suffix("ge") {
        out.push(format!("{base}ger"));
    }
    if let Some(base) = stem.strip_suffix('ç') {
        out.push(format!("{base}cer"));
    }
    if let Some(base) = stem.strip_suffix('i') {
        out.push(format!("{base}yer"));
    }
    if let Some(base) = stem.strip_suffix("ll").or(stem.strip_suffix("tt")) {
        out.push(format!("{base}{}er", &stem[base.len()..base.len() + 1]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::is_known_verb_form;
    use crate::lexicon::LEXICONS;

    #[test]
    fn conjugated_forms_of_listed_verbs_are_known() {
        for word in [
            "boycotterait",
            "exhortaient",
            "expireront",
            "réitèrerait",
            "siègerait",
            "résoudraient",
            "réinvestissait",
            "astreignaient",
            "enfreignant",
            "adjoignirent",
        ] {
            assert!(is_known_verb_form(&LEXICONS.words, word), "{word}");
        }
    }

    #[test]
    fn mangled_and_english_words_are_not() {
        for word in [
            "obtendent",
            "pétrochemiques",
            "aviération",
            "suppliers",
            "protesters",
        ] {
            assert!(!is_known_verb_form(&LEXICONS.words, word), "{word}");
        }
    }
}
