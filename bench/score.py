"""Quality scores for bench/run, computed the same way for every tool.

  score.py conflation --fixture conflation.tsv --vocab vocab.txt
                      --fixture-words fixture_words.txt --analyzer ROW DIR ...
      DIR holds vocab.terms and fixture.terms: the terms each analyzer gave
      for vocab.txt and fixture_words.txt, line by line (space-separated,
      empty when it dropped the word).
  score.py html-gold --gold gold.txt --got text.txt --section S --row R
      token precision/recall/F1 over bags of whitespace tokens.
  score.py html-snippets --entries evaldata.json --got text.txt --section S --row R
      trafilatura's "with" snippets present and "without" snippets absent.

Prints V and N records (see bench/bench_util.h).
"""

import argparse
import collections
import json


def emit(section, row, metric, value):
    print(f"V\t{section}\t{row}\t{metric}\t{value:.9g}")


def note(section, text):
    print(f"N\t{section}\t{text}")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().split("\n")[:-1]


def read_fixture(path):
    families, pairs = [], []
    for line in read_lines(path):
        fields = line.split("\t")
        if fields[0] == "F" and len(fields) >= 2:
            families.append(fields[1].split())
        elif fields[0] == "N" and len(fields) >= 3:
            pairs.append((fields[1], fields[2]))
    return families, pairs


def conflation(args):
    families, pairs = read_fixture(args.fixture)
    vocab = read_lines(args.vocab)
    fixture_words = read_lines(args.fixture_words)
    for row, folder in zip(args.analyzer[::2], args.analyzer[1::2]):
        vocab_terms = read_lines(f"{folder}/vocab.terms")
        fixture_terms = read_lines(f"{folder}/fixture.terms")
        if len(vocab_terms) != len(vocab) or len(fixture_terms) != len(fixture_words):
            note("conflation", f"{row}: term files do not line up with the word lists; skipped")
            continue
        stems = {w: tuple(t.split()) for w, t in zip(fixture_words, fixture_terms)}
        kept = [tuple(t.split()) for t in vocab_terms]
        dropped = sum(1 for t in kept if not t)
        distinct = len({t for t in kept if t})
        emit("conflation", row, "vocabulary words", len(vocab))
        emit("conflation", row, "words dropped", dropped)
        emit("conflation", row, "distinct stems", distinct)
        emit("conflation", row, "words per stem", (len(vocab) - dropped) / max(distinct, 1))
        missed = [f for f in families if not stems[f[0]] or len({stems[w] for w in f}) != 1]
        merged = [p for p in pairs if stems[p[0]] == stems[p[1]]]
        emit("conflation", row, f"families conflated (of {len(families)})",
             len(families) - len(missed))
        emit("conflation", row, f"pairs kept apart (of {len(pairs)})", len(pairs) - len(merged))
        examples = []
        for f in missed[:2]:
            groups = collections.defaultdict(list)
            for w in f:
                groups[" ".join(stems[w]) or "(dropped)"].append(w)
            examples.append("family split: " + "; ".join(
                f"{' '.join(ws)} → {s}" for s, ws in groups.items()))
        for a, b in merged[:2]:
            examples.append(f"pair merged: {a}, {b} → {' '.join(stems[a]) or '(dropped)'}")
        if examples:
            note("conflation", f"{row}: " + " · ".join(examples))


def bag(text):
    return collections.Counter(text.split())


def html_gold(args):
    with open(args.gold, encoding="utf-8") as f:
        want = bag(f.read())
    with open(args.got, encoding="utf-8") as f:
        got = bag(f.read())
    common = sum((want & got).values())
    p = common / sum(got.values()) if got else 0.0
    r = common / sum(want.values()) if want else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    emit(args.section, args.row, "token F1", f1)
    emit(args.section, args.row, "token precision", p)
    emit(args.section, args.row, "token recall", r)


def html_snippets(args):
    with open(args.entries, encoding="utf-8") as f:
        entries = json.load(f)
    with open(args.got, encoding="utf-8") as f:
        got = f.read()
    right = total = 0
    for entry in entries.values():
        right += sum(1 for s in entry.get("with", []) if s in got)
        right += sum(1 for s in entry.get("without", []) if s not in got)
        total += len(entry.get("with", [])) + len(entry.get("without", []))
    emit(args.section, args.row, f"snippets right (of {total})", right)
    emit(args.section, args.row, "text KB", len(got.encode("utf-8")) / 1000)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    p = sub.add_parser("conflation")
    p.add_argument("--fixture", required=True)
    p.add_argument("--vocab", required=True)
    p.add_argument("--fixture-words", required=True)
    p.add_argument("--analyzer", nargs="+", required=True, help="ROW DIR pairs")
    p.set_defaults(run=conflation)
    for name, fn in (("html-gold", html_gold), ("html-snippets", html_snippets)):
        p = sub.add_parser(name)
        p.add_argument("--gold" if name == "html-gold" else "--entries", required=True)
        p.add_argument("--got", required=True)
        p.add_argument("--section", required=True)
        p.add_argument("--row", required=True)
        p.set_defaults(run=fn)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
