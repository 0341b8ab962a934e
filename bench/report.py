"""Aggregates bench/run's records into tables and rewrites docs/benchmarks.md.

  report.py RESULTS.tsv OUT.md     (prints the tables on stdout as well)

Records (tab-separated, one a line), in the order bench/run wrote them:
  I key value                         a fact about the machine or the inputs
  S id title kind baseline intro      a section; kind is "compare" (rows are
                                      alternatives to the baseline row),
                                      "limit" or "plain"
  M id metric higher|lower ratio|-    how to read a metric (a prefix of its
                                      name); "ratio" adds a rasd × column
  T id row metric >=|<= value label   a target the row should meet
  V id row metric value               one measurement (one run of N)
  N id text                           a note under the section's table
  X id text                           something that could not be measured
  P id title text                     a section that is not built yet
"""

import collections
import statistics
import sys


def times(x):
    return f"{x:.3f}×" if x < 0.1 else f"{x:.2f}×"


def fmt(v):
    a = abs(v)
    if a >= 1e6:
        return f"{v / 1e6:.2f} M"
    if a >= 100 or float(v).is_integer():
        return f"{v:,.0f}"
    if a >= 10:
        return f"{v:.1f}"
    if a >= 1:
        return f"{v:.2f}"
    return f"{v:.3f}"


class Section:
    def __init__(self, sid, title, kind, baseline, intro):
        self.sid, self.title, self.kind, self.baseline, self.intro = (
            sid, title, kind, baseline, intro)
        self.rows, self.metrics = [], []
        self.values = collections.defaultdict(list)
        self.meta = []  # (prefix, direction, ratio)
        self.targets, self.notes, self.failures = [], [], []

    def add(self, row, metric, value):
        if row not in self.rows:
            self.rows.append(row)
        if metric not in self.metrics:
            self.metrics.append(metric)
        self.values[row, metric].append(value)

    def ordered_metrics(self):
        """Metrics declared with M first, in that order; the rest as they came."""
        def key(metric):
            for i, (prefix, _, _) in enumerate(self.meta):
                if metric.startswith(prefix):
                    return (i, 0)
            return (len(self.meta), self.metrics.index(metric))
        return sorted(self.metrics, key=key)

    def how(self, metric):
        for prefix, direction, ratio in self.meta:
            if metric.startswith(prefix):
                return direction, ratio
        return None, False

    def median(self, row, metric):
        vals = self.values.get((row, metric))
        return statistics.median(vals) if vals else None

    def cell(self, row, metric):
        vals = self.values.get((row, metric))
        if not vals:
            return "—"
        if len(vals) == 1:
            return fmt(vals[0])
        return f"{fmt(statistics.median(vals))} ({fmt(min(vals))}–{fmt(max(vals))})"

    def advantage(self, row, metric):
        """How many times better rasd's median is than the row's (>1: rasd better)."""
        direction, _ = self.how(metric)
        base, other = self.median(self.baseline, metric), self.median(row, metric)
        if direction is None or base is None or other is None or base == 0 or other == 0:
            return None
        return base / other if direction == "higher" else other / base

    def table(self):
        if not self.rows:
            return []
        metrics = self.ordered_metrics()
        ratio_metrics = [m for m in metrics if self.how(m)[1]]
        head = ["row"] + metrics + [f"rasd × ({m})" for m in ratio_metrics]
        lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        for row in self.rows:
            cells = [row] + [self.cell(row, m) for m in metrics]
            for m in ratio_metrics:
                adv = self.advantage(row, m)
                if adv is None:
                    cells.append("—")
                elif row == self.baseline:
                    cells.append("1 (reference)")
                elif adv < 1 and self.kind == "compare":
                    cells.append(f"**{times(adv)} (rasd slower)**")
                else:
                    cells.append(times(adv))
            lines.append("| " + " | ".join(cells) + " |")
        return lines

    def behind(self):
        """Lines where rasd (the baseline) is worse than an alternative."""
        out = []
        if self.kind != "compare":
            return out
        for metric in self.metrics:
            direction, _ = self.how(metric)
            for row in self.rows:
                if row == self.baseline:
                    continue
                adv = self.advantage(row, metric)
                if adv is not None and adv < 1:
                    out.append(
                        f"{self.title}: **{row}** beats rasd on {metric} "
                        f"({fmt(self.median(row, metric))} vs rasd's "
                        f"{fmt(self.median(self.baseline, metric))}; rasd × {times(adv)})")
        return out

    def target_lines(self):
        out = []
        for row, metric, op, want, label in self.targets:
            got = self.median(row, metric)
            if got is None:
                out.append(f"Target ({label}): {row} {metric} {op} {fmt(want)}: not measured.")
                continue
            met = got >= want if op == ">=" else got <= want
            out.append(f"Target ({label}): {row} {metric} {op} {fmt(want)}: "
                       f"{'met' if met else '**not met**'} (median {fmt(got)}).")
        return out


def load(path):
    info, sections, placeholders = {}, {}, []
    with open(path, encoding="utf-8") as f:
        records = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    # Sections first: a driver may report into a section declared after it ran.
    for r in records:
        if r[0] == "S":
            sections[r[1]] = Section(*r[1:6])
    for r in records:
        kind = r[0]
        if kind == "S":
            continue
        if kind == "I":
            info[r[1]] = r[2] if len(r) > 2 else ""
        elif kind == "P":
            placeholders.append((r[2], r[3]))
        elif r[1] not in sections:
            continue
        elif kind == "M":
            sections[r[1]].meta.append((r[2], r[3], r[4] == "ratio"))
        elif kind == "T":
            sections[r[1]].targets.append((r[2], r[3], r[4], float(r[5]), r[6]))
        elif kind == "V":
            sections[r[1]].add(r[2], r[3], float(r[4]))
        elif kind == "N":
            sections[r[1]].notes.append(r[2])
        elif kind == "X":
            sections[r[1]].failures.append(r[2])
    return info, list(sections.values()), placeholders


def render(info, sections, placeholders):
    reps = info.get("reps", "?")
    doc = [
        "# Benchmarks",
        "",
        "Written by `bench/run` (`make bench`); do not edit by hand, run it again.",
        "Every figure below comes from that one run; ratios compare medians of the same run,",
        "because the machine is shared and absolute times drift between runs.",
        "",
        "## Run",
        "",
        f"- Date: {info.get('date', '?')}",
        f"- Machine: {info.get('cpu', '?')}, {info.get('cores', '?')} cores, "
        f"{info.get('memory', '?')} RAM; {info.get('os', '?')}",
        f"- Compiler: {info.get('compiler', '?')}, CMake Release build in `{info.get('build', '?')}`",
        f"- Command: `{info.get('command', 'bench/run')}` (total wall time "
        f"{info.get('run_seconds', '?')} s, including the build)",
        f"- Machine load: {info.get('load', '?')}",
        f"- Alternatives: {info.get('versions', '?')}",
        f"- Corpus of sections 1–8: saudinewsnet {info.get('corpus_zips', '?')}: "
        f"{info.get('corpus_articles', '?')} articles, "
        f"{fmt(float(info.get('corpus_bytes', 0)) / 1e6)} MB of article text "
        f"({info.get('corpus_skipped', '0')} records without text skipped)",
        "",
        f"Each timed figure is the median of {reps} runs ({info.get('slow_reps', reps)} for rows "
        "that take seconds a run: the whole Analyzer in section 3, the all-pairs baseline in 8b "
        "and sections 9 and 10; one where a row says so), with (min–max); a figure without a "
        "range is a count, a score or a peak measured once. Speeds \"per core\" are bytes, "
        "tokens or documents over the CPU time of the one thread doing the work; pages, whole "
        "ingests, queries and HTTP requests are timed by the wall clock. **rasd ×** is how many "
        "times better rasd's median is than the row's (above 1: rasd is faster; below 1: rasd is "
        "slower, and it says so).",
        "",
    ]
    behind = [b for s in sections for b in s.behind()]
    doc += ["## Where rasd is behind", ""]
    doc += [f"- {b}" for b in behind] or ["- Nowhere in this run: rasd leads every compared line."]
    doc.append("")
    for s in sections:
        doc += [f"## {s.title}", "", s.intro, ""]
        doc += s.table()
        if s.rows:
            doc.append("")
        # Targets and notes as one list under the table.
        bullets = s.target_lines() + s.notes
        doc += [f"- {b}" for b in bullets]
        if bullets:
            doc.append("")
        for x in s.failures:
            doc += [f"**Not measured in this run:** {x}", ""]
    for title, text in placeholders:
        doc += [f"## {title}", "", f"Not built yet. {text}", ""]
    return "\n".join(doc)


def main():
    info, sections, placeholders = load(sys.argv[1])
    doc = render(info, sections, placeholders)
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write(doc)
    for s in sections:
        print(f"\n{s.title}")
        print("\n".join(s.table()))
        for t in s.target_lines():
            print(t)
        for x in s.failures:
            print(f"NOT MEASURED: {x}")
    behind = [b for s in sections for b in s.behind()]
    print("\nWhere rasd is behind:" if behind else "\nrasd leads every compared line.")
    for b in behind:
        print(f"- {b}")


if __name__ == "__main__":
    main()
