"""NLTK's Arabic stemmers (ISRIStemmer, ARLSTem) for bench/run.

Run with Debian's /usr/bin/python3, which has python3-nltk:
  nltk_stemmers.py speed --stemmer isri --corpus corpus.bin --mb 2 --reps 5
  nltk_stemmers.py stem --stemmer arlstem --words vocab.txt

Speed covers decoding each article from UTF-8, splitting it on whitespace
and stemming every word; it is per core (process CPU time) and runs on the
first --mb MB of the corpus, so MB/s and tokens/s stay comparable with the
C++ analyzers measured over the whole corpus.
"""

import argparse
import sys
import time

from nltk.stem.arlstem import ARLSTem
from nltk.stem.isri import ISRIStemmer

ROWS = {"isri": "NLTK ISRIStemmer", "arlstem": "NLTK ARLSTem"}


def make_stemmer(name):
    return ISRIStemmer() if name == "isri" else ARLSTem()


def emit(section, row, metric, value):
    print(f"V\t{section}\t{row}\t{metric}\t{value:.9g}", flush=True)


def speed(args):
    stem = make_stemmer(args.stemmer).stem
    with open(args.corpus, "rb") as f:
        docs = [d for d in f.read().split(b"\0") if d]
    limit = args.mb * 1e6
    sample, size = [], 0
    for d in docs:
        if size >= limit:
            break
        sample.append(d)
        size += len(d)
    row = ROWS[args.stemmer]
    for _ in range(args.reps):
        tokens = 0
        start = time.process_time()
        for d in sample:
            for word in d.decode("utf-8").split():
                stem(word)
                tokens += 1
        seconds = time.process_time() - start
        emit("analyzers", row, "MB/s per core", size / seconds / 1e6)
        emit("analyzers", row, "tokens/s per core", tokens / seconds)
    emit("analyzers", row, "tokens per pass", tokens)
    emit("analyzers", row, "sample MB", size / 1e6)


def stem_words(args):
    stem = make_stemmer(args.stemmer).stem
    out = []
    with open(args.words, encoding="utf-8") as f:
        for line in f:
            word = line.rstrip("\n")
            out.append(stem(word) if word else "")
    sys.stdout.write("\n".join(out) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    p = sub.add_parser("speed")
    p.add_argument("--stemmer", choices=ROWS, required=True)
    p.add_argument("--corpus", required=True)
    p.add_argument("--mb", type=float, default=2.0)
    p.add_argument("--reps", type=int, default=5)
    p.set_defaults(run=speed)
    p = sub.add_parser("stem")
    p.add_argument("--stemmer", choices=ROWS, required=True)
    p.add_argument("--words", required=True)
    p.set_defaults(run=stem_words)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
