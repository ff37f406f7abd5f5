#!/usr/bin/env bash
# Side by side: calque against fastText (scoring, training) and scikit-learn (the fit alone),
# on one corpus generated from the project's own training rows. Run by hand, not by CI:
#
#   bash benches/compare.sh            # full: 50 MB to score, 100k and 1M labeled rows (~15 min)
#   bash benches/compare.sh --quick    # 5 MB, 10k and 100k rows, a quick check (~2 min)
#
# Options: --keep (leave the work folder), --out FILE (where the report goes; default
# benches/RESULTS.md for a full run, target/compare-RESULTS.quick.md for --quick), --seed N.
# Environment: CALQUE_COMPARE_VENV (default ~/.cache/calque/compare-venv),
# CALQUE_COMPARE_WORK (default ${TMPDIR:-/tmp}/calque-compare).
#
# Everything runs one process at a time, except a pair of one-thread scoring runs timed together
# on purpose (what the machine's two cores give work that shares nothing). Each measured
# command runs under /usr/bin/time -v (wall time, peak RSS): scoring in five interleaved rounds,
# any other command three times when its first run takes under 30 s; the report gives
# medians. benches/compare/report.py writes the report (atomically).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
here="$repo/benches/compare"

quick=false
keep=false
out=""
seed=5
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=true ;;
    --keep) keep=true ;;
    --out) out=$2; shift ;;
    --seed) seed=$2; shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "usage: $0 [--quick] [--keep] [--out FILE] [--seed N]" >&2; exit 2 ;;
  esac
  shift
done

if $quick; then
  megabytes=5 small=10000 large=100000 copies=4 mode=quick
else
  megabytes=50 small=100000 large=1000000 copies=20 mode=full
fi
venv=${CALQUE_COMPARE_VENV:-$HOME/.cache/calque/compare-venv}
work=${CALQUE_COMPARE_WORK:-${TMPDIR:-/tmp}/calque-compare}
[ -n "$out" ] || { if $quick; then out="$repo/target/compare-RESULTS.quick.md"; else out="$repo/benches/RESULTS.md"; fi; }
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac

uptime_start=$(uptime)
log() { printf '[compare %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# --- work folder: ours (marked) or new; removed at the end unless --keep -----------------------
if [ -e "$work" ] && [ ! -e "$work/.calque-compare" ] && [ -n "$(ls -A "$work")" ]; then
  echo "compare: $work exists and was not made by this script; set CALQUE_COMPARE_WORK" >&2
  exit 2
fi
rm -rf "$work"
mkdir -p "$work/out"
touch "$work/.calque-compare"
cleanup() {
  if $keep; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

# --- tools: GNU time, hyperfine, the Python venv, the release binaries --------------------------
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
apt_updated=false
need_apt() {
  local package=$1
  $apt_updated || { $sudo apt-get update -qq; apt_updated=true; }
  $sudo apt-get install -y -qq "$package" >/dev/null
}
[ -x /usr/bin/time ] || need_apt time
command -v hyperfine >/dev/null || need_apt hyperfine

if [ ! -x "$venv/bin/python" ] || ! cmp -s "$here/requirements.txt" "$venv/requirements.txt"; then
  log "setting up $venv"
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$here/requirements.txt"
  cp "$here/requirements.txt" "$venv/requirements.txt"
fi
py="$venv/bin/python"

log "building the release binary and examples/fit_features"
(cd "$repo" && cargo build --release --quiet --bin calque --example fit_features)
target=${CARGO_TARGET_DIR:-$repo/target}
calque="$target/release/calque"
fit="$target/release/examples/fit_features"

# --- measuring ---------------------------------------------------------------------------------
# measure NAME STDOUT CMD...: runs CMD with its standard output in STDOUT, under
# /usr/bin/time -v; three runs when the first takes under 30 s. Appends one line per run to
# results.tsv: name, run, time -v file, stdout file, command.
measure() {
  local name=$1 stdout=$2
  shift 2
  local run wall
  # ROUND numbers the single run of an interleaved round, so that rounds keep their own files.
  for run in ${ROUND:-1 2 3}; do
    local timefile="$work/out/$name.$run.time"
    /usr/bin/time -v -o "$timefile" "$@" >"$stdout"
    local kept="$stdout"
    if [ "$stdout" != /dev/null ] && [ "${stdout%.json}" != "$stdout" ]; then
      kept="$work/out/$name.$run.json"
      cp "$stdout" "$kept"
    fi
    printf '%s\t%s\t%s\t%s\t%s > %s\n' "$name" "$run" "$timefile" "$kept" "$*" "$stdout" >>"$work/results.tsv"
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
      n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$timefile")
    log "$name run $run: ${wall} s"
    if [ "${MEASURE_ONCE:-}" = 1 ] || awk -v w="$wall" 'BEGIN { exit !(w >= 30) }'; then
      break
    fi
  done
}
measure_once() { MEASURE_ONCE=1 measure "$@"; }

meta() { printf '%s\t%s\n' "$1" "$2" >>"$work/meta.tsv"; }

# --- the corpus --------------------------------------------------------------------------------
log "generating a ${megabytes} MB scoring corpus and ${small}-row training rows (seed $seed)"
"$py" "$here/make_corpus.py" score "$work" --megabytes "$megabytes" --seed "$seed" >"$work/corpus.json"
"$py" "$here/make_corpus.py" train "$work" --rows "$small" --seed "$seed" --fasttext >"$work/train_small.json"

# --- scoring throughput ------------------------------------------------------------------------
cd "$repo"
if "$calque" score --help | grep -q -- '--jobs'; then
  meta jobs yes
  # Interleaved rounds, so a drift in the machine's speed touches every command alike. The
  # pair (two independent one-thread runs at once) shares nothing, so its speed-up is what
  # this machine's cores give any work, to set beside --jobs 2.
  for round in 1 2 3 4 5; do
    log "scoring, round $round of 5"
    ROUND=$round measure_once calque_score_jobs1 /dev/null "$calque" score "$work/articles" --format jsonl --jobs 1
    ROUND=$round measure_once calque_score_jobs2 /dev/null "$calque" score "$work/articles" --format jsonl --jobs 2
    ROUND=$round measure_once calque_score_pair /dev/null bash "$here/score_pair.sh" "$calque" "$work/articles"
  done
  # Memory on a large input: the articles folder named $copies times is read as one stream of
  # $copies × the corpus (1 GB in a full run), with no more disk used.
  folders=()
  for _ in $(seq "$copies"); do folders+=("$work/articles"); done
  meta large_input_copies "$copies"
  measure_once calque_score_large_input /dev/null "$calque" score "${folders[@]}" --format jsonl
else
  meta jobs no
  measure calque_score /dev/null "$calque" score "$work/articles" --format jsonl
fi

log "training the fastText model used for predict (thread=1) and timing fastText training"
nproc=$(nproc)
default_thread=$("$py" -c 'import multiprocessing; print(multiprocessing.cpu_count() - 1)')
meta fasttext_default_thread "$default_thread"
measure fasttext_train_t1 "$work/ft.json" \
  "$py" "$here/fasttext_bench.py" train "$work/train$small.ft.txt" --thread 1 --save "$work/ft.bin"
if [ "$default_thread" -ne 1 ] && [ "$default_thread" -ne "$nproc" ]; then
  measure fasttext_train_default "$work/ft.json" "$py" "$here/fasttext_bench.py" train "$work/train$small.ft.txt"
fi
if [ "$nproc" -ne 1 ]; then
  measure fasttext_train_t$nproc "$work/ft.json" \
    "$py" "$here/fasttext_bench.py" train "$work/train$small.ft.txt" --thread "$nproc"
fi
measure fasttext_predict "$work/ft.json" "$py" "$here/fasttext_bench.py" predict "$work/ft.bin" "$work/lines.txt"
rm -rf "$work/articles" "$work/lines.txt"

# --- training end to end -----------------------------------------------------------------------
measure calque_train_small "$work/train.txt" \
  "$calque" train --data "$work/train$small.csv" --out "$work/m.json" --force

# --- the fit alone on `calque features --data` output ------------------------------------------
fit_alone() {
  local size=$1 rows=$2
  measure_once calque_features_$size "$work/features$rows.csv" "$calque" features --data "$work/train$rows.csv"
  rm -f "$work/train$rows.csv" "$work/train$rows.ft.txt"
  measure calque_fit_$size "$work/fit.json" "$fit" "$work/features$rows.csv"
  measure sklearn_fit_$size "$work/fit.json" env OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    "$py" "$here/sklearn_fit.py" "$work/features$rows.csv"
  measure sklearn_fit_tol6_$size "$work/fit.json" env OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
    "$py" "$here/sklearn_fit.py" "$work/features$rows.csv" --tol 1e-6
  rm -f "$work/features$rows.csv"
}
fit_alone small "$small"
log "generating ${large} training rows"
"$py" "$here/make_corpus.py" train "$work" --rows "$large" --seed "$seed" >"$work/train_large.json"
fit_alone large "$large"

# --- start-up and size -------------------------------------------------------------------------
log "start-up time (hyperfine)"
hyperfine -N --warmup 5 --runs 50 --export-json "$work/hyperfine.json" \
  "$calque score tests/data/clean.txt" >/dev/null 2>&1
strip -o "$work/calque.stripped" "$calque"

# --- the machine, then the report --------------------------------------------------------------
meta mode "$mode"
meta seed "$seed"
meta small "$small"
meta large "$large"
meta nproc "$nproc"
meta cpu "$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
meta ram "$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
meta os "$(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
meta rustc "$(rustc --version)"
meta python "$("$py" --version 2>&1)"
meta packages "$("$venv/bin/pip" freeze --disable-pip-version-check | grep -iE '^(fasttext|numpy|scipy|scikit-learn)' | paste -sd ' ')"
meta hyperfine "$(hyperfine --version)"
meta gnu_time "GNU time $(dpkg-query -W -f='${Version}' time 2>/dev/null || /usr/bin/time --version 2>&1 | head -1)"
meta commit "$(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- src Cargo.toml Cargo.lock models || echo ' (with uncommitted changes)')"
meta date "$(date -u '+%Y-%m-%d %H:%M UTC')"
meta uptime_start "$uptime_start"
meta uptime_end "$(uptime)"
meta binary_bytes "$(stat -c %s "$calque")"
meta stripped_bytes "$(stat -c %s "$work/calque.stripped")"
meta startup_command "$calque score tests/data/clean.txt"
meta venv "$venv"
meta work "$work"
meta repo "$repo"

mkdir -p "$(dirname "$out")"
tmp=$(mktemp "$(dirname "$out")/.RESULTS.md.XXXXXX")
"$py" "$here/report.py" "$work" >"$tmp" || { rm -f "$tmp"; exit 1; }
mv "$tmp" "$out"
log "wrote $out"
