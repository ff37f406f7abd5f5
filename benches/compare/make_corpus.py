"""Makes the inputs of benches/compare.sh from the project's own training rows, deterministically.

Sentences are taken from training-data/*.csv (written and generated rows) and recombined into
new paragraphs, so that a large corpus is not the same few thousand paragraphs repeated:

- clean sentences: every sentence of a label-0 row;
- defective sentences: sentences of label-1 rows that no label-0 row contains (a badly
  translated twin shares its untouched sentences with the clean original; those stay clean).

A label-0 paragraph is 1 to 5 clean sentences (2.6 on average, about the length of the
project's paragraphs); a label-1 paragraph is the same with one of them, sometimes two,
replaced by a defective sentence.

Subcommands:
  score DIR --megabytes N --seed S
      DIR/articles/NNNNN.txt (5 to 20 paragraphs each, one paragraph per line) and
      DIR/lines.txt (the same paragraphs, one per line, in the same order); prints JSON with
      the paragraph, article and byte counts.
  train DIR --rows N --seed S [--fasttext]
      DIR/trainN.csv (id,doc,pair,label,text; about 10 rows per doc, `pair` left empty as no
      row has a twin) and, with --fasttext, DIR/trainN.ft.txt (the same rows as
      `__label__L text`); prints JSON.
"""

import argparse
import csv
import glob
import json
import os
import random
import re

# A sentence ends at . ! ? … (and closing quotes) before a capital, a digit or an opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?…»\"”])\s+(?=[«\"“A-ZÀ-ÖØ-Þ0-9])")
# Chunks ending like this were cut after an abbreviation or an initial, not a sentence.
NOT_AN_END = re.compile(r"(?:\b(?:M|Mme|Mmes|MM|Mgr|Dr|Pr|St|Ste|av|cf|p|n°|no)|\b[A-Z])\.$")

LABEL_1_SHARE_SCORE = 0.35
LABEL_1_SHARE_TRAIN = 0.45


def split_sentences(text):
    """Sentences of one paragraph, glued back where the cut followed an abbreviation."""
    out = []
    for chunk in SENTENCE_END.split(text.strip()):
        if out and NOT_AN_END.search(out[-1]):
            out[-1] += " " + chunk
        else:
            out.append(chunk)
    return [s for s in out if s]


def sentence_pools(repo):
    """(clean, defective) sentence lists, in a stable order, from the project's CSVs."""
    paths = sorted(glob.glob(os.path.join(repo, "training-data", "**", "*.csv"), recursive=True))
    clean, defective_candidates = {}, {}
    for path in paths:
        with open(path, newline="", encoding="utf-8") as f:
            for row in csv.DictReader(f):
                target = clean if row["label"] == "0" else defective_candidates
                for sentence in split_sentences(row["text"].replace("\n", " ")):
                    target.setdefault(sentence, None)
    defective = [s for s in defective_candidates if s not in clean]
    if not clean or not defective:
        raise SystemExit("make_corpus: no sentences found under training-data/")
    return list(clean), defective


def paragraph(rng, label, clean, defective):
    """One new paragraph of the given label."""
    count = rng.choice([1, 1, 2, 2, 2, 3, 3, 4, 5])
    sentences = [rng.choice(clean) for _ in range(count)]
    if label == 1:
        sentences[rng.randrange(count)] = rng.choice(defective)
        if count > 2 and rng.random() < 0.3:
            sentences[rng.randrange(count)] = rng.choice(defective)
    return " ".join(sentences)


def make_score(args, clean, defective):
    rng = random.Random(args.seed)
    articles = os.path.join(args.dir, "articles")
    os.makedirs(articles, exist_ok=True)
    target = args.megabytes * 1_000_000
    text_bytes = paragraphs = n = 0
    with open(os.path.join(args.dir, "lines.txt"), "w", encoding="utf-8", newline="\n") as lines:
        while text_bytes < target:
            n += 1
            body = []
            for _ in range(rng.randint(5, 20)):
                label = 1 if rng.random() < LABEL_1_SHARE_SCORE else 0
                body.append(paragraph(rng, label, clean, defective))
            text = "".join(p + "\n" for p in body)
            with open(os.path.join(articles, f"{n:05d}.txt"), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            lines.write(text)
            text_bytes += sum(len(p.encode()) for p in body)
            paragraphs += len(body)
    articles_bytes = sum(e.stat().st_size for e in os.scandir(articles))
    lines_bytes = os.path.getsize(os.path.join(args.dir, "lines.txt"))
    print(json.dumps({"articles": n, "paragraphs": paragraphs, "text_bytes": text_bytes,
                      "articles_bytes": articles_bytes, "lines_bytes": lines_bytes,
                      "clean_sentences": len(clean), "defective_sentences": len(defective)}))


def make_train(args, clean, defective):
    rng = random.Random(args.seed * 1_000_003 + args.rows)
    csv_path = os.path.join(args.dir, f"train{args.rows}.csv")
    ft_path = os.path.join(args.dir, f"train{args.rows}.ft.txt")
    positives = 0
    ft = open(ft_path, "w", encoding="utf-8", newline="\n") if args.fasttext else None
    with open(csv_path, "w", encoding="utf-8", newline="") as c:
        writer = csv.writer(c, lineterminator="\n")
        writer.writerow(["id", "doc", "pair", "label", "text"])
        row = doc = 0
        while row < args.rows:
            doc += 1
            for _ in range(min(rng.randint(8, 12), args.rows - row)):
                row += 1
                label = 1 if rng.random() < LABEL_1_SHARE_TRAIN else 0
                positives += label
                text = paragraph(rng, label, clean, defective)
                writer.writerow([f"r{row}", f"d{doc}", "", label, text])
                if ft:
                    ft.write(f"__label__{label} {text}\n")
    summary = {"rows": args.rows, "positives": positives, "docs": doc,
               "csv_bytes": os.path.getsize(csv_path)}
    if ft:
        ft.close()
        summary["ft_bytes"] = os.path.getsize(ft_path)
    print(json.dumps(summary))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["score", "train"])
    parser.add_argument("dir")
    parser.add_argument("--repo", default=os.path.join(os.path.dirname(__file__), "..", ".."))
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--megabytes", type=int, default=50)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--fasttext", action="store_true")
    args = parser.parse_args()
    clean, defective = sentence_pools(args.repo)
    os.makedirs(args.dir, exist_ok=True)
    if args.what == "score":
        make_score(args, clean, defective)
    else:
        make_train(args, clean, defective)


if __name__ == "__main__":
    main()
