"""fastText side of benches/compare.sh; prints one JSON line of timings.

  train FILE --thread N [--save MODEL]
      train_supervised(input=FILE) with default parameters (thread=N, or fastText's default
      when N is 0); `train_seconds` covers training only.
  predict MODEL LINES [--batch K]
      model.predict() on every line of LINES, K lines per call; `predict_seconds` covers
      reading the file and predicting, not loading the model.
"""

import argparse
import json
import time

import fasttext


def train(args):
    options = {"input": args.file, "verbose": 0}
    if args.thread:
        options["thread"] = args.thread
    start = time.perf_counter()
    model = fasttext.train_supervised(**options)
    seconds = time.perf_counter() - start
    if args.save:
        model.save_model(args.save)
    arguments = model.f.getArgs()
    print(json.dumps({
        "train_seconds": seconds, "thread": arguments.thread, "epoch": arguments.epoch,
        "dim": arguments.dim, "lr": arguments.lr, "word_ngrams": arguments.wordNgrams,
        "words": len(model.words), "labels": len(model.labels),
    }))


def predict(args):
    start = time.perf_counter()
    model = fasttext.load_model(args.model)
    load_seconds = time.perf_counter() - start
    start = time.perf_counter()
    lines = positives = text_bytes = 0
    batch = []

    def flush():
        nonlocal positives
        labels, _ = model.predict(batch)
        positives += sum(1 for label in labels if label[0] == "__label__1")
        batch.clear()

    with open(args.lines, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            text_bytes += len(line.encode("utf-8"))
            lines += 1
            batch.append(line)
            if len(batch) == args.batch:
                flush()
    if batch:
        flush()
    seconds = time.perf_counter() - start
    print(json.dumps({
        "load_seconds": load_seconds, "predict_seconds": seconds, "lines": lines,
        "text_bytes": text_bytes, "predicted_label_1": positives,
    }))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="what", required=True)
    t = sub.add_parser("train")
    t.add_argument("file")
    t.add_argument("--thread", type=int, default=0)
    t.add_argument("--save")
    p = sub.add_parser("predict")
    p.add_argument("model")
    p.add_argument("lines")
    p.add_argument("--batch", type=int, default=10_000)
    args = parser.parse_args()
    train(args) if args.what == "train" else predict(args)


if __name__ == "__main__":
    main()
