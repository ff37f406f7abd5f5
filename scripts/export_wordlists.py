#!/usr/bin/env python3
"""Export the word lists that calque compiles in (src/lexicons/*.tsv).

Run from the repository root:

    python3 scripts/export_wordlists.py

What it does, deterministically:

1. Creates (once) a private virtualenv outside the repository, in
   ${XDG_CACHE_HOME:-~/.cache}/calque/export-wordlists-venv, pip-installs the
   pinned wordfreq (and its pinned dependencies) there, and re-executes itself
   inside it.
2. Makes sure Debian's French hunspell dictionary (package
   hunspell-fr-classical, the Dicollecte/Grammalecte "classique" dictionary,
   which carries morphological tags such as `po:nom is:fem`) is installed,
   installing it with apt-get if it is missing.
3. Writes, each sorted in code-point order (= UTF-8 byte order) with a `#`
   header naming source, version, licence and filtering rules:
     src/lexicons/fr_words.tsv     word<TAB>zipf   (French, wordfreq)
     src/lexicons/en_words.tsv     word<TAB>zipf   (English, wordfreq)
     src/lexicons/noun_gender.tsv  noun<TAB>m|f    (hunspell-fr tags x wordfreq)
     src/lexicons/adjective_gender.tsv  adjective<TAB>m|f  (hunspell-fr tags x wordfreq)
     src/lexicons/fr_compounds.tsv  hyphenated words (hunspell-fr forms x wordfreq)
     src/lexicons/female_first_names.tsv  first names (hunspell-fr, US census via names)
4. Prints the counts.

The output depends only on the pinned package versions below and on the
installed Debian package version (recorded in the headers); it contains no
timestamps, so re-running it must leave `git diff` empty.
"""

import os
import re
import shutil
import subprocess
import sys
import venv

# --------------------------------------------------------------------------
# Pins and paths
# --------------------------------------------------------------------------

WORDFREQ_VERSION = "3.1.1"
# Trey Hunner's `names`, which ships the US Census Bureau's 1990 first-name frequencies.
NAMES_VERSION = "0.3.0"
# A census name is a woman's when at least this share of women bear it (per cent)...
CENSUS_MIN_FEMALE_PERCENT = 0.005
# ... and at most a tenth of that share of men.
CENSUS_MAX_MALE_RATIO = 0.1
# wordfreq and the exact versions of its dependencies that the committed files
# were generated with (regex/ftfy take part in zipf_frequency's tokenizer).
PIP_PINS = [
    "wordfreq==" + WORDFREQ_VERSION,
    "ftfy==6.3.1",
    "langcodes==3.5.1",
    "locate==1.1.1",
    "msgpack==1.2.4",
    "regex==2026.11.15",
    "wcwidth==0.9.4",
    "names==" + NAMES_VERSION,
]

HUNSPELL_PACKAGE = "hunspell-fr-classical"
HUNSPELL_TESTED_VERSION = "1:7.0-1"
HUNSPELL_DIC = "/usr/share/hunspell/fr.dic"
HUNSPELL_AFF = "/usr/share/hunspell/fr.aff"

# top_n_list size: larger than wordfreq's whole French/English 'large' lists
# (about 311k and 320k entries), so the zipf threshold alone decides.
TOP_N = 1_000_000
FR_MIN_ZIPF = 1.5
EN_MIN_ZIPF = 2.0
NOUN_MIN_ZIPF = 2.5

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(REPO_ROOT, "src", "lexicons")
SCRIPT_REL = "scripts/export_wordlists.py"

VENV_ENV_FLAG = "CALQUE_EXPORT_WORDLISTS_IN_VENV"


def venv_dir():
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(
        os.path.expanduser("~"), ".cache"
    )
    return os.path.join(cache, "calque", "export-wordlists-venv")


def log(msg):
    print("[export_wordlists] " + msg, file=sys.stderr, flush=True)


# --------------------------------------------------------------------------
# Step 1: private virtualenv with pinned wordfreq
# --------------------------------------------------------------------------


def ensure_venv_and_reexec():
    """Re-execute this script inside the pinned virtualenv (creating it)."""
    if os.environ.get(VENV_ENV_FLAG) == "1":
        return
    vdir = venv_dir()
    py = os.path.join(vdir, "bin", "python")
    stamp = os.path.join(vdir, "calque-pins.txt")
    wanted = "\n".join(PIP_PINS) + "\n"
    have = None
    if os.path.exists(stamp):
        with open(stamp, encoding="utf-8") as f:
            have = f.read()
    if have != wanted or not os.path.exists(py):
        if os.path.exists(vdir):
            shutil.rmtree(vdir)
        log("creating virtualenv " + vdir)
        venv.EnvBuilder(with_pip=True, clear=True).create(vdir)
        log("pip install " + " ".join(PIP_PINS))
        subprocess.run(
            [py, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
            + PIP_PINS,
            check=True,
        )
        with open(stamp, "w", encoding="utf-8") as f:
            f.write(wanted)
    env = dict(os.environ)
    env[VENV_ENV_FLAG] = "1"
    os.execve(py, [py, os.path.abspath(__file__)] + sys.argv[1:], env)


# --------------------------------------------------------------------------
# Step 2: Debian's French hunspell dictionary
# --------------------------------------------------------------------------


def _root_prefix():
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo"):
        return ["sudo"]
    sys.exit("need root (or sudo) to apt-get install " + HUNSPELL_PACKAGE)


def dpkg_version(pkg):
    r = subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}\t${Version}", pkg],
        capture_output=True,
        text=True,
    )
    if r.returncode != 0:
        return None
    status, _, version = r.stdout.partition("\t")
    return version if status.endswith(" installed") else None


def ensure_hunspell_fr():
    """Install hunspell-fr-classical if missing; return its version."""
    version = dpkg_version(HUNSPELL_PACKAGE)
    if version is None:
        if not shutil.which("apt-get"):
            sys.exit("apt-get not found: install " + HUNSPELL_PACKAGE + " by hand")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        cmd = _root_prefix() + ["apt-get", "install", "-y", "-q", HUNSPELL_PACKAGE]
        log(" ".join(cmd))
        if subprocess.run(cmd, env=env).returncode != 0:
            log("apt-get install failed; running apt-get update and retrying")
            subprocess.run(_root_prefix() + ["apt-get", "update", "-q"], env=env, check=True)
            subprocess.run(cmd, env=env, check=True)
        version = dpkg_version(HUNSPELL_PACKAGE)
    if version is None:
        sys.exit(HUNSPELL_PACKAGE + " is not installed")
    owner = subprocess.run(
        ["dpkg-query", "-S", HUNSPELL_DIC], capture_output=True, text=True
    ).stdout.split(":")[0]
    if owner != HUNSPELL_PACKAGE:
        sys.exit(
            "%s belongs to %r, expected %s (the -revised/-comprehensive variants "
            "conflict with it and give different output)" % (HUNSPELL_DIC, owner, HUNSPELL_PACKAGE)
        )
    if version != HUNSPELL_TESTED_VERSION:
        log(
            "warning: %s %s installed; the committed files were made with %s"
            % (HUNSPELL_PACKAGE, version, HUNSPELL_TESTED_VERSION)
        )
    return version


# --------------------------------------------------------------------------
# Hunspell .aff/.dic reader (enough of the format for noun forms)
# --------------------------------------------------------------------------

NEEDAFFIX = "()"  # NEEDAFFIX flag declared in fr.aff ("NEEDAFFIX ()")


def split_flags(s):
    """fr.aff declares FLAG long: every flag is two characters."""
    if len(s) % 2:
        raise ValueError("odd long-flag string %r" % s)
    return [s[i : i + 2] for i in range(0, len(s), 2)]


def condition_regex(cond, suffix):
    """Translate a hunspell affix condition into an anchored Python regex."""
    if cond == ".":
        return None
    out = []
    i = 0
    while i < len(cond):
        c = cond[i]
        if c == "[":
            j = cond.index("]", i)
            body = cond[i + 1 : j]
            neg = body.startswith("^")
            if neg:
                body = body[1:]
            out.append("[" + ("^" if neg else "") + "".join(re.escape(ch) for ch in body) + "]")
            i = j + 1
        elif c == ".":
            out.append(".")
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    pat = "".join(out)
    return re.compile(pat + "$" if suffix else "^" + pat)


class Affix:
    __slots__ = ("kind", "flag", "cross", "strip", "add", "cont", "cond", "morph")

    def __init__(self, kind, flag, cross, strip, add, cont, cond, morph):
        self.kind, self.flag, self.cross = kind, flag, cross
        self.strip, self.add, self.cont = strip, add, cont
        self.cond, self.morph = cond, morph

    def applies(self, stem):
        if self.kind == "SFX":
            if self.strip and not stem.endswith(self.strip):
                return False
        else:
            if self.strip and not stem.startswith(self.strip):
                return False
        return self.cond is None or self.cond.search(stem) is not None

    def apply(self, stem):
        if self.kind == "SFX":
            base = stem[: len(stem) - len(self.strip)] if self.strip else stem
            return base + self.add
        return self.add + stem[len(self.strip) :]


def read_aff(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    for line in lines:
        p = line.split()
        if p[:2] == ["FLAG", "long"]:
            break
    else:
        raise SystemExit("fr.aff: expected 'FLAG long'")
    if "NEEDAFFIX " + NEEDAFFIX not in lines:
        raise SystemExit("fr.aff: expected 'NEEDAFFIX ()'")
    rules = {}  # flag -> list[Affix]
    cross = {}
    for line in lines:
        p = line.split()
        if len(p) < 4 or p[0] not in ("SFX", "PFX"):
            continue
        if len(p) == 4 and p[2] in ("Y", "N") and p[3].isdigit():
            cross[p[1]] = p[2] == "Y"
            rules.setdefault(p[1], [])
            continue
        kind, flag, strip, add = p[0], p[1], p[2], p[3]
        cond = p[4] if len(p) > 4 else "."
        morph = tuple(p[5:])
        cont = []
        if "/" in add:
            add, contstr = add.split("/", 1)
            cont = split_flags(contstr)
        if strip == "0":
            strip = ""
        if add == "0":
            add = ""
        rules[flag].append(
            Affix(kind, flag, cross[flag], strip, add, frozenset(cont),
                  condition_regex(cond, kind == "SFX"), morph)
        )
    return rules


def read_dic(path):
    """Yield (stem, flags, morph) for every entry of the .dic file."""
    with open(path, encoding="utf-8") as f:
        first = True
        for line in f:
            line = line.rstrip("\n")
            if first:
                first = False
                if line.strip().isdigit():
                    continue
            if not line.strip():
                continue
            fields = line.split()
            word = fields[0]
            flags = []
            # split at the first unescaped '/'
            m = re.match(r"^((?:[^/\\]|\\.)+)(?:/(.*))?$", word)
            if m:
                word = m.group(1).replace("\\/", "/")
                if m.group(2):
                    flags = split_flags(m.group(2))
            yield word, frozenset(flags), tuple(fields[1:])


def expand(stem, flags, morph, rules):
    """All surface forms of one dictionary entry, with their morphology.

    Handles suffixes, prefixes, prefix+suffix cross products (including
    suffixes enabled by a prefix's continuation flags) and the NEEDAFFIX flag.
    Prefixes that add an apostrophe (elisions: l' d' qu' jusqu' ...) are
    skipped: wordfreq splits those off, so such forms are never looked up.
    fr.aff has no suffix whose continuation names another suffix (no twofold
    suffixes), so one suffix at most is applied.
    """
    out = []
    if NEEDAFFIX not in flags:
        out.append((stem, morph))
    sfx = [a for f in sorted(flags) for a in rules.get(f, ()) if a.kind == "SFX"]
    pfx = [a for f in sorted(flags) for a in rules.get(f, ()) if a.kind == "PFX"
           and "'" not in a.add and "’" not in a.add]
    for s in sfx:
        if s.applies(stem) and NEEDAFFIX not in s.cont:
            out.append((s.apply(stem), morph + s.morph))
    for p in pfx:
        if not p.applies(stem):
            continue
        if NEEDAFFIX not in p.cont:
            out.append((p.apply(stem), morph + p.morph))
        if not p.cross:
            continue
        extra = [a for f in sorted(p.cont) for a in rules.get(f, ()) if a.kind == "SFX"]
        for s in sfx + extra:
            if s.cross and s.applies(stem):
                out.append((p.apply(s.apply(stem)), morph + p.morph + s.morph))
    return out


# Parts of speech that make a noun form unsafe as a gender cue: a form that can
# also be a grammatical word (Dicollecte's po:mg "mot grammatical", determiners,
# pronouns, prepositions, conjunctions, negation adverbs) -- "la", "un", "une",
# "son", "tout", "pas", "plus", "si", "car", "personne", "rien"... -- or an
# adjective, which takes the gender of the noun it qualifies ("une étrange
# affaire", "sa propre voiture").
GRAMMATICAL_POS = re.compile(r"^po:(mg|det|pro|prep|cj|negadv|adj)")


def analyse(rules, wanted):
    """For the forms in `wanted`, read every .dic entry and return

    genders: form -> set of genders ('m', 'f', 'epi', '?') over its po:nom readings
    grammatical: set of forms with a reading whose tags match GRAMMATICAL_POS.
    """
    genders = {}
    grammatical = set()
    for stem, flags, morph in read_dic(HUNSPELL_DIC):
        is_noun = "po:nom" in morph
        for form, m in expand(stem, flags, morph, rules):
            form = form.replace("\u2019", "'")
            if form not in wanted:
                continue
            if any(GRAMMATICAL_POS.match(t) for t in m):
                grammatical.add(form)
            if not is_noun:
                continue
            g = set()
            if "is:mas" in m:
                g.add("m")
            if "is:fem" in m:
                g.add("f")
            if "is:epi" in m:
                g.add("epi")
            if not g:
                g.add("?")
            genders.setdefault(form, set()).update(g)
    return genders, grammatical


def adjective_genders(rules, wanted):
    """For the forms in `wanted`, return form -> gender ('m' or 'f') for the adjective
    forms, singular and plural, that only one gender can take and whose entry has a
    singular form of the other gender: the forms whose gender shows ("heureux" beside
    "heureuse", "nationaux" beside "nationales").

    A form is left out when any reading of it comes from an entry that is not an adjective
    (a verb's participle, an adverb, a noun of its own such as "haut" or "mort"), or when it
    is épicène or both genders.
    """
    readings = {}  # form -> set of genders of its adjective readings
    other = set()  # forms with a reading from an entry that is not an adjective
    for stem, flags, morph in read_dic(HUNSPELL_DIC):
        is_adj = "po:adj" in morph
        forms = expand(stem, flags, morph, rules)
        if not is_adj:
            for form, _ in forms:
                form = form.replace("\u2019", "'")
                if form in wanted:
                    other.add(form)
            continue
        singular = {}
        by_gender = {}
        for form, m in forms:
            if "is:epi" in m:
                gender = "epi"
            elif "is:mas" in m and "is:fem" not in m:
                gender = "m"
            elif "is:fem" in m and "is:mas" not in m:
                gender = "f"
            else:
                gender = "?"
            form = form.replace("\u2019", "'")
            by_gender.setdefault(gender, set()).add(form)
            if "is:pl" not in m:
                singular.setdefault(gender, set()).add(form)
        both = len(singular.get("m", ())) > 0 and len(singular.get("f", ())) > 0
        for gender, forms_of_gender in by_gender.items():
            for form in forms_of_gender:
                if form not in wanted:
                    continue
                readings.setdefault(form, set()).add(gender if both else "alone")
    return {
        form: next(iter(genders))
        for form, genders in readings.items()
        if form not in other and len(genders) == 1 and genders <= {"m", "f"}
    }


def hyphenated_with_english_parts(rules, fr, en):
    """The lowercase hyphenated surface forms of the dictionary (sit-in, self-service,
    cross-country, pull-overs) with a part that wordfreq finds more English than French:
    the French dictionary words that calque's rule for English compounds would otherwise
    read as English. Proper nouns are skipped."""
    out = set()
    for stem, flags, morph in read_dic(HUNSPELL_DIC):
        if "-" not in stem or any(t.startswith(("po:npr", "po:prn", "po:patr")) for t in morph):
            continue
        for form, _ in expand(stem, flags, morph, rules):
            form = form.replace("\u2019", "'")
            parts = form.split("-")
            if not FR_SHAPE.match(form) or "'" in form or not all(parts):
                continue
            if any(en.get(part, 0) > fr.get(part, 0) for part in parts):
                out.add(form)
    return out


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

FR_LETTERS = "a-zàâäçéèêëîïôöùûüÿœæ"
FR_SHAPE = re.compile(r"^[%s]+(?:['-][%s]+)*$" % (FR_LETTERS, FR_LETTERS))
EN_SHAPE = re.compile(r"^[a-z]+(?:['-][a-z]+)*$")

GENERATED = "generated by scripts/export_wordlists.py — do not edit"


# Entries the dictionary tags as women's first names that are not, or are also men's names
# elsewhere (Andrea Bocelli, Karen Khachanov, Cyrille in France, Aïssa in the Maghreb), so a
# masculine title before them is no slip.
NOT_ONLY_WOMEN = {
    "Alpha", "Andrea", "Arden", "Asia", "Aubrey", "Aïssa", "Cameron", "Carol", "Clarus",
    "Constantine", "Cyrille", "Dana", "Dara", "Easter", "Elliut", "Evelyn", "Excalibur", "Fern",
    "Ganesh", "Hank", "Hope", "Ibrahima", "India", "Interpol", "Isa", "Jamie", "Jess", "Jody",
    "Jung", "Kari", "Karen", "Kelly", "Kenya", "Lan", "Mai", "May", "Mei", "Nikita",
    "Princess", "Queen", "Roma", "Rosario", "Santa", "Sasha", "Sieg", "Sun", "Tsahal",
    "Valencia",
    # Women's names in the US census that French men bear too (Camille Lacourt, Jocelyn
    # Gourvennec, Patrice Évra, Toni Kroos).
    "Camille", "Jocelyn", "Patrice", "Toni",
}


def census_female_first_names():
    """First names of the 1990 US census that women bear and men hardly do, capitalised."""
    import names

    def shares(kind):
        with open(names.FILES["first:" + kind], encoding="ascii") as f:
            return {line.split()[0].capitalize(): float(line.split()[1]) for line in f}

    female, male = shares("female"), shares("male")
    return {
        name
        for name, share in female.items()
        if share >= CENSUS_MIN_FEMALE_PERCENT
        and male.get(name, 0.0) <= share * CENSUS_MAX_MALE_RATIO
        and len(name) >= 3
    }


def female_first_names():
    """First names only women bear: the dictionary's entries whose every reading is tagged
    po:prn (prénom) and is:fem (a name that also has a masculine, epicene or other reading,
    such as Kim, Nancy or Jordan, is left out), with the census's women's names, less the
    names of NOT_ONLY_WOMEN."""
    readings = {}
    for stem, _flags, morph in read_dic(HUNSPELL_DIC):
        if stem[:1].isupper():
            readings.setdefault(stem, []).append(morph)
    dictionary = {
        name
        for name, morphs in readings.items()
        if all("po:prn" in m and "is:fem" in m and sum(t.startswith("po:") for t in m) == 1
               for m in morphs)
    }
    return sorted((dictionary | census_female_first_names()) - NOT_ONLY_WOMEN)


def write_tsv(name, header_lines, rows):
    rows = sorted(rows)
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys)), name + ": duplicate first column"
    assert all(k and "\t" not in k and "\n" not in k for k in keys)
    path = os.path.join(OUT_DIR, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write("# " + h + "\n" if h else "#\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    return path, len(rows), os.path.getsize(path)


def frequency_list(lang, min_zipf, shape):
    from wordfreq import top_n_list, zipf_frequency

    words = top_n_list(lang, TOP_N)
    assert len(words) < TOP_N, "TOP_N too small for " + lang
    out = {}
    for w in words:
        if not shape.match(w):
            continue
        z = round(zipf_frequency(w, lang), 2)
        if z >= min_zipf:
            out[w] = z
    return out


def hunspell_header(title, hun_version):
    """The header lines every list exported from hunspell-fr starts with: what it holds, its
    source and its licence."""
    return [
        title,
        GENERATED,
        "Source: Debian package %s %s (Dicollecte / Grammalecte French dictionary"
        % (HUNSPELL_PACKAGE, hun_version),
        "  \"classique\" by Olivier R. and contributors, %s + %s), crossed with wordfreq %s."
        % (HUNSPELL_DIC, HUNSPELL_AFF, WORDFREQ_VERSION),
        "Licence: MPL 2.0 (dictionary) and CC BY-SA 4.0 (wordfreq data);"
        " see src/lexicons/WORDLISTS-LICENSE.md.",
    ]


def wordfreq_header(lang_name, lang, min_zipf, letters_rule):
    return [
        "%s word frequencies: word<TAB>zipf" % lang_name,
        GENERATED,
        "Source: wordfreq %s (Robyn Speer / Luminoso; https://github.com/rspeer/wordfreq),"
        % WORDFREQ_VERSION,
        "  top_n_list(%r, %d) (the whole 'large' list) and zipf_frequency(word, %r)."
        % (lang, TOP_N, lang),
        "Licence: CC BY-SA 4.0 (wordfreq's data); attribution in src/lexicons/WORDLISTS-LICENSE.md.",
        "Filter: keep a word iff it matches %s" % letters_rule,
        "  (lowercase letters, hyphens and apostrophes only between letters)",
        "  and round(zipf_frequency(word, %r), 2) >= %.1f." % (lang, min_zipf),
        "Zipf = log10(frequency per billion words); printed with 2 decimals.",
        "Sorted by Unicode code point (= UTF-8 byte order); one word per line, no duplicates.",
    ]


def main():
    ensure_venv_and_reexec()
    import wordfreq  # noqa: F401  (inside the venv now)
    from importlib.metadata import version as pkg_version

    got = pkg_version("wordfreq")
    if got != WORDFREQ_VERSION:
        sys.exit("wordfreq %s in venv, expected %s" % (got, WORDFREQ_VERSION))
    hun_version = ensure_hunspell_fr()
    os.makedirs(OUT_DIR, exist_ok=True)

    fr = frequency_list("fr", FR_MIN_ZIPF, FR_SHAPE)
    en = frequency_list("en", EN_MIN_ZIPF, EN_SHAPE)

    results = []
    results.append(write_tsv(
        "fr_words.tsv",
        wordfreq_header("French", "fr", FR_MIN_ZIPF, "^[%s]+(['-][%s]+)*$" % (FR_LETTERS, FR_LETTERS)),
        [(w, "%.2f" % z) for w, z in fr.items()],
    ))
    results.append(write_tsv(
        "en_words.tsv",
        wordfreq_header("English", "en", EN_MIN_ZIPF, "^[a-z]+(['-][a-z]+)*$"),
        [(w, "%.2f" % z) for w, z in en.items()],
    ))

    rules = read_aff(HUNSPELL_AFF)
    candidates = {w for w, z in fr.items() if z >= NOUN_MIN_ZIPF}
    genders, grammatical = analyse(rules, candidates)
    nouns = []
    dropped = {"m+f": 0, "epicene": 0, "no gender tag": 0, "grammatical word or 1 letter": 0}
    for w in sorted(candidates):
        g = genders.get(w)
        if g is None:
            continue
        if g == {"m"} or g == {"f"}:
            if w in grammatical or len(w) == 1:
                dropped["grammatical word or 1 letter"] += 1
            else:
                nouns.append((w, next(iter(g))))
        elif "epi" in g:
            dropped["epicene"] += 1
        elif g == {"m", "f"}:
            dropped["m+f"] += 1
        else:
            dropped["no gender tag"] += 1
    results.append(write_tsv(
        "noun_gender.tsv",
        [
            *hunspell_header(
                "French common-noun genders: noun<TAB>gender (m = masculin, f = féminin)",
                hun_version,
            ),
            "Filter: every lowercase surface form (singular and plural) generated from a .dic",
            "  entry tagged po:nom, expanding its suffix/prefix flags (elision prefixes l' d' qu'...",
            "  skipped); a form's gender is read from is:mas / is:fem / is:epi on the entry plus",
            "  the affix rule. Keep a form iff ALL its po:nom readings give the same gender",
            "  (m only or f only): forms that are both m and f (e.g. two homonym nouns), épicène",
            "  (is:epi) or without a gender tag are dropped, and so are forms that are ALSO adjectives",
            "  (an adjective agrees with its noun); forms that are also verb forms are kept.",
            "  Proper nouns (po:npr, po:prn, po:patr) are not used. Also dropped: one-letter forms",
            "  (letter names) and forms that have ANY reading as a grammatical word or adjective (po:mg, po:det*,",
            "  po:pro*, po:prep*, po:cj*, po:negadv, po:adj), e.g. la un une son tout pas plus si car étrange.",
            "  Restricted to words present in fr_words.tsv (a single wordfreq token matching that",
            "  file's letter rule) with zipf >= %.1f." % NOUN_MIN_ZIPF,
            "Sorted by Unicode code point (= UTF-8 byte order); one noun per line, no duplicates.",
        ],
        nouns,
    ))

    adjectives = adjective_genders(rules, candidates)
    results.append(write_tsv(
        "adjective_gender.tsv",
        [
            *hunspell_header(
                "French adjective genders: adjective<TAB>gender (m = masculin, f = féminin)",
                hun_version,
            ),
            "Filter: every lowercase surface form (singular and plural) generated from a .dic",
            "  entry tagged po:adj whose forms include a masculine and a feminine singular",
            "  (heureux beside heureuse; so heureuses and nationaux are kept too);",
            "  a form's gender is read from is:mas / is:fem on the entry plus the affix rule. Keep a",
            "  form iff all its adjective readings give one gender (m only or f only, not is:epi)",
            "  and no entry other than an adjective yields it: participles of verbs, adverbs and",
            "  nouns with an entry of their own (haut, mort, fort) are dropped, since they need",
            "  not agree with the noun before them.",
            "  Restricted to words present in fr_words.tsv (a single wordfreq token matching that",
            "  file's letter rule) with zipf >= %.1f." % NOUN_MIN_ZIPF,
            "Sorted by Unicode code point (= UTF-8 byte order); one adjective per line, no duplicates.",
        ],
        sorted(adjectives.items()),
    ))

    compounds = hyphenated_with_english_parts(rules, fr, en)
    results.append(write_tsv(
        "fr_compounds.tsv",
        [
            *hunspell_header(
                "French hyphenated words with an English-looking part: word",
                hun_version,
            ),
            "Filter: every lowercase surface form (singular and plural) with a hyphen generated",
            "  from a .dic entry that is not a proper noun (po:npr, po:prn, po:patr), made of",
            "  lowercase French letters only, with at least one hyphen-separated part whose",
            "  wordfreq zipf is higher in English than in French (en_words.tsv and fr_words.tsv",
            "  above; a part missing from a list counts 0): sit-in, self-service, cross-country.",
            "  calque counts a hyphenated word of English parts as English unless it is here.",
            "Sorted by Unicode code point (= UTF-8 byte order); one word per line, no duplicates.",
        ],
        [(w,) for w in compounds],
    ))

    results.append(write_tsv(
        "female_first_names.tsv",
        [
            "Women's first names: name",
            GENERATED,
            "Sources: Debian package %s %s (Dicollecte / Grammalecte French dictionary"
            % (HUNSPELL_PACKAGE, hun_version),
            "  \"classique\" by Olivier R. and contributors, %s), and the US Census Bureau's"
            % HUNSPELL_DIC,
            "  1990 first-name frequencies as shipped by the PyPI package names %s." % NAMES_VERSION,
            "Licence: MPL 2.0 (dictionary); the census data is in the public domain;",
            "  see src/lexicons/WORDLISTS-LICENSE.md.",
            "Filter: every .dic entry (as written, capitalised) whose readings are all tagged",
            "  po:prn (first name) and is:fem, with no other part of speech (a name that is also",
            "  masculine, epicene or a place, such as Kim, Nancy or Jordan, is dropped); and",
            "  every census name of 3 letters or more that at least %.3f %% of women bear and at"
            % CENSUS_MIN_FEMALE_PERCENT,
            "  most a tenth as large a share of men, capitalised. Less the script's NOT_ONLY_WOMEN:",
            "  names men also bear (Andrea, Karen, Nikita), words and places (Hope, India), and",
            "  entries that are no first names (Interpol, Excalibur).",
            "calque reads a masculine title right before one of these names as a gender slip",
            "  (le sénateur Elizabeth Warren).",
            "Sorted by Unicode code point (= UTF-8 byte order); one name per line, no duplicates.",
        ],
        [(n,) for n in female_first_names()],
    ))

    for path, n, size in results:
        print("%-40s %7d entries %9d bytes" % (os.path.relpath(path, REPO_ROOT), n, size))
    print("noun_gender: %d French forms with zipf >= %.1f have a po:nom reading; dropped: %s"
          % (sum(1 for w in candidates if w in genders), NOUN_MIN_ZIPF,
             ", ".join("%s %d" % kv for kv in dropped.items())))


if __name__ == "__main__":
    main()
