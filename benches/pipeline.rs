//! Criterion benches per stage: segmentation, feature extraction (of articles and of one long
//! paragraph), scoring one article, scoring a batch on one and two threads, and fitting. Inputs are the project's own test articles and training data, repeated
//! to the sizes in the bench names.

use std::hint::black_box;

use calque::features::{extract_article, FEATURES};
use calque::model::{FitParams, Model};
use calque::parallel::map_in_order;
use calque::report::{score_article, ScoreOptions};
use calque::segment::{paragraphs, sentences, tokens};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

const CLEAN: &str = include_str!("../tests/data/clean.txt");
const MACHINE: &str = include_str!("../tests/data/machine.txt");

/// An article of about `bytes` bytes, alternating the clean and the machine-translated text.
fn article(bytes: usize) -> String {
    let mut text = String::new();
    while text.len() < bytes {
        text.push_str(CLEAN);
        text.push('\n');
        text.push_str(MACHINE);
        text.push('\n');
    }
    text
}

fn options(model: &Model) -> ScoreOptions {
    ScoreOptions {
        threshold: model.threshold,
        min_words: 5,
        max_flagged_share: 0.2,
        min_flagged: 1,
        article_context: calque::article_context::DEFAULT_WEIGHT,
    }
}

fn segment(c: &mut Criterion) {
    let mut group = c.benchmark_group("segment");
    for size in [4_000, 64_000] {
        let text = article(size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{size}B")),
            &text,
            |b, text| {
                b.iter(|| {
                    for p in paragraphs(black_box(text)) {
                        black_box(tokens(&p.text, &sentences(&p.text)));
                    }
                })
            },
        );
    }
    group.finish();
}

fn extract(c: &mut Criterion) {
    let mut group = c.benchmark_group("extract");
    for size in [4_000, 64_000] {
        let text = article(size);
        let found: Vec<String> = paragraphs(&text).into_iter().map(|p| p.text).collect();
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{size}B")),
            &found,
            |b, found| b.iter(|| black_box(extract_article(black_box(found)))),
        );
    }
    // The same text as one paragraph: equal throughput at both sizes means time linear in the
    // length of a paragraph, which pathological input (one huge line) relies on.
    for size in [16_000, 256_000] {
        let one = vec![article(size).replace('\n', " ")];
        group.throughput(Throughput::Bytes(one[0].len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("one_paragraph_{size}B")),
            &one,
            |b, one| b.iter(|| black_box(extract_article(black_box(one)))),
        );
    }
    group.finish();
}

fn score(c: &mut Criterion) {
    let model = Model::default_model().expect("embedded model loads");
    let options = options(&model);
    let one = paragraphs(&article(4_000));
    let mut group = c.benchmark_group("score");
    group.throughput(Throughput::Bytes(article(4_000).len() as u64));
    group.bench_function("one_article_4000B", |b| {
        b.iter(|| black_box(score_article(&model, "a.txt", black_box(&one), &options)))
    });
    let batch: Vec<_> = (0..100).map(|_| paragraphs(&article(4_000))).collect();
    group.throughput(Throughput::Bytes(100 * article(4_000).len() as u64));
    for jobs in [1, 2] {
        group.bench_function(format!("batch_100_articles_4000B_jobs{jobs}"), |b| {
            b.iter(|| {
                map_in_order(
                    batch.iter(),
                    jobs,
                    |a| score_article(&model, "a.txt", a, &options),
                    |report| {
                        black_box(report);
                        Ok::<(), ()>(())
                    },
                )
            })
        });
    }
    group.finish();
}

fn fit(c: &mut Criterion) {
    let mut group = c.benchmark_group("fit");
    group.sample_size(10);
    for rows in [1_000, 10_000] {
        let data: Vec<Vec<f64>> = (0..rows)
            .map(|i| {
                (0..FEATURES.len())
                    .map(|j| ((i * 31 + j * 17) % 97) as f64 / 97.0)
                    .collect()
            })
            .collect();
        let labels: Vec<u8> = (0..rows).map(|i| u8::from((i * 31 % 97) > 48)).collect();
        group.bench_with_input(
            BenchmarkId::from_parameter(format!("{rows}rows")),
            &rows,
            |b, _| {
                b.iter(|| {
                    black_box(Model::fit(&data, &labels, FitParams::default()).expect("fits"))
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, segment, extract, score, fit);
criterion_main!(benches);
