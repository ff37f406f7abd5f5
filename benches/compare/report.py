"""Writes benches/RESULTS.md (to standard output) from what benches/compare.sh left in WORK:
meta.tsv (the machine and the run), results.tsv (one line per measured run), out/*.time
(/usr/bin/time -v output), out/*.json (the Python scripts' and fit_features' own timings),
corpus.json, train_small.json, train_large.json and hyperfine.json.

Medians are over the runs of each command (three, or one for commands over 30 s); peak RSS is
the largest of the runs. MB is 10^6 bytes (throughput, file sizes), MiB 2^20 bytes (memory).
"""

import json
import os
import re
import statistics
import sys

MB = 1_000_000
MIB = 1024 * 1024


def read_time(path):
    """Wall, user and system seconds, CPU share and peak RSS (KiB) from `time -v` output."""
    fields = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.strip().rpartition(": ")
            fields[key] = value
    wall = 0.0
    for part in fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"].split(":"):
        wall = wall * 60 + float(part)
    status = int(fields.get("Exit status", "0"))
    if status != 0:
        raise SystemExit(f"report: {path}: the command exited with status {status}")
    return {
        "wall": wall,
        "user": float(fields["User time (seconds)"]),
        "system": float(fields["System time (seconds)"]),
        "cpu": fields["Percent of CPU this job got"],
        "rss_kib": int(fields["Maximum resident set size (kbytes)"]),
    }


class Runs:
    """The runs of one measured command."""

    def __init__(self, name, command):
        self.name = name
        self.command = command
        self.times = []
        self.outputs = []

    @property
    def count(self):
        return len(self.times)

    def wall(self):
        return statistics.median(t["wall"] for t in self.times)

    def rss_mib(self):
        return max(t["rss_kib"] for t in self.times) / 1024

    def cpu(self):
        return statistics.median(int(t["cpu"].rstrip("%")) for t in self.times)

    def field(self, key):
        return statistics.median(o[key] for o in self.outputs)

    def first(self, key):
        return self.outputs[0][key]


def load(work):
    meta = {}
    with open(os.path.join(work, "meta.tsv"), encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("\t")
            meta[key] = value
    runs = {}
    with open(os.path.join(work, "results.tsv"), encoding="utf-8") as f:
        for line in f:
            name, _, timefile, stdout, command = line.rstrip("\n").split("\t", 4)
            entry = runs.setdefault(name, Runs(name, command))
            entry.times.append(read_time(timefile))
            if stdout.endswith(".json"):
                with open(stdout, encoding="utf-8") as out:
                    entry.outputs.append(json.loads(out.read()))

    def read_json(name):
        path = os.path.join(work, name)
        if not os.path.exists(path):
            return None
        with open(path, encoding="utf-8") as f:
            return json.load(f)

    extra = {name: read_json(name + ".json")
             for name in ["corpus", "train_small", "train_large", "hyperfine"]}
    return meta, runs, extra


def shorten(command, meta):
    """The command as a reader would type it: $WORK, $VENV and the repo as `.`."""
    command = command.replace(meta["venv"], "$VENV").replace(meta["work"], "$WORK")
    command = command.replace(meta["repo"] + "/", "").replace(meta["repo"], ".")
    return re.sub(r"env OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 ",
                  "OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 ", command)


def load_average(uptime):
    found = re.search(r"load average: ([\d.]+)", uptime)
    return float(found.group(1)) if found else None


def fmt(value, digits=2):
    return f"{value:,.{digits}f}"


def main():
    work = sys.argv[1]
    meta, runs, extra = load(work)
    corpus, small, large, hyper = (extra["corpus"], extra["train_small"], extra["train_large"],
                                   extra["hyperfine"])
    text_mb = corpus["text_bytes"] / MB
    quick = meta["mode"] == "quick"
    nproc = int(meta["nproc"])
    default_thread = int(meta["fasttext_default_thread"])
    out = []
    w = out.append

    w("# calque beside fastText and scikit-learn")
    w("")
    w(f"Measured at calque commit `{meta['commit']}` on {meta['date']}.")
    if quick:
        w("")
        w("**This is a `--quick` run** (small corpus and row counts): a check that the script "
          "works, not figures to quote.")
    w("")
    w("Written by `bash benches/compare.sh`"
      + (" --quick" if quick else "")
      + " (do not edit by hand). It generates its corpus from the project's own "
      "`training-data/` rows, runs one process at a time under `/usr/bin/time -v` (but for the "
      "pair of scoring runs timed together on purpose), and gives the median of the runs: five "
      "interleaved rounds for scoring, three runs for other commands that take under 30 s, one "
      "otherwise (the runs column says how many). MB = 10^6 bytes, MiB = 2^20 bytes. Peak RSS is the largest of the runs.")
    w("")

    w("## Machine")
    w("")
    load_start = load_average(meta["uptime_start"])
    rows = [
        ("cores (nproc)", meta["nproc"]),
        ("CPU", meta["cpu"]),
        ("RAM", meta["ram"]),
        ("OS", meta["os"]),
        ("rustc", meta["rustc"]),
        ("Python", meta["python"]),
        ("Python packages", meta["packages"]),
        ("tools", f"{meta['hyperfine']}; {meta['gnu_time']}"),
        ("`uptime` at the start", meta["uptime_start"].strip()),
        ("`uptime` at the end", meta["uptime_end"].strip()),
    ]
    w("| | |")
    w("|---|---|")
    for key, value in rows:
        w(f"| {key} | {value} |")
    w("")
    if load_start is not None and load_start > 1:
        w(f"**The machine was shared**: the 1-minute load average was {load_start} at the start "
          "(other jobs were running), so figures are noisier, and likely slower, than on an idle "
          "machine.")
    else:
        w(f"The 1-minute load average was {load_start} at the start.")
    w("")

    w("## Corpus")
    w("")
    w(f"Generated with seed {meta['seed']} by `benches/compare/make_corpus.py` from the "
      f"sentences of `training-data/*.csv`: {corpus['clean_sentences']:,} clean sentences "
      f"(from label-0 rows) and {corpus['defective_sentences']:,} defective ones (sentences of "
      "label-1 rows that no label-0 row contains), recombined into new paragraphs of 1 to 5 "
      "sentences; a label-1 paragraph holds one or two defective sentences.")
    w("")
    w(f"- Scoring corpus: {corpus['paragraphs']:,} paragraphs, {fmt(text_mb)} MB of paragraph "
      f"text; as {corpus['articles']:,} article files of 5 to 20 paragraphs, one per line, for "
      f"calque ({fmt(corpus['articles_bytes'] / MB)} MB), and as one paragraph per line in one "
      f"file for fastText ({fmt(corpus['lines_bytes'] / MB)} MB)"
      + (": the same bytes." if corpus["articles_bytes"] == corpus["lines_bytes"]
         else ": **the two sizes differ**."))
    for label, rows_info in [("Small training set", small), ("Large training set", large)]:
        w(f"- {label}: {rows_info['rows']:,} rows ({rows_info['positives']:,} label 1) in "
          f"{rows_info['docs']:,} docs of 8 to 12 rows, CSV `id,doc,pair,label,text` "
          f"{fmt(rows_info['csv_bytes'] / MB)} MB"
          + (f"; the same rows in fastText format {fmt(rows_info['ft_bytes'] / MB)} MB"
             if "ft_bytes" in rows_info else "") + ".")
    w("")

    # --- scoring ---
    w("## Scoring throughput")
    w("")
    w("| what | runs | wall s (median) | MB/s | CPU | peak RSS MiB |")
    w("|---|---|---|---|---|---|")
    score_names = ["calque_score_jobs1", "calque_score_jobs2"] if meta["jobs"] == "yes" \
        else ["calque_score"]
    labels = {"calque_score_jobs1": "calque score --jobs 1", "calque_score_jobs2":
              "calque score --jobs 2", "calque_score": "calque score (no --jobs option)"}
    for name in score_names:
        r = runs[name]
        w(f"| {labels[name]} | {r.count} | {fmt(r.wall())} | {fmt(text_mb / r.wall())} | "
          f"{r.cpu()}% | {fmt(r.rss_mib(), 1)} |")
    if "calque_score_large_input" in runs:
        r = runs["calque_score_large_input"]
        copies = int(meta["large_input_copies"])
        w(f"| calque score, default threads, the corpus read {copies} times "
          f"({fmt(text_mb * copies / 1000)} GB) | {r.count} | {fmt(r.wall())} | "
          f"{fmt(text_mb * copies / r.wall())} | {r.cpu()}% | {fmt(r.rss_mib(), 1)} |")
    if "calque_score_pair" in runs:
        r = runs["calque_score_pair"]
        w(f"| two `calque score --jobs 1` processes at once (MB/s of both) | {r.count} | "
          f"{fmt(r.wall())} | {fmt(2 * text_mb / r.wall())} | {r.cpu()}% | "
          f"{fmt(r.rss_mib(), 1)} |")
    ft = runs["fasttext_predict"]
    predict_s = ft.field("predict_seconds")
    w(f"| fastText predict, whole process | {ft.count} | {fmt(ft.wall())} | "
      f"{fmt(text_mb / ft.wall())} | {ft.cpu()}% | {fmt(ft.rss_mib(), 1)} |")
    w(f"| fastText predict, reading and predicting only | {ft.count} | {fmt(predict_s)} | "
      f"{fmt(text_mb / predict_s)} | | |")
    w("")
    calque_one = runs[score_names[0]]
    ratio = (text_mb / calque_one.wall()) / (text_mb / predict_s)
    w(f"calque's throughput on one thread ÷ fastText predict's (its predict loop alone, the "
      f"figure most favourable to fastText): **{fmt(ratio)}×**; ÷ fastText's whole process: "
      f"{fmt(ft.wall() / calque_one.wall())}×.")
    if meta["jobs"] == "yes":
        speedup = runs["calque_score_jobs1"].wall() / runs["calque_score_jobs2"].wall()
        w(f"calque --jobs 2 ÷ --jobs 1: **{fmt(speedup)}×**.")
        if "calque_score_pair" in runs:
            ceiling = 2 * runs["calque_score_jobs1"].wall() / runs["calque_score_pair"].wall()
            spread = max(max(t["wall"] for t in runs[name].times)
                         / min(t["wall"] for t in runs[name].times) - 1
                         for name in ["calque_score_jobs1", "calque_score_jobs2",
                                      "calque_score_pair"])
            w(f"Two independent one-thread processes at once ÷ one alone: {fmt(ceiling)}×. They "
              "share no memory, lock or channel, so this is what the machine's two cores give "
              "any work, to set beside `--jobs 2`"
              + (" (above 2×: a lone run went slower than each of the pair's, which only the "
                 "machine's own drift explains)" if ceiling > 2 else "")
              + ". The scoring commands ran in five interleaved rounds (one thread, two "
              "threads, the pair), so a drift in the machine's speed touches each alike; the "
              f"slowest run of one command still took up to {fmt(100 * spread, 0)} % longer "
              "than its fastest.")
    else:
        w("`calque score --help` has no `--jobs` option at this commit, so calque was run once "
          "per repetition with its defaults (one thread); the two-core figure is not measured.")
    w(f"fastText's model for predict is the one trained with thread=1 on the "
      f"{small['rows']:,}-row set; it labelled {ft.first('predicted_label_1'):,} of "
      f"{ft.first('lines'):,} paragraphs 1. The Python API `model.predict(list)` is called on "
      "batches of 10,000 lines (the pip package ships no `fasttext` command); it uses one "
      "thread.")
    w("")

    # --- training ---
    w(f"## Training end to end, {small['rows']:,} rows")
    w("")
    w("| what | runs | wall s (median) | training alone s | CPU | peak RSS MiB |")
    w("|---|---|---|---|---|---|")
    ct = runs["calque_train_small"]
    w(f"| calque train | {ct.count} | {fmt(ct.wall())} | | {ct.cpu()}% | {fmt(ct.rss_mib(), 1)} |")
    ft_names = [n for n in runs if n.startswith("fasttext_train_")]
    for name in ft_names:
        r = runs[name]
        thread = r.first("thread")
        note = " (fastText's default here: cpu_count() − 1)" if thread == default_thread else ""
        w(f"| fastText train_supervised, thread={thread}{note} | {r.count} | {fmt(r.wall())} | "
          f"{fmt(r.field('train_seconds'))} | {r.cpu()}% | {fmt(r.rss_mib(), 1)} |")
    w("")
    for name in ft_names:
        r = runs[name]
        w(f"- calque train ÷ fastText thread={r.first('thread')}, whole processes: "
          f"{fmt(ct.wall() / r.wall())}× the time.")
    first_ft = runs[ft_names[0]]
    w("")
    w("What each does: `calque train` reads the CSV record by record, extracts the features of "
      "every paragraph article by article, fits 5 cross-validation models (folds grouped by "
      "`pair`, else `doc`), chooses the threshold from the out-of-fold probabilities, fits a "
      "model without the fixed held-out split to report it, fits the final model on every row "
      "(7 logistic fits in all, L-BFGS) and writes the model JSON. fastText "
      "`train_supervised` with default parameters reads the whitespace-split words and trains "
      f"a linear classifier on {first_ft.first('dim')}-dimension word vectors "
      f"({first_ft.first('epoch')} epochs of SGD, lr {first_ft.first('lr')}, word n-grams "
      f"{first_ft.first('word_ngrams')}, {first_ft.first('words'):,} words in its vocabulary); "
      "no cross-validation, no threshold. The wall time of the thread=1 runs also includes "
      "saving the model (used for predict above).")
    w("")

    # --- features and fit ---
    w("## The fit alone, on `calque features --data` output")
    w("")
    w("| rows | `calque features --data` s (1 run) | rows/s | CSV MB/s | peak RSS MiB |")
    w("|---|---|---|---|---|")
    for size, info in [("small", small), ("large", large)]:
        r = runs[f"calque_features_{size}"]
        w(f"| {info['rows']:,} | {fmt(r.wall())} | {fmt(info['rows'] / r.wall(), 0)} | "
          f"{fmt(info['csv_bytes'] / MB / r.wall())} | {fmt(r.rss_mib(), 1)} |")
    w("")
    w("| rows | what | runs | fit s (median) | iterations | training log loss | "
      "process wall s | peak RSS MiB |")
    w("|---|---|---|---|---|---|---|---|")
    ratios = {}
    for size, info in [("small", small), ("large", large)]:
        cf = runs[f"calque_fit_{size}"]
        w(f"| {info['rows']:,} | calque `Model::fit` (standardising included) | {cf.count} | "
          f"{fmt(cf.field('fit_seconds'), 3)} | | {cf.first('log_loss'):.6f} | "
          f"{fmt(cf.wall())} | {fmt(cf.rss_mib(), 1)} |")
        for name, label in [(f"sklearn_fit_{size}", "scikit-learn, tol 1e-4 (default)"),
                            (f"sklearn_fit_tol6_{size}", "scikit-learn, tol 1e-6")]:
            r = runs[name]
            seconds = r.field("scale_seconds") + r.field("fit_seconds")
            w(f"| {info['rows']:,} | {label}: StandardScaler + LogisticRegression | {r.count} | "
              f"{fmt(seconds, 3)} | {r.first('iterations')} | {r.first('log_loss'):.6f} | "
              f"{fmt(r.wall())} | {fmt(r.rss_mib(), 1)} |")
            ratios[(size, name.startswith("sklearn_fit_tol6"))] = cf.field("fit_seconds") / seconds
    w("")
    for size, info in [("small", small), ("large", large)]:
        w(f"- {info['rows']:,} rows: calque's fit takes {fmt(ratios[(size, False)])}× "
          f"scikit-learn's time at its default tolerance, {fmt(ratios[(size, True)])}× at "
          "tol 1e-6.")
    w("")
    w("Both minimise the same objective: the sum of the log losses plus ½‖w‖² (C = 1, "
      "calque's alpha = 1), intercept not penalised, on standardised features, with L-BFGS and "
      "at most 200 iterations. They stop differently: scikit-learn when the largest gradient "
      "component of the mean loss is under `tol` (1e-4 by default); calque (linfa-logistic) "
      "when the L2 norm of the gradient of the summed loss is under 1e-4 × rows, i.e. of the "
      "mean loss under 1e-4, a test on the whole gradient rather than its largest component; "
      "scikit-learn is also timed at tol 1e-6 for a tighter optimum. On more than 200,000 rows, "
      "calque's fit starts from a fit on 50,000 evenly spaced rows (`WARM_START_ROWS` in "
      "src/model.rs) and then runs on every row to the same stopping test; scikit-learn starts "
      "from zero. Training log losses that agree to four or five "
      "decimals mean both reached the same optimum. scikit-learn runs with OMP_NUM_THREADS=1 and OPENBLAS_NUM_THREADS=1 "
      "(one core, as calque's fit). Process wall and RSS include reading the CSV (calque: the "
      "csv crate; scikit-learn: numpy.loadtxt).")
    w("")

    # --- start-up and size ---
    w("## Start-up and binary size")
    w("")
    result = hyper["results"][0]
    w(f"- `calque score tests/data/clean.txt` (hyperfine, 5 warm-ups, {len(result['times'])} "
      f"runs, no shell): mean {fmt(result['mean'] * 1000, 1)} ms ± "
      f"{fmt(result['stddev'] * 1000, 1)} ms, median {fmt(result['median'] * 1000, 1)} ms, "
      f"min {fmt(result['min'] * 1000, 1)} ms. This is the whole run on a "
      f"{os.path.getsize(os.path.join(meta['repo'], 'tests/data/clean.txt')):,}-byte article, "
      "an upper bound of the time to first output.")
    w(f"- Release binary: {fmt(int(meta['binary_bytes']) / MB)} MB as built, "
      f"{fmt(int(meta['stripped_bytes']) / MB)} MB stripped.")
    w("")

    # --- targets ---
    w("## Against the targets of issue 5")
    w("")
    if quick:
        w("Indicative only: a `--quick` run uses smaller inputs than the targets name.")
        w("")
    w("| target | measured | met |")
    w("|---|---|---|")
    one_core = text_mb / calque_one.wall()

    def verdict(ok):
        return "yes" if ok else "no"

    w(f"| `calque score` ≥ 30 MB/s on one core | {fmt(one_core)} MB/s | {verdict(one_core >= 30)} |")
    w(f"| ≥ 5× fastText predict | {fmt(ratio)}× | {verdict(ratio >= 5)} |")
    if meta["jobs"] == "yes":
        ceiling_note = (f" (two independent processes: {fmt(ceiling)}×)"
                        if "calque_score_pair" in runs else "")
        w(f"| ≥ 1.8× on two cores | {fmt(speedup)}×{ceiling_note} | {verdict(speedup >= 1.8)} |")
    else:
        w("| ≥ 1.8× on two cores | not measured: no `--jobs` | no |")
    default_ft = next((runs[n] for n in ft_names if runs[n].first("thread") == default_thread),
                      runs[ft_names[0]])
    w(f"| `calque train` on {small['rows']:,} rows faster than fastText (default threads) | "
      f"{fmt(ct.wall())} s vs {fmt(default_ft.wall())} s | {verdict(ct.wall() < default_ft.wall())} |")
    w(f"| fit alone ≤ 2× scikit-learn at {large['rows']:,} rows (default tol) | "
      f"{fmt(ratios[('large', False)])}× | {verdict(ratios[('large', False)] <= 2)} |")
    if "calque_score_large_input" in runs:
        big = runs["calque_score_large_input"]
        big_mb = text_mb * int(meta["large_input_copies"])
        w(f"| peak RSS < 50 MB while scoring 1 GB | {fmt(big.rss_mib(), 1)} MiB while scoring "
          f"{fmt(big_mb / 1000)} GB (default threads) | "
          f"{verdict(big.rss_mib() * MIB / MB < 50 and big_mb >= 1000)} |")
    else:
        w(f"| peak RSS < 50 MB while scoring 1 GB | {fmt(calque_one.rss_mib(), 1)} MiB while "
          f"scoring {fmt(text_mb)} MB (1 GB not run) | not measured at 1 GB |")
    binary_mb = int(meta["binary_bytes"]) / MB
    w(f"| release binary < 20 MB | {fmt(binary_mb)} MB | {verdict(binary_mb < 20)} |")
    w(f"| start to first output < 20 ms | {fmt(result['mean'] * 1000, 1)} ms (whole run) | "
      f"{verdict(result['mean'] < 0.020)} |")
    w("")

    # --- commands ---
    w("## Commands")
    w("")
    w("`$WORK` is the script's work folder, `$VENV` its Python virtualenv; paths are relative to "
      "the repository. Each ran as `/usr/bin/time -v COMMAND`; the JSON files hold the "
      "scripts' own timings.")
    w("")
    w("```sh")
    for name, r in runs.items():
        w(f"# {name}")
        w(shorten(r.command, meta))
    w("# start-up")
    w(f"hyperfine -N --warmup 5 --runs 50 '{shorten(meta['startup_command'], meta)}'")
    w("```")
    print("\n".join(out))


if __name__ == "__main__":
    main()
