#!/usr/bin/env python3
"""imr-search benchmark: one command, one table.

For each corpus size it generates a deterministic corpus (examples/gen-corpus), then measures
on the same files in the same run:
  - imr full index (time, letters/s, MB/s, peak RSS via /usr/bin/time -v), index size / corpus size
  - a no-change re-run and a 1%-new re-run
  - bare tantivy indexing each file as one text document (the engine's floor)
  - search latency p50/p95 per query kind (bench/queries.tsv), in process
  - ripgrep over the raw files for the same queries
  - Recoll (recollindex / recollq), where installed
Every timed step runs RUNS times; medians are reported.

Usage: python3 bench/run.py [--sizes 10000,100000] [--runs 3] [--work target/bench]
Needs: the Rust toolchain, python3, /usr/bin/time, ripgrep (apt-get install time ripgrep),
optionally recollcmd.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "target" / "release"


def run(cmd, env=None, check=True, capture=True):
    result = subprocess.run(cmd, env=env, check=False, text=True,
                            stdout=subprocess.PIPE if capture else None,
                            stderr=subprocess.PIPE if capture else None)
    if check and result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(map(str, cmd))}\n{result.stderr}")
    return result


def timed(cmd, env=None):
    """Wall seconds and peak RSS (MiB) of one command, via /usr/bin/time -v."""
    started = time.perf_counter()
    result = run(["/usr/bin/time", "-v", *map(str, cmd)], env=env)
    seconds = time.perf_counter() - started
    rss_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return seconds, rss_kib / 1024, result


def du(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def median(values):
    return statistics.median(values) if values else float("nan")


def imr_env(index):
    env = dict(os.environ)
    env["IMR_INDEX"] = str(index)
    return env


def bench_size(count, runs, work, have_recoll):
    corpus = work / f"corpus-{count}"
    letters = corpus / "letters"
    if not (corpus / "ground-truth.ndjson").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        started = time.perf_counter()
        run([RELEASE / "examples" / "gen-corpus", "--count", count, "--seed", 1, "--out", corpus])
        print(f"  generated {count} letters in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    corpus_bytes = du(letters)
    index = work / f"index-{count}"
    env = imr_env(index)
    row = {"letters": count, "corpus_mb": corpus_bytes / 2**20}

    full, rss = [], []
    for _ in range(runs):
        shutil.rmtree(index, ignore_errors=True)
        seconds, peak, _ = timed([RELEASE / "imr", "index", letters, "--full"], env)
        full.append(seconds)
        rss.append(peak)
    row["full_s"] = median(full)
    row["letters_per_s"] = count / row["full_s"]
    row["mb_per_s"] = row["corpus_mb"] / row["full_s"]
    row["peak_rss_mb"] = max(rss)
    status = json.loads(run([RELEASE / "imr", "status", "--format", "json"], env).stdout)
    row["index_size_ratio"] = status["size_in_bytes"] / corpus_bytes
    row["letters_indexed"] = status["letters"]
    row["decisions_indexed"] = status["decisions"]

    row["no_change_s"] = median([timed([RELEASE / "imr", "index", letters], env)[0] for _ in range(runs)])

    new_corpus = work / f"new-{count}"
    if not new_corpus.exists():
        run([RELEASE / "examples" / "gen-corpus", "--count", max(1, count // 100), "--seed", 2, "--out", new_corpus])
    new_times = []
    for _ in range(runs):
        target = letters / "zz-new-batch"
        shutil.copytree(new_corpus / "letters", target)
        new_times.append(timed([RELEASE / "imr", "index", letters], env)[0])
        shutil.rmtree(target)
        run([RELEASE / "imr", "index", letters], env)
    row["one_percent_new_s"] = median(new_times)

    floor = []
    for _ in range(runs):
        floor_index = work / f"floor-{count}"
        shutil.rmtree(floor_index, ignore_errors=True)
        floor.append(timed([RELEASE / "examples" / "bare-tantivy", letters, floor_index])[0])
        shutil.rmtree(floor_index, ignore_errors=True)
    row["floor_s"] = median(floor)

    latency = {}
    out = run([RELEASE / "examples" / "search-latency", index, ROOT / "bench" / "queries.tsv", 50]).stdout
    for line in out.splitlines():
        record = json.loads(line)
        latency[record["name"]] = record
    rg = {}
    for line in (ROOT / "bench" / "queries.tsv").read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.split("\t")
        name = columns[0]
        patterns = [p for p in (columns[4] if len(columns) > 4 else "").split(";") if p]
        if not patterns:
            continue
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            files = None
            for pattern in patterns:
                args = ["rg", "-l", "--no-messages", pattern]
                if "\\s" in pattern:
                    args.insert(1, "--multiline")
                args += [str(letters)] if files is None else files
                if files is not None and not files:
                    break
                result = run(args, check=False)
                files = result.stdout.split()
            times.append(time.perf_counter() - started)
        rg[name] = median(times) * 1000
    row["latency"] = latency
    row["ripgrep_ms"] = rg

    if have_recoll:
        confdir = work / f"recoll-{count}"
        shutil.rmtree(confdir, ignore_errors=True)
        confdir.mkdir(parents=True)
        (confdir / "recoll.conf").write_text(f"topdirs = {letters}\nindexedmimetypes = text/plain\n")
        seconds, peak, _ = timed(["recollindex", "-c", confdir, "-z"])
        row["recoll_index_s"] = seconds
        row["recoll_rss_mb"] = peak
        started = time.perf_counter()
        run(["recollq", "-c", confdir, "-b", "epidural"], check=False)
        row["recoll_query_ms"] = (time.perf_counter() - started) * 1000
    return row


def print_table(rows):
    print("\n## Indexing\n")
    print("| letters | corpus MB | full index s | letters/s | MB/s | peak RSS MB | index/corpus | no-change s (% of full) | 1%-new s | bare tantivy s | imr/floor throughput | recoll index s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        ratio = r["floor_s"] / r["full_s"]
        print(f"| {r['letters']} | {r['corpus_mb']:.0f} | {r['full_s']:.1f} | {r['letters_per_s']:.0f} | {r['mb_per_s']:.1f} "
              f"| {r['peak_rss_mb']:.0f} | {r['index_size_ratio']:.2f} | {r['no_change_s']:.2f} ({100 * r['no_change_s'] / r['full_s']:.1f}%) "
              f"| {r['one_percent_new_s']:.2f} | {r['floor_s']:.1f} | {ratio:.2f}x | {r.get('recoll_index_s', float('nan')):.1f} |")
    for r in rows:
        print(f"\n## Search, {r['letters']} letters (in-process, 50 runs each; ripgrep: median wall time over the raw files)\n")
        print("| query | hits | p50 ms | p95 ms | ripgrep ms | ripgrep / imr p50 |")
        print("|---|---|---|---|---|---|")
        for name, record in r["latency"].items():
            rg = r["ripgrep_ms"].get(name)
            rg_text = f"{rg:.0f}" if rg is not None else "n/a"
            ratio = f"{rg / record['p50_ms']:.0f}x" if rg is not None else "n/a"
            print(f"| {name} | {record['total_hits']} | {record['p50_ms']:.2f} | {record['p95_ms']:.2f} | {rg_text} | {ratio} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default=str(ROOT / "target" / "bench"))
    args = parser.parse_args()
    for tool in ["rg", "/usr/bin/time"]:
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install ripgrep time")
    have_recoll = shutil.which("recollindex") is not None
    run(["cargo", "build", "--release", "--bins", "--examples"], capture=False)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for size in [int(s) for s in args.sizes.split(",")]:
        print(f"benchmarking {size} letters ...", file=sys.stderr)
        rows.append(bench_size(size, args.runs, work, have_recoll))
    (work / "results.json").write_text(json.dumps(rows, indent=2))
    print(f"machine: {os.cpu_count()} cores, {os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.0f} GiB; runs per figure: {args.runs} (medians)")
    print_table(rows)


if __name__ == "__main__":
    main()
