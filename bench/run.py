#!/usr/bin/env python3
"""imr-search benchmark: one command, one table.

For each corpus size it generates a deterministic corpus (imr-corpus generate), then measures
on the same files in the same run:
  - parse accuracy against the corpus's ground truth (lowest per-field agreement) and the
    parse throughput on one core (imr parse, RAYON_NUM_THREADS=1);
  - imr full index: wall time, letters/s, MB/s, peak RSS (/usr/bin/time -v), index size
    relative to the corpus;
  - the same letters written as PDF (imr-corpus generate --pdf-percent 100, same seed), on
    corpora up to --pdf-max files: full index wall time, letters/s, MB/s, peak RSS;
  - a no-change re-run and a 1%-new re-run;
  - bare tantivy indexing each file as one text document (bench/bare_tantivy.rs: the floor);
  - search latency p50/p95 per query kind (bench/queries.tsv), in process, and the median
    wall time of the whole `imr search` command (hyperfine where installed);
  - ripgrep over the raw files for the same queries (wall time of the command);
  - Recoll (recollindex, recollq) on corpora up to --recoll-max letters, where installed.
Timed steps run --runs times at up to 100k letters and once above; medians are reported,
peak RSS is the largest seen.

Usage: python3 bench/run.py [--sizes 10000,100000,1000000] [--runs 3] [--work target/bench]
                           [--agree-max 100000] [--pdf-max 100000] [--append]
Needs: the Rust toolchain, python3, GNU time, ripgrep; optionally hyperfine (for whole-command
search times without Python's own start-up) and recollcmd
(apt-get install time ripgrep hyperfine recollcmd).
"""
import argparse
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASE = ROOT / "target" / "release"
IMR = RELEASE / "imr"
CORPUS = RELEASE / "imr-corpus"
FLOOR = RELEASE / "examples" / "bare-tantivy"
LATENCY = RELEASE / "examples" / "search-latency"
QUERIES = ROOT / "bench" / "queries.tsv"
SEARCH_RUNS = 50
CLI_SEARCH_RUNS = 30

TARGETS = [
    ("ingest throughput vs bare tantivy", ">= 0.60x (goal 0.80x)",
     lambda r: r["floor_s"] / r["full_s"] >= 0.60, lambda r: f"{r['floor_s'] / r['full_s']:.2f}x"),
    ("peak RSS, full index", "< 600 MB", lambda r: r["peak_rss_mb"] < 600,
     lambda r: f"{r['peak_rss_mb']:.0f} MB"),
    ("no-change re-run", "< 3% of full", lambda r: r["no_change_s"] < 0.03 * r["full_s"],
     lambda r: f"{100 * r['no_change_s'] / r['full_s']:.1f}%"),
    ("imr search, match-all with 3 facets, whole process, p50", "< 5 ms",
     lambda r: r["queries"]["match_all_3_facets"]["cli_ms"] < 5,
     lambda r: f"{r['queries']['match_all_3_facets']['cli_ms']:.2f} ms"),
    ("search p50, every query", "< 10 ms", lambda r: max_latency(r, "p50_ms") < 10,
     lambda r: f"max {max_latency(r, 'p50_ms'):.2f} ms"),
    ("search p95, every query", "< 50 ms", lambda r: max_latency(r, "p95_ms") < 50,
     lambda r: f"max {max_latency(r, 'p95_ms'):.2f} ms"),
    ("imr search vs ripgrep, every query", ">= 100x", lambda r: min_speedup(r) >= 100,
     lambda r: f"min {min_speedup(r):.0f}x"),
    ("index size vs raw corpus", "< 60%", lambda r: r["index_size_ratio"] < 0.60,
     lambda r: f"{100 * r['index_size_ratio']:.0f}%"),
]


def run(cmd, env=None, check=True, stdin=None):
    result = subprocess.run([str(c) for c in cmd], env=env, check=False, text=True,
                            stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check and result.returncode != 0:
        sys.exit(f"failed ({result.returncode}): {' '.join(map(str, cmd))}\n{result.stderr[-2000:]}")
    return result


def timed(cmd, env=None, ok_codes=(0,)):
    """Wall seconds and peak RSS (MiB) of one command, via GNU time."""
    started = time.perf_counter()
    result = run(["/usr/bin/time", "-v", *cmd], env=env, check=False)
    seconds = time.perf_counter() - started
    if result.returncode not in ok_codes:
        sys.exit(f"failed ({result.returncode}): {' '.join(map(str, cmd))}\n{result.stderr[-2000:]}")
    rss_kib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return seconds, rss_kib / 1024, result


def wall(cmd, env=None):
    started = time.perf_counter()
    subprocess.run([str(c) for c in cmd], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def command_p50_ms(cmd, env):
    """Median wall time of a whole command, in ms: by hyperfine (no shell, warm-up runs)
    where it is installed, else timed from Python, which adds about a millisecond of its
    own process start."""
    if shutil.which("hyperfine"):
        export = Path(os.environ.get("TMPDIR", "/tmp")) / f"imr-bench-hyperfine-{os.getpid()}.json"
        run(["hyperfine", "-N", "--warmup", "3", "--runs", CLI_SEARCH_RUNS, "--export-json", export,
             " ".join(shlex.quote(str(c)) for c in cmd)], env=env)
        seconds = json.loads(export.read_text())["results"][0]["median"]
        export.unlink()
        return 1000 * seconds
    return 1000 * median([wall(cmd, env) for _ in range(CLI_SEARCH_RUNS)])


def tree_bytes(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def median(values):
    return statistics.median(values) if values else float("nan")


def max_latency(row, key):
    return max(q[key] for q in row["queries"].values())


def min_speedup(row):
    ratios = [q["ripgrep_ms"] / q["cli_ms"] for q in row["queries"].values() if q.get("ripgrep_ms")]
    return min(ratios) if ratios else float("nan")


def imr_env(index):
    env = dict(os.environ)
    env["IMR_INDEX"] = str(index)
    env.pop("NO_COLOR", None)
    return env


def queries():
    """(name, query, filters, facets, ripgrep patterns, recoll query) per line of queries.tsv."""
    for line in QUERIES.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        columns = (line.split("\t") + [""] * 6)[:6]
        name, query, filters, facets, rg, recoll = columns
        yield (name, query, [f for f in filters.split(",") if f], [f for f in facets.split(",") if f],
               [p for p in rg.split(";") if p], recoll)


def imr_search_args(query, filters, facets):
    args = [IMR, "search", "--format", "json", "--limit", "10"]
    if query:
        args.append(query)
    for f in filters:
        args += ["--filter", f]
    for f in facets:
        args += ["--facet", f]
    return args


RG_FILES_PER_CALL = 2000


def ripgrep_seconds(patterns, letters):
    """Wall time of finding the files that match every pattern (a pattern starting with '!'
    must not match), as a user would chain rg calls: the first over the tree, each next one
    over the files found so far, given in chunks as xargs would."""
    started = time.perf_counter()
    files = None
    for pattern in patterns:
        negated = pattern.startswith("!")
        pattern = pattern.lstrip("!")
        args = ["rg", "--files-without-match" if negated else "--files-with-matches",
                "--no-messages", pattern]
        if "\\s" in pattern:
            args.insert(1, "--multiline")
        if files is None:
            chunks = [[str(letters)]]
        elif not files:
            break
        else:
            chunks = [files[i:i + RG_FILES_PER_CALL] for i in range(0, len(files), RG_FILES_PER_CALL)]
        found = []
        for chunk in chunks:
            result = subprocess.run(args + ["--"] + chunk, text=True, stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL)
            found += result.stdout.split()
        files = found
    return time.perf_counter() - started, len(files or [])


def generate(work, count, seed, name, pdf_percent=0):
    """The corpus `name` under `work`, generated unless an earlier run completed it (a
    corpus is written under a .partial name and renamed when whole)."""
    corpus = work / name
    if not corpus.exists():
        partial = work / f"{name}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        started = time.perf_counter()
        run([CORPUS, "generate", "--count", count, "--seed", seed, "--out", partial,
             "--pdf-percent", pdf_percent])
        partial.rename(corpus)
        print(f"  generated {count} files in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return corpus


def bench_size(count, runs, work, recoll_max, agree_max, pdf_max):
    corpus = generate(work, count, 1, f"corpus-{count}")
    letters = corpus / "letters"
    corpus_bytes = tree_bytes(letters)
    row = {"files": count, "corpus_mb": corpus_bytes / 2**20, "runs": runs}

    print("  parse: one-core throughput, fill rates, agreement with the truth", file=sys.stderr)
    parsed_path = work / f"parsed-{count}.ndjson"
    parse_env = dict(os.environ, RAYON_NUM_THREADS="1")
    started = time.perf_counter()
    with open(parsed_path, "w") as parsed:
        subprocess.run([str(IMR), "parse", str(letters)], env=parse_env, stdout=parsed, check=False)
    row["parse_mb_per_s_one_core"] = row["corpus_mb"] / (time.perf_counter() - started)
    if count <= agree_max:
        with open(parsed_path) as parsed:
            agreement = json.loads(subprocess.run(
                [str(CORPUS), "agree", "--truth", str(corpus / "truth.ndjson"), "--format", "json"],
                stdin=parsed, text=True, stdout=subprocess.PIPE).stdout)
        shares = {name: f["agreed"] / f["compared"] for name, f in agreement["fields"].items() if f["compared"]}
        row["lowest_agreement"] = min(shares.items(), key=lambda item: item[1])
        row["agreement"] = shares
    parsed_path.unlink()
    summary = json.loads(run([IMR, "parse", letters, "--summary", "--format", "json"], check=False).stdout)
    row["letters"] = sum(summary["letters_by_layout"].values())
    row["fill_rates"] = {name: f["found"] / f["total"]
                         for group in ("letter_fields", "decision_fields")
                         for name, f in summary[group].items() if f["total"]}

    index = work / f"index-{count}"
    env = imr_env(index)
    print("  imr index: full runs", file=sys.stderr)
    full, rss = [], []
    for _ in range(runs):
        shutil.rmtree(index, ignore_errors=True)
        seconds, peak, _ = timed([IMR, "index", letters], env)
        full.append(seconds)
        rss.append(peak)
    row["full_s"] = median(full)
    row["letters_per_s"] = row["letters"] / row["full_s"]
    row["mb_per_s"] = row["corpus_mb"] / row["full_s"]
    row["peak_rss_mb"] = max(rss)
    status = json.loads(run([IMR, "status", "--format", "json"], env).stdout)
    row["index_size_ratio"] = status["size_in_bytes"] / corpus_bytes
    row["letters_indexed"] = status["letters"]
    row["decisions_indexed"] = status["decisions"]

    if count <= pdf_max:
        print("  imr index: the same letters as PDF files", file=sys.stderr)
        pdf_letters = generate(work, count, 1, f"corpus-{count}-pdf", pdf_percent=100) / "letters"
        pdf_index = work / f"index-{count}-pdf"
        pdf_full, pdf_rss = [], []
        for _ in range(runs):
            shutil.rmtree(pdf_index, ignore_errors=True)
            seconds, peak, _ = timed([IMR, "index", pdf_letters], imr_env(pdf_index))
            pdf_full.append(seconds)
            pdf_rss.append(peak)
        shutil.rmtree(pdf_index, ignore_errors=True)
        row["pdf_corpus_mb"] = tree_bytes(pdf_letters) / 2**20
        row["pdf_full_s"] = median(pdf_full)
        row["pdf_letters_per_s"] = row["letters"] / row["pdf_full_s"]
        row["pdf_mb_per_s"] = row["pdf_corpus_mb"] / row["pdf_full_s"]
        row["pdf_peak_rss_mb"] = max(pdf_rss)

    print("  imr index: no-change and 1%-new re-runs", file=sys.stderr)
    no_change = [timed([IMR, "index", letters], env) for _ in range(runs)]
    row["no_change_s"] = median([seconds for seconds, _, _ in no_change])
    row["no_change_rss_mb"] = max(peak for _, peak, _ in no_change)
    new_corpus = generate(work, max(1, count // 100), 2, f"new-{count}")
    new_times = []
    for _ in range(runs):
        batch = letters / "zz-new-batch"
        shutil.copytree(new_corpus / "letters", batch)
        new_times.append(timed([IMR, "index", letters], env)[0])
        shutil.rmtree(batch)
        run([IMR, "index", letters], env)
    row["one_percent_new_s"] = median(new_times)

    print("  bare tantivy floor", file=sys.stderr)
    floor, floor_rss = [], []
    floor_index = work / f"floor-{count}"
    for _ in range(runs):
        shutil.rmtree(floor_index, ignore_errors=True)
        seconds, peak, _ = timed([FLOOR, letters, floor_index])
        floor.append(seconds)
        floor_rss.append(peak)
    row["floor_s"] = median(floor)
    row["floor_rss_mb"] = max(floor_rss)
    row["floor_index_ratio"] = tree_bytes(floor_index) / corpus_bytes
    shutil.rmtree(floor_index, ignore_errors=True)

    print("  search latency, imr and ripgrep", file=sys.stderr)
    in_process = {}
    for line in run([LATENCY, index, QUERIES, SEARCH_RUNS]).stdout.splitlines():
        record = json.loads(line)
        in_process[record["name"]] = record
    row["queries"] = {}
    for name, query, filters, facets, rg_patterns, recoll_query in queries():
        record = dict(in_process[name])
        args = imr_search_args(query, filters, facets)
        record["cli_ms"] = command_p50_ms(args, env)
        if rg_patterns:
            rg = [ripgrep_seconds(rg_patterns, letters) for _ in range(runs)]
            record["ripgrep_ms"] = 1000 * median([seconds for seconds, _ in rg])
            record["ripgrep_files"] = rg[0][1]
        record["recoll_query"] = recoll_query
        row["queries"][name] = record

    if shutil.which("recollindex") and count <= recoll_max:
        print("  recoll", file=sys.stderr)
        confdir = work / f"recoll-{count}"
        shutil.rmtree(confdir, ignore_errors=True)
        confdir.mkdir(parents=True)
        (confdir / "recoll.conf").write_text(
            f"topdirs = {letters}\nindexedmimetypes = text/plain\nnoaspell = 1\n")
        seconds, peak, _ = timed(["recollindex", "-c", confdir, "-z"], ok_codes=(0, 1))
        row["recoll_index_s"] = seconds
        row["recoll_rss_mb"] = peak
        row["recoll_index_ratio"] = tree_bytes(confdir) / corpus_bytes
        for record in row["queries"].values():
            if record["recoll_query"]:
                record["recoll_ms"] = 1000 * median(
                    [wall(["recollq", "-c", confdir, "-b", record["recoll_query"]]) for _ in range(runs)])
        shutil.rmtree(confdir, ignore_errors=True)
    return row


def fmt(value, spec, missing="n/a"):
    return missing if value is None else format(value, spec)


def print_tables(rows, machine):
    print(f"machine: {machine}")
    print("\n## Indexing (medians; ratios to bare tantivy on the same files in the same run)\n")
    print("| files | letters | corpus MB | runs | full index s | letters/s | MB/s | peak RSS MB | index / corpus "
          "| no-change s (% of full) | 1%-new s | bare tantivy s | imr / floor throughput | recoll index s |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['files']} | {r['letters']} | {r['corpus_mb']:.0f} | {r['runs']} | {r['full_s']:.1f} "
              f"| {r['letters_per_s']:.0f} | {r['mb_per_s']:.1f} | {r['peak_rss_mb']:.0f} "
              f"| {100 * r['index_size_ratio']:.0f}% | {r['no_change_s']:.2f} ({100 * r['no_change_s'] / r['full_s']:.1f}%) "
              f"| {r['one_percent_new_s']:.2f} | {r['floor_s']:.1f} | {r['floor_s'] / r['full_s']:.2f}x "
              f"| {fmt(r.get('recoll_index_s'), '.1f')} |")
    print("\n## PDF ingest: the same letters written as PDF files\n")
    print("| files | PDF MB | full index s | letters/s | MB/s | peak RSS MB | text letters/s |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        if "pdf_full_s" in r:
            print(f"| {r['files']} | {r['pdf_corpus_mb']:.0f} | {r['pdf_full_s']:.1f} | {r['pdf_letters_per_s']:.0f} "
                  f"| {r['pdf_mb_per_s']:.1f} | {r['pdf_peak_rss_mb']:.0f} | {r['letters_per_s']:.0f} |")
    print("\n## Parsing\n")
    print("| files | one-core parse MB/s | lowest field agreement with the ground truth |")
    print("|---|---|---|")
    for r in rows:
        lowest = r.get("lowest_agreement")
        agreement = f"{lowest[0]}: {100 * lowest[1]:.2f}%" if lowest else "not compared (see --agree-max)"
        print(f"| {r['files']} | {r['parse_mb_per_s_one_core']:.1f} | {agreement} |")
    for r in rows:
        print(f"\n## Search, {r['files']} files, {r['decisions_indexed']} decisions\n")
        print("in process: p50/p95 of 50 runs through the library; commands: median wall time of 30 "
              "`imr search` (hyperfine where installed) and of ripgrep over the raw files (warm page cache)\n")
        print("| query | hits | p50 ms | p95 ms | imr search ms | ripgrep ms | ripgrep / imr search | recoll ms |")
        print("|---|---|---|---|---|---|---|---|")
        for name, q in r["queries"].items():
            rg = q.get("ripgrep_ms")
            ratio = f"{rg / q['cli_ms']:.0f}x" if rg else "n/a"
            print(f"| {name} | {q['total_hits']} | {q['p50_ms']:.2f} | {q['p95_ms']:.2f} | {q['cli_ms']:.1f} "
                  f"| {fmt(rg, '.0f')} | {ratio} | {fmt(q.get('recoll_ms'), '.0f')} |")
    print("\n## Targets\n")
    print("| target | goal | " + " | ".join(f"{r['files']} files" for r in rows) + " |")
    print("|---|---|" + "---|" * len(rows))
    for name, goal, holds, shown in TARGETS:
        cells = [f"{shown(r)} {'met' if holds(r) else 'MISSED'}" for r in rows]
        print(f"| {name} | {goal} | " + " | ".join(cells) + " |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--runs", type=int, default=3, help="runs per timed step, up to 100k letters")
    parser.add_argument("--recoll-max", type=int, default=100000, help="largest corpus Recoll indexes")
    parser.add_argument("--agree-max", type=int, default=100000,
                        help="largest corpus whose parse is compared with its truth (that check holds both in memory)")
    parser.add_argument("--pdf-max", type=int, default=100000,
                        help="largest corpus also measured as PDF files")
    parser.add_argument("--append", action="store_true",
                        help="add the rows to those of an earlier run's results.json")
    parser.add_argument("--work", default=str(ROOT / "target" / "bench"))
    args = parser.parse_args()
    for tool in ["rg", "/usr/bin/time"]:
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install ripgrep time")
    subprocess.run(["cargo", "build", "--release", "--workspace", "--bins", "--examples"], cwd=ROOT, check=True)
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    memory_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    machine = f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {memory_gib:.0f} GiB, {platform.platform()}"
    results = work / "results.json"
    rows = json.loads(results.read_text())["rows"] if args.append and results.exists() else []
    for size in [int(s) for s in args.sizes.split(",")]:
        print(f"benchmarking {size} files ...", file=sys.stderr)
        rows.append(bench_size(size, args.runs if size <= 100_000 else 1, work, args.recoll_max, args.agree_max,
                               args.pdf_max))
        results.write_text(json.dumps({"machine": machine, "rows": rows}, indent=2))
    print_tables(rows, machine)


if __name__ == "__main__":
    main()
