#!/usr/bin/env bash
# False alarms on human French: scores the French translations of Debian's man pages and two
# French Debian guides (written by people, about 8 MB) and prints how often each feature fires,
# with its commonest matches. Technical text is full of English command names, so the English,
# typography and shape families fire on it for good reasons; the grammar, calque and names
# families should stay near zero, and a rule change that adds hits there adds false alarms.
#
# Run by hand from the repository root (not by CI): bash scripts/human_text_check.sh [BINARY]
# It installs the Debian packages manpages-fr, debian-reference-fr and maint-guide-fr with
# apt-get when they are missing, renders them into a temporary folder and copies nothing into
# the repository. Give a second binary's path to compare: the script prints both columns.
set -euo pipefail

. "$(dirname "$0")/debian_packages.sh"
ensure_debian_packages human_text_check.sh manpages-fr debian-reference-fr maint-guide-fr

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for page in /usr/share/man/fr/*/*.gz; do
  MANWIDTH=2000 man -l "$page" 2> /dev/null | col -b | sed -E 's/^ +//'
  echo
done > "$work/man-pages.txt"
mkdir "$work/guides"
find /usr/share/doc/debian-reference-fr /usr/share/doc/maint-guide-fr -name '*.html' \
  -exec cp {} "$work/guides/" \;

cargo build --release --quiet
binaries=("${1:-target/release/calque}" "${@:2}")
for i in "${!binaries[@]}"; do
  "${binaries[$i]}" score "$work/man-pages.txt" "$work/guides" --format jsonl --min-words 1 \
    > "$work/$i.jsonl"
done

python3 - "$work" "${binaries[@]}" << 'EOF'
import collections, json, os, sys
work, binaries = sys.argv[1], sys.argv[2:]
tables = []
for i, binary in enumerate(binaries):
    hits, matches, paragraphs, flagged = collections.Counter(), {}, 0, 0
    with open(os.path.join(work, f"{i}.jsonl"), encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record.get("type") != "paragraph":
                continue
            paragraphs += 1
            flagged += record["flagged"]
            for e in record["evidence"]:
                name = e["family"] + "/" + e["feature"]
                hits[name] += 1
                matches.setdefault(name, collections.Counter())[e["match"][:30]] += 1
    tables.append((binary, hits, matches, paragraphs, flagged))
for binary, _, _, paragraphs, flagged in tables:
    print(f"{binary}: {paragraphs} paragraphs, {flagged} flagged")
names = sorted(set().union(*(t[1] for t in tables)))
print("| family/feature | " + " | ".join(t[0] for t in tables) + " | commonest matches (first binary) |")
print("|---|" + "---|" * len(tables) + "---|")
for name in names:
    counts = " | ".join(str(t[1][name]) for t in tables)
    top = ", ".join(f"`{m}` ({n})" for m, n in tables[0][2].get(name, collections.Counter()).most_common(5))
    print(f"| {name} | {counts} | {top} |")
EOF
