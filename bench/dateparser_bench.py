"""Date-expression inputs for section 5, and dateparser timed on them.

  dateparser_bench.py inputs --data DIR --out dates.tsv [--news 300]
      Writes "set<TAB>string<TAB>expected day<TAB>reference time" lines, the
      reference time being the publication date each parser is given:
      - duckling-ar: every input of Duckling's Time corpus, reference Tue
        2013-02-12 04:30 (the corpus's own); an expected day only for
        instants of grain Day, Hour, Minute or Second.
      - dateparser-ar: every Arabic input of dateparser's tests; an expected
        day where the test gives one (translations with a full date, the
        relative past dates with their "now", the search paragraph's first
        date, the Hijri strings), with the test's reference time where it
        has one (else Duckling's).
      - saudinewsnet: up to --news strings of running text around a written
        Gregorian date ("يوم 23 أبريل 2013 وأدّت إلى"): the match of a
        day-month-year pattern with up to 3 words before and 2 after on the
        same line, spread evenly over the sorted zips, distinct. The expected
        day is the one the pattern read; the reference is Duckling's (the
        dates are absolute, so it does not change them).
      Scoring: for duckling-ar and dateparser-ar the first date found must
      have the expected day; for saudinewsnet any date found may have it
      (the words around the date can hold another, such as a year).

  dateparser_bench.py speed --inputs dates.tsv --mode search|parse --row NAME
                            [--reps 5] [--seconds 1]
      Times dateparser (Debian's python3-dateparser) on every string, one at
      a time: `search.search_dates(s, languages=["ar"], settings=...)` or
      `parse(s, languages=["ar"], settings=...)`, with RELATIVE_BASE the
      string's reference time and PREFER_DATES_FROM "future" (Duckling's
      reading of a bare weekday or month). Prints V records for bench/report.py:
      strings/s per core (CPU time, the list again and again for at least
      --seconds after a warm-up pass), strings with a date, and the days
      right per set (the rule dates_bench applies to rasd).
"""

import argparse
import datetime
import glob
import json
import os
import re
import sys
import time
import zipfile

REFERENCE = "2013-02-12T04:30"
DAY_GRAINS = ("Day", "Hour", "Minute", "Second")
SETS = ("duckling-ar", "dateparser-ar", "saudinewsnet")
# Sets scored on any date found rather than the first (see the docstring).
ANY_DATE_SETS = ("saudinewsnet",)

MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4,
    "مايو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8,
    "اغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
}
NEWS_DATE = re.compile(r"(\d{1,2})\s+(?:من\s+)?(?:شهر\s+)?(" + "|".join(MONTHS) +
                       r")\s+(?:من\s+)?(?:العام\s+|عام\s+)?(\d{4})")


def clean(s):
    return " ".join(s.replace("\t", " ").split())


def duckling_rows(data):
    rows = []
    with open(os.path.join(data, "duckling-ar", "Time_AR_Corpus.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            expected = d.get("expected") or ""
            m = re.match(r"datetime \((\d+), (\d+), (\d+), \d+, \d+, \d+\) (\w+)$", expected)
            day = ""
            if m and m.group(4) in DAY_GRAINS:
                day = f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
            for s in d["inputs"]:
                rows.append(("duckling-ar", clean(s), day, REFERENCE))
    return rows


def dateparser_expected(d):
    """(expected day, reference time) of one dateparser test case, or ("", REFERENCE)."""
    from dateutil.relativedelta import relativedelta
    test = d["test"]
    if d.get("lang") != "ar":
        return "", REFERENCE
    if "test_freshness_date_parser" in test:
        now = datetime.datetime.fromisoformat(d["reference_now"])
        day = (now - relativedelta(**d["expected_ago"])).date().isoformat()
        return day, now.strftime("%Y-%m-%dT%H:%M")
    if "test_search_and_parse" in test:
        base = datetime.datetime.fromisoformat(d["settings"]["RELATIVE_BASE"])
        return d["expected_matches"][0][1][:10], base.strftime("%Y-%m-%dT%H:%M")
    if "test_hijri" in test:
        return d["expected_datetime"][:10], REFERENCE
    if "expected_translation" in d:
        m = re.match(r"(\d+) (\w+) (\d{4})\b", d["expected_translation"])
        if m:
            month = datetime.datetime.strptime(m.group(2), "%B").month
            return datetime.date(int(m.group(3)), month, int(m.group(1))).isoformat(), REFERENCE
    if test.endswith("test_search_date_string"):
        # The same strings as test_translation, whose expectation gives the date.
        m = re.match(r"(\d+) (\S+)، (\d{4})", d["input"])
        if m and m.group(2) in MONTHS:
            day = datetime.date(int(m.group(3)), MONTHS[m.group(2)], int(m.group(1)))
            return day.isoformat(), REFERENCE
    return "", REFERENCE


def dateparser_rows(data):
    rows = []
    with open(os.path.join(data, "dateparser-ar", "dateparser_ar_test_cases.jsonl"),
              encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            day, ref = dateparser_expected(d)
            rows.append(("dateparser-ar", clean(d["input"]), day, ref))
    return rows


def news_rows(data, limit):
    found = []
    for z in sorted(glob.glob(os.path.join(data, "saudinewsnet", "*.zip"))):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                for article in json.loads(zf.read(name)):
                    for line in (article.get("content") or "").splitlines():
                        for m in NEWS_DATE.finditer(line):
                            try:
                                day = datetime.date(int(m.group(3)), MONTHS[m.group(2)],
                                                    int(m.group(1)))
                            except ValueError:
                                continue
                            before = line[:m.start()].split()[-3:]
                            after = line[m.end():].split()[:2]
                            text = clean(" ".join(before + [m.group(0)] + after))
                            found.append((text, day.isoformat()))
    seen, rows = set(), []
    step = max(1, len(found) // limit) if limit else 1
    for text, day in found[::step]:
        if text in seen or len(rows) >= limit:
            continue
        seen.add(text)
        rows.append(("saudinewsnet", text, day, REFERENCE))
    return rows


def write_inputs(args):
    rows = duckling_rows(args.data) + dateparser_rows(args.data) + news_rows(args.data, args.news)
    with open(args.out, "w", encoding="utf-8") as f:
        for r in rows:
            if r[1]:
                f.write("\t".join(r) + "\n")
    counts = []
    for name in SETS:
        n = sum(1 for r in rows if r[0] == name and r[1])
        scored = sum(1 for r in rows if r[0] == name and r[1] and r[2])
        counts.append(f"{name} {n} ({scored} with an expected day)")
    print("N\tdates\tStrings: " + ", ".join(counts) + ".", flush=True)


def read_inputs(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 4:
                out.append(parts)
    return out


def emit(row, metric, value):
    print(f"V\tdates\t{row}\t{metric}\t{value:.9g}", flush=True)


def day_right(name, days, expected):
    """The scoring rule of the docstring: first date, or any for ANY_DATE_SETS."""
    if not days:
        return False
    return expected in days if name in ANY_DATE_SETS else days[0] == expected


def emit_scores(row, inputs, found_days):
    """Strings with a date, and days right per set, as V records."""
    emit(row, f"strings with a date found (of {len(inputs)})",
         sum(1 for days in found_days if days))
    for name in SETS:
        cases = [(days, r[2]) for r, days in zip(inputs, found_days) if r[0] == name and r[2]]
        if cases:
            emit(row, f"days right: {name} (of {len(cases)})",
                 sum(day_right(name, days, want) for days, want in cases))


def speed(args):
    import warnings
    warnings.simplefilter("ignore")  # pytz deprecation notices on every relative date
    import dateparser
    from dateparser.search import search_dates

    # Duckling reads a bare weekday or month as the next one: so does this.
    settings = {}
    def settings_for(ref):
        if ref not in settings:
            settings[ref] = {"RELATIVE_BASE": datetime.datetime.fromisoformat(ref),
                             "PREFER_DATES_FROM": "future"}
        return settings[ref]

    if args.mode == "search":
        def dates(s, ref):
            found = search_dates(s, languages=["ar"], settings=settings_for(ref))
            return [d for _, d in found] if found else []
    else:
        def dates(s, ref):
            d = dateparser.parse(s, languages=["ar"], settings=settings_for(ref))
            return [d] if d is not None else []

    inputs = read_inputs(args.inputs)
    # Also the warm-up pass (dateparser loads its data lazily).
    found_days = [[d.date().isoformat() for d in dates(s, ref)] for _, s, _, ref in inputs]
    for _ in range(args.reps):
        n = 0
        t0 = time.process_time()
        while True:
            for _, s, _, ref in inputs:
                dates(s, ref)
            n += len(inputs)
            seconds = time.process_time() - t0
            if seconds >= args.seconds:
                break
        emit(args.row, "strings/s per core", n / seconds)
        print(f"dateparser {args.mode}: {n} strings in {seconds:.2f} s CPU", file=sys.stderr)
    emit_scores(args.row, inputs, found_days)
    import resource
    emit(args.row, "peak RSS MB", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("inputs")
    i.add_argument("--data", required=True)
    i.add_argument("--out", required=True)
    i.add_argument("--news", type=int, default=300)
    s = sub.add_parser("speed")
    s.add_argument("--inputs", required=True)
    s.add_argument("--mode", choices=["search", "parse"], required=True)
    s.add_argument("--row", required=True)
    s.add_argument("--reps", type=int, default=5)
    s.add_argument("--seconds", type=float, default=1.0)
    args = p.parse_args()
    if args.cmd == "inputs":
        write_inputs(args)
    else:
        speed(args)


if __name__ == "__main__":
    main()
