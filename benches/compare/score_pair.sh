#!/usr/bin/env bash
# Two independent one-thread `calque score` runs at once, for benches/compare.sh: they share no
# memory, lock or channel, so their speed-up over one run is what the machine's two cores give
# any work. Fails when either run fails.
#
# Usage: score_pair.sh CALQUE ARTICLES_DIR
set -euo pipefail
calque=$1
articles=$2
"$calque" score "$articles" --format jsonl --jobs 1 >/dev/null &
first=$!
"$calque" score "$articles" --format jsonl --jobs 1 >/dev/null
wait "$first"
