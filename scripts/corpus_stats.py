#!/usr/bin/env python3
"""Prints the training corpus figures quoted in training-data/README.md (Markdown).

Usage: python3 scripts/corpus_stats.py [CSV ...]   (default: training-data/written/*.csv and
training-data/generated.csv). Standard library only.
"""
import collections
import csv
import glob
import sys

paths = sys.argv[1:] or sorted(glob.glob("training-data/written/*.csv")) + ["training-data/generated.csv"]
rows = []
for path in paths:
    with open(path, encoding="utf-8", newline="") as f:
        rows += list(csv.DictReader(f))

def share(items, test):
    items = list(items)
    return 100.0 * sum(1 for r in items if test(r)) / max(1, len(items))

written = [r for r in rows if not r["kind"].startswith("generated")]
generated = [r for r in rows if r["kind"].startswith("generated")]
print(f"rows: {len(rows)} ({len(written)} written, {len(generated)} generated); "
      f"label 1: {sum(r['label'] == '1' for r in rows)}; label 0: {sum(r['label'] == '0' for r in rows)}")
print()
print("| section | rows |")
print("|---|---|")
for section, n in sorted(collections.Counter(r["section"] for r in rows).items()):
    print(f"| {section} | {n} |")
print()
print("| kind | label | rows |")
print("|---|---|---|")
for (kind, label), n in sorted(collections.Counter((r["kind"], r["label"]) for r in rows).items()):
    print(f"| {kind} | {label} | {n} |")
words = sorted(len(r["text"].split()) for r in written)
print()
print(f"words per written paragraph: min {words[0]}, median {words[len(words) // 2]}, max {words[-1]}")
print()
print("| label | with « » | with straight double quotes | with ’ |")
print("|---|---|---|---|")
for label in "01":
    part = [r for r in rows if r["label"] == label]
    print(f"| {label} | {share(part, lambda r: '«' in r['text']):.1f}% | "
          f"{share(part, lambda r: chr(34) in r['text']):.1f}% | {share(part, lambda r: '’' in r['text']):.1f}% |")
