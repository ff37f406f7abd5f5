//! Loading arbitrary bytes as a model never panics; a model that loads gives probabilities in
//! [0, 1] and survives a save/load round trip unchanged; an error always names the file.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use calque::features::extract_article;
use calque::model::Model;
use libfuzzer_sys::fuzz_target;

/// Feature rows of a short article that fires several families, and of an empty paragraph.
static ROWS: LazyLock<Vec<Vec<f64>>> = LazyLock::new(|| {
    extract_article(&[
        "Yesterday, Putin a rencontré l'adviseur du Kremlin à Moscow, \"a dit\" le 1,500e jour.",
        "",
        "Le conseil municipal a voté le budget de l'année prochaine.",
    ])
    .into_iter()
    .map(|f| f.values)
    .collect()
});

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Model::from_json(text, Path::new("fuzz-model.json")) {
        Ok(model) => {
            for row in ROWS.iter() {
                let p = model.probability(row);
                assert!(p.is_finite() && (0.0..=1.0).contains(&p), "probability {p}");
            }
            let again = Model::from_json(&model.to_json(), Path::new("again.json"))
                .expect("a saved model loads");
            assert_eq!(again, model);
        }
        Err(error) => assert!(error.to_string().contains("fuzz-model.json"), "{error}"),
    }
});
