"""`rasd serve` on loopback under wrk, for section 10.

  http_bench.py --rasd BIN --db DB --queries queries.txt --ids ids.txt
                --lua bench/wrk_paths.lua --ingest-input FILE --work DIR
                [--seconds 10] [--reps 3] [--threads 2] [--connections 8]

Writes the URL path lists into DIR, starts `rasd serve --db DB` on a free
loopback port (its default request threads), waits for /api/health, then
runs wrk (-t THREADS -c CONNECTIONS -d SECONDS --latency) REPS times on each
endpoint: /api/search?q=... cycling through the title-derived queries, and
/api/documents/{id} cycling through the ids. First with the server idle;
then again while `rasd ingest --ingest-input --db DB --batch 50` writes into
the same database (WAL: one writer, the server's readers on snapshots). The
ingest is started before the first of those runs, which waits until the
ingest has stored its first documents (it loads its model and reads the
corpus's state back first), and is stopped with SIGTERM after the last run,
if it has not finished; it must still be running when each run ends, or the
run is reported as not concurrent. Prints V records: per run req/s, p50/p99
latency (wrk's), the non-2xx responses and socket errors, and the documents
the ingest stored during the run; per row the errors of all its runs (must
be 0); and N records for what the ingest did and for any socket errors.
"""

import argparse
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request

SECTION = "http"


def emit(row, metric, value):
    print(f"V\t{SECTION}\t{row}\t{metric}\t{value:.9g}", flush=True)


def note(text):
    print(f"N\t{SECTION}\t{text}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(base, server, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if server.poll() is not None:
            sys.exit(f"http_bench: rasd serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(base + "/api/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    sys.exit("http_bench: rasd serve did not answer /api/health")


def to_ms(text):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", text)
    if not m:
        raise ValueError(f"wrk latency '{text}'")
    return float(m.group(1)) * {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}[m.group(2)]


def parse_wrk(out):
    """req/s, p50 and p99 in ms, requests, non-2xx responses and socket errors."""
    got = {"req/s": float(re.search(r"Requests/sec:\s*([\d.]+)", out).group(1))}
    for pct in ("50", "99"):
        got[f"p{pct}"] = to_ms(re.search(rf"^\s*{pct}%\s+(\S+)", out, re.M).group(1))
    got["requests"] = int(re.search(r"(\d+) requests in", out).group(1))
    m = re.search(r"Non-2xx or 3xx responses:\s*(\d+)", out)
    got["non2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    got["kinds"] = dict(zip(("connect", "read", "write", "timeout"),
                            (int(g) for g in m.groups()) if m else (0, 0, 0, 0)))
    got["socket"] = sum(got["kinds"].values())
    return got


def write_paths(args, work):
    paths = {}
    with open(args.queries, encoding="utf-8") as f:
        qs = [line.strip() for line in f if line.strip()]
    paths["search"] = os.path.join(work, "paths-search.txt")
    with open(paths["search"], "w") as f:
        for q in qs:
            f.write("/api/search?q=" + urllib.parse.quote(q) + "\n")
    with open(args.ids, encoding="utf-8") as f:
        ids = [line.strip() for line in f if line.strip()]
    paths["documents"] = os.path.join(work, "paths-documents.txt")
    with open(paths["documents"], "w") as f:
        for i in ids:
            f.write("/api/documents/" + urllib.parse.quote(i) + "\n")
    return paths


def documents(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--rasd", required=True)
    p.add_argument("--db", required=True)
    p.add_argument("--queries", required=True)
    p.add_argument("--ids", required=True)
    p.add_argument("--lua", required=True)
    p.add_argument("--ingest-input", required=True)
    p.add_argument("--work", required=True)
    p.add_argument("--seconds", type=int, default=10)
    p.add_argument("--reps", type=int, default=3)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--connections", type=int, default=8)
    args = p.parse_args()

    paths = write_paths(args, args.work)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server_log = open(os.path.join(args.work, "serve.log"), "w")
    server = subprocess.Popen([args.rasd, "serve", "--db", args.db, "--port", str(port)],
                              stdout=server_log, stderr=subprocess.STDOUT)
    ingest = None
    try:
        wait_healthy(base, server)
        wrk = ["/usr/bin/wrk", f"-t{args.threads}", f"-c{args.connections}",
               f"-d{args.seconds}s", "--latency", "-s", args.lua, base, "--"]
        before = None
        errors, socket_kinds = {}, {}
        for phase in ("idle", "during ingest"):
            if phase == "during ingest":
                before = documents(args.db)
                ingest_log = open(os.path.join(args.work, "concurrent-ingest.log"), "w")
                ingest = subprocess.Popen(
                    [args.rasd, "ingest", args.ingest_input, "--db", args.db, "--batch", "50",
                     "--quiet", "--json"],
                    stdout=ingest_log, stderr=subprocess.STDOUT)
                # The ingest first loads its model and replays the corpus's
                # state: the runs start once it has stored something.
                started = time.time()
                while documents(args.db) == before and ingest.poll() is None:
                    if time.time() - started > 120:
                        break
                    time.sleep(0.2)
                waited = time.time() - started
                note(f"The ingest stored its first documents {waited:.0f} s after it started "
                     "(model load, the corpus's state read back); the runs began then.")
            for endpoint in ("search", "documents"):
                row = f"/api/{endpoint}, {phase}"
                for _ in range(args.reps):
                    start_docs = documents(args.db) if ingest else 0
                    out = subprocess.run(wrk + [paths[endpoint]], capture_output=True, text=True,
                                         check=True).stdout
                    got = parse_wrk(out)
                    emit(row, "req/s", got["req/s"])
                    emit(row, "p50 ms", got["p50"])
                    emit(row, "p99 ms", got["p99"])
                    emit(row, "requests", got["requests"])
                    errors[row] = errors.get(row, 0) + got["non2xx"] + got["socket"]
                    for kind, n in got["kinds"].items():
                        socket_kinds.setdefault(row, {}).setdefault(kind, 0)
                        socket_kinds[row][kind] += n
                    emit(row, "non-2xx responses", got["non2xx"])
                    emit(row, "socket errors", got["socket"])
                    if ingest:
                        if ingest.poll() is not None:
                            note(f"The ingest had ended before a run on /api/{endpoint} did: "
                                 "that run was not wholly concurrent.")
                        emit(row, "documents the ingest stored meanwhile",
                             documents(args.db) - start_docs)
                    print(f"http_bench: {row}: {got}", file=sys.stderr)
        for row, n in errors.items():
            emit(row, "errors in all runs", n)
            kinds = ", ".join(f"{n} {kind}" for kind, n in socket_kinds[row].items() if n)
            if kinds:
                note(f"Socket errors on {row}: {kinds} (wrk gives up on a response after 2 s).")
        stopped = ingest.poll() is None
        if stopped:
            ingest.send_signal(signal.SIGTERM)
        ingest.wait()
        how = ("was stopped with SIGTERM after the last run" if stopped
               else f"had finished (exit {ingest.returncode})")
        stored = documents(args.db) - before
        note(f"The concurrent ingest stored {stored:,} documents in all and {how}.")
    finally:
        if ingest is not None and ingest.poll() is None:
            ingest.kill()
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
