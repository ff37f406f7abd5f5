#!/usr/bin/env python3
"""Checks that scoring time grows linearly with the input, on inputs built to be hard.

Each case is one article made of a repeated piece: long single paragraphs dense in evidence,
a chain of hyphenated words, ellipses without a period, many weekdays and English sentences,
many short paragraphs. Every case is scored at two sizes, one four times the other, in every
output format; the script prints the wall times and their ratio (about 4 when linear, about
16 when quadratic) and exits 1 when a ratio exceeds --max-ratio. Run by hand, not by CI
(wall times): `python3 scripts/scaling.py [--binary target/release/calque] [--bytes N]`.
Only the standard library is used; the inputs are written to a temporary folder and removed.
"""

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = {
    "dense evidence, one line": 'Yesterday, Putin a dit "oui," à Moscow le mercredi: 1,500 $5. ',
    "hyphen chain": "porte-",
    "ellipses, no period": "Attendre… ",
    "weekdays in past sentences": "Il a annoncé le mercredi sa venue, le jeudi aussi ; ",
    "English sentences": "The meeting lasted for three hours and covered trade. Le partnership. ",
    "straight quotes": '"Oui," a-t-il dit. ',
    "many short paragraphs": "Putin a dit oui hier soir à Moscou.\n",
}
FORMATS = ["jsonl", "json", "csv", "text", "html"]


def timed(binary: str, path: Path, fmt: str) -> float:
    """Seconds one `calque score` run takes; exit 1 (a blocked article) is not an error."""
    start = time.perf_counter()
    done = subprocess.run(
        [binary, "score", str(path), "--format", fmt, "--color", "never"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"scaling: {path.name} ({fmt}): exit {done.returncode}: {done.stderr.decode()}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default="target/release/calque")
    parser.add_argument("--bytes", type=int, default=500_000, help="size of the smaller input")
    parser.add_argument("--max-ratio", type=float, default=8.0)
    args = parser.parse_args()
    worst = 0.0
    print(f"| case | format | {args.bytes:,} B s | {4 * args.bytes:,} B s | ratio |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        for name, piece in CASES.items():
            paths = []
            for size in (args.bytes, 4 * args.bytes):
                path = Path(folder) / f"{len(paths)}.txt"
                repeats = max(1, size // len(piece.encode()))
                path.write_text(piece * repeats + "\n", encoding="utf-8")
                paths.append(path)
            for fmt in FORMATS:
                small, large = (timed(args.binary, p, fmt) for p in paths)
                ratio = large / max(small, 0.005)
                worst = max(worst, ratio)
                print(f"| {name} | {fmt} | {small:.3f} | {large:.3f} | {ratio:.1f} |")
    print(f"\nlargest ratio {worst:.1f} (limit {args.max_ratio})")
    return 1 if worst > args.max_ratio else 0


if __name__ == "__main__":
    sys.exit(main())
