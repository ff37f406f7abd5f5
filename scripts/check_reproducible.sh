#!/usr/bin/env bash
# Checks that the shipped corpus and model are what their commands make: `calque synth --seed 7`
# must give training-data/generated.csv and `calque train` must give models/default.json, byte
# for byte. A lexicon change that moves the synth draw, or a feature change shipped without
# retraining, fails here. Needs a release build (CI builds one first).
# Usage: bash scripts/check_reproducible.sh
set -euo pipefail
cd "$(dirname "$0")/.."
calque=target/release/calque
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$calque" synth --data training-data/written --seed 7 > "$tmp/generated.csv" 2> /dev/null
if ! cmp -s "$tmp/generated.csv" training-data/generated.csv; then
  echo "training-data/generated.csv is not what 'calque synth --data training-data/written --seed 7' makes now: regenerate it, then retrain" >&2
  exit 1
fi
"$calque" train --data training-data/written training-data/generated.csv --out "$tmp/default.json" > /dev/null
if ! cmp -s "$tmp/default.json" models/default.json; then
  echo "models/default.json is not what 'calque train' makes from training-data/ now: retrain it and run scripts/evaluate.sh --write" >&2
  exit 1
fi
echo "training-data/generated.csv and models/default.json are reproducible"
