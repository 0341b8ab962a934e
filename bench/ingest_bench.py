"""End-to-end `rasd ingest` for section 9, timed from outside the process.

  ingest_bench.py subsets --zips DIR --out DIR --sizes 1000,3000,10000
      Writes saudinewsnet-first-N.jsonl for each N: the first N records of
      the saudinewsnet zips in name order (each zip's JSON array in order),
      each record as it is in the zip, one a line; and the number of all
      the zips' records in saudinewsnet-records. JSON Lines rather than
      copies of the zips because a size must be cut inside a day's zip;
      rasd reads both formats with the same field detection.

  ingest_bench.py run --rasd BIN --db PATH --row NAME --threads T [--reps N]
                      SOURCES...
      Runs `/usr/bin/time -v BIN ingest SOURCES --db PATH --threads T
      --quiet --json` N times, each into a new database (the last one is
      kept), and prints V records for bench/report.py: documents stored per
      second and input MB per second of wall time (the process's whole life:
      start-up and the final commit included), documents per CPU second,
      the cores it kept busy on average (CPU time over wall time),
      peak RSS (GNU time's maximum resident set size), the database's size
      (file plus WAL) and the counts of rasd's summary. Exit status 2 (some
      input records skipped) is a success here; the skips are counted.
"""

import argparse
import glob
import json
import os
import re
import subprocess
import sys
import zipfile

SECTION = "ingest"


def emit(row, metric, value):
    print(f"V\t{SECTION}\t{row}\t{metric}\t{value:.9g}", flush=True)


def subsets(args):
    sizes = sorted(int(s) for s in args.sizes.split(","))
    os.makedirs(args.out, exist_ok=True)
    outs = {n: open(os.path.join(args.out, f"saudinewsnet-first-{n}.jsonl"), "w", encoding="utf-8")
            for n in sizes}
    written = 0
    for z in sorted(glob.glob(os.path.join(args.zips, "*.zip"))):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                if not name.endswith(".json"):
                    continue
                for record in json.loads(zf.read(name)):
                    if written < sizes[-1]:
                        line = json.dumps(record, ensure_ascii=False) + "\n"
                        for n, f in outs.items():
                            if written < n:
                                f.write(line)
                    written += 1
    for f in outs.values():
        f.close()
    if written < sizes[-1]:
        sys.exit(f"ingest_bench: only {written} saudinewsnet records, fewer than {sizes[-1]}")
    # bench/run estimates the full set's time from it.
    with open(os.path.join(args.out, "saudinewsnet-records"), "w") as f:
        f.write(f"{written}\n")


def parse_time(text):
    """Wall seconds, CPU seconds and peak RSS in MB from GNU time -v."""
    def field(label):
        m = re.search(re.escape(label) + r":\s*(\S+)", text)
        if not m:
            raise ValueError(f"no '{label}' in /usr/bin/time output")
        return m.group(1)
    parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = 0.0
    for p in parts:
        wall = wall * 60 + p
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    rss_mb = float(field("Maximum resident set size (kbytes)")) / 1024
    return wall, cpu, rss_mb


def db_bytes(path):
    return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))


def remove_db(path):
    for p in (path, path + "-wal", path + "-shm"):
        if os.path.exists(p):
            os.remove(p)


def run(args):
    cmd = ["/usr/bin/time", "-v", args.rasd, "ingest", *args.sources, "--db", args.db,
           "--threads", str(args.threads), "--quiet", "--json"]
    print("ingest_bench: " + " ".join(cmd), file=sys.stderr)
    summary = None
    for _ in range(args.reps):
        remove_db(args.db)
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode not in (0, 2):
            sys.stderr.write(p.stderr[-2000:])
            sys.exit(f"ingest_bench: rasd ingest exited with {p.returncode}")
        # time -v appends its report to rasd's stderr; rasd's own lines name skipped records.
        wall, cpu, rss_mb = parse_time(p.stderr)
        summary = json.loads(p.stdout.strip().splitlines()[-1])
        stored = summary["ingested"] + summary["updated"]
        emit(args.row, "docs/s", stored / wall)
        emit(args.row, "MB/s", summary["bytes"] / 1e6 / wall)
        emit(args.row, "docs per CPU second", stored / cpu)
        emit(args.row, "cores busy", cpu / wall)
        emit(args.row, "wall s", wall)
        emit(args.row, "peak RSS MB", rss_mb)
        print(f"ingest_bench: {stored} documents in {wall:.1f} s wall, {cpu:.1f} s CPU, "
              f"{rss_mb:.0f} MB peak", file=sys.stderr)
    size = db_bytes(args.db)
    emit(args.row, "documents stored", summary["ingested"] + summary["updated"])
    emit(args.row, "input MB", summary["bytes"] / 1e6)
    emit(args.row, "database MB", size / 1e6)
    emit(args.row, "database bytes per input byte", size / max(1, summary["bytes"]))
    emit(args.row, "exact copies", summary["duplicates"])
    emit(args.row, "near copies", summary["near_duplicates"])
    emit(args.row, "records skipped", summary["skipped"])


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("subsets")
    s.add_argument("--zips", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--sizes", required=True)
    r = sub.add_parser("run")
    r.add_argument("--rasd", required=True)
    r.add_argument("--db", required=True)
    r.add_argument("--row", required=True)
    r.add_argument("--threads", type=int, required=True)
    r.add_argument("--reps", type=int, default=3)
    r.add_argument("sources", nargs="+")
    args = p.parse_args()
    subsets(args) if args.cmd == "subsets" else run(args)


if __name__ == "__main__":
    main()
