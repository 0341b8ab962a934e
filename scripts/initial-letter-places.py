#!/usr/bin/env python3
"""Lists gazetteer place names whose first letter (و ف ب ل ك) the stemmer
would take for a clitic, so that the name would match a common word once both
are stripped ("ليما" and "فيما" both become "يما"). Those names go in
data/text/initial_letter_words.txt, which keeps their first letter.

    scripts/initial-letter-places.py ../shared/data >> data/text/initial_letter_words.txt

Word frequencies come from ANERcorp (the NER training corpus); the output
lists names only (facts from GeoNames, CC BY 4.0).
"""
import collections
import re
import sys

data = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"


def norm(s):
    s = re.sub("[\u064B-\u0652\u0670\u0640]", "", s)
    return s.replace("أ", "ا").replace("إ", "ا").replace("آ", "ا").replace("ى", "ي").replace("ة", "ه")


def lines(path):
    with open(path, encoding="utf-8", errors="ignore") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n")


listed = {norm(l.strip()) for l in lines("data/text/initial_letter_words.txt")}
counts = collections.Counter(norm(l.split()[0]) for l in lines(data + "/anercorp/ANERCorp") if l.split())
frequent = {w for w, c in counts.items() if c >= 3}
stripped_frequent = {v[1:] for v in frequent if len(v) >= 3 and v[0] in "وفبلك"} | frequent

names = set()
for line in lines("data/gazetteer/places.tsv"):
    f = line.split("\t")
    if len(f) >= 3:
        for n in [f[2]] + (f[3].split("|") if len(f) > 3 and f[3] else []):
            names.update(n.split())
for line in lines("data/gazetteer/place_aliases.tsv"):
    f = line.split("\t")
    for n in f[1].split("|") + ([f[3]] if len(f) >= 4 else []):
        names.update(n.split())
normalized = {norm(n) for n in names}

out = []
for w in sorted(names):
    n = norm(w)
    if len(n) < 4 or n[0] not in "وفبلك" or n in listed or re.search("[^\u0621-\u064A]", n):
        continue
    if n in frequent or n[1:] in normalized:  # a common word itself, or clitic + another name
        continue
    if n[1:] in stripped_frequent:
        out.append(w)
print("# Place names (data/gazetteer) that would otherwise match a common word once both lose")
print("# their first letter (ليما and فيما, بادن and لادن); made by scripts/initial-letter-places.py")
for w in sorted(set(out)):
    print(w)
