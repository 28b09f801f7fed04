#!/usr/bin/env python3
"""Compares baca's Indonesian stemmer with Sastrawi's on a list of word forms and their roots.

    python3 -m venv /tmp/venv && /tmp/venv/bin/pip install sastrawi
    swift build
    /tmp/venv/bin/python bench/stemming/compare.py [LIST] [--baca .build/debug/baca]

LIST (default bench/stemming/news-forms.txt) holds one "form root" a line (also "form,root",
"form<TAB>root" or "form -> root"; # comments).
What a search sees is whether two forms meet at the same stem, so the figures are over pairs
of forms: recall is the share of pairs with the same root that get the same stem (a search
for one finds the other); precision is the share of pairs with the same stem that have the same
root (nothing unrelated merged). Accuracy is the share of forms stemmed to their root exactly.
Exits non-zero when baca's recall is below Sastrawi's or its precision below 0.95.
"""
import argparse
import itertools
import re
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
parser = argparse.ArgumentParser()
parser.add_argument("list", nargs="?", default=os.path.join(here, "news-forms.txt"))
parser.add_argument("--baca", default=os.path.join(here, "..", "..", ".build", "debug", "baca"))
parser.add_argument("--show", action="store_true", help="print every form either stemmer gets wrong")
args = parser.parse_args()

pairs = []
for number, line in enumerate(open(args.list, encoding="utf-8"), 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    fields = re.split(r"\s*(?:,|;|\t|->|→|=|\s)\s*", line)
    if len(fields) != 2 or not all(fields):
        sys.exit(f"{args.list}:{number}: expected 'form root' (or form,root / form<TAB>root / form -> root), got {line!r}")
    pairs.append((fields[0], fields[1].lower()))
forms = [form for form, _ in pairs]
gold = {form: root for form, root in pairs}

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory  # noqa: E402

sastrawi = StemmerFactory().create_stemmer()
sastrawi_stems = {form: sastrawi.stem(form) for form in forms}

output = subprocess.run([args.baca, "stem"], input="\n".join(forms) + "\n", capture_output=True, text=True, check=True)
baca_stems = {}
for line in output.stdout.splitlines():
    form, stem = line.split("\t")
    baca_stems[form] = stem


def scores(stems):
    same_root = same_stem = both = 0
    for a, b in itertools.combinations(forms, 2):
        root = gold[a] == gold[b]
        stem = stems[a] == stems[b]
        same_root += root
        same_stem += stem
        both += root and stem
    recall = both / same_root if same_root else 1.0
    precision = both / same_stem if same_stem else 1.0
    accuracy = sum(stems[form] == gold[form] for form in forms) / len(forms)
    return recall, precision, accuracy


print(f"{len(forms)} forms of {len(set(gold.values()))} roots ({os.path.relpath(args.list)})")
print(f"{'':10} {'recall':>8} {'precision':>10} {'accuracy':>9}")
results = {}
for name, stems in (("sastrawi", sastrawi_stems), ("baca", baca_stems)):
    results[name] = scores(stems)
    recall, precision, accuracy = results[name]
    print(f"{name:10} {recall:8.3f} {precision:10.3f} {accuracy:9.3f}")
if args.show:
    for form in forms:
        if baca_stems[form] != gold[form] or sastrawi_stems[form] != gold[form]:
            print(f"  {form:22} root {gold[form]:12} baca {baca_stems[form]:12} sastrawi {sastrawi_stems[form]}")
ok = results["baca"][0] >= results["sastrawi"][0] and results["baca"][1] >= 0.95
print("baca: recall ≥ Sastrawi's and precision ≥ 0.95" if ok else "baca: NOT recall ≥ Sastrawi's and precision ≥ 0.95")
sys.exit(0 if ok else 1)
