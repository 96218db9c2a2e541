#!/usr/bin/env python3
"""vanban's benchmark: index build, query latency, CLI cold start and extraction accuracy on a
generated corpus, beside the baselines of bench/baselines.py, in one run.

    python3 bench/run.py [--count 20000] [--seed 1] [--runs 20] [--exhaustive-runs 3] [--skip-baselines]
                         [--results bench/results.md] [--add N] [--http SECONDS] [--skip-accuracy]

    python3 bench/run.py --count 1000000 --add 1000 --http 30 --skip-baselines --exhaustive-runs 1
                         (the million-document run of issue 17: about an hour on both cores, ~40 GB of disk)

Steps (every figure is printed, and a dated section is appended to the results file):
  1. build vanban in release mode; generate COUNT documents with scripts/gen_corpus.py (the
     ground truth is moved out of the corpus folder);
  2. `vanban index` as a child process: seconds, MB/s (input bytes / seconds), peak RSS, archive size;
  3. the baselines (raw FTS5 unicode61, sqlite-utils, tantivy-py) on the same corpus and queries, and
     the writer's floor (bench/floor.py: FTS5 inserts of vanban's passages alone);
  4. `vanban bench-queries` on bench/queries.txt (in-process p50/p99 per query, through the search
     index and the exhaustive path, and whether their top 10 and totals agree);
  5. CLI cold start: `vanban search` as a whole process, median of 10; then show, refs, cited-by, chain
     (up and --down), status, check and missing on the most cited document, whole processes, median of 3;
  6. extraction accuracy: the archive's metadata and citations (plain SQLite tables) against the
     generator's ground truth: precision and recall of (document, cited number), and how often the
     relation and date agree on the matched ones;
  7. with --http: `vanban serve` on 127.0.0.1 loaded by wrk (2 threads, 64 connections, SECONDS after a
     5 s warm-up) over the queries with their filters: requests/s, p50/p99, and serve's peak RSS;
  8. with --add N: COUNT + N documents are generated, the last N held back from the first index, then
     added by an incremental `vanban index` (seconds and peak RSS), as a day's new documents would be.
Nothing is asserted: this is a measurement, not a test.
"""
import argparse, datetime, json, os, resource, shutil, socket, sqlite3, statistics, subprocess, sys, time, unicodedata
import urllib.parse, urllib.request
from pathlib import Path

import floor  # bench/floor.py

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
VANBAN = ROOT / ".build" / "release" / "vanban"


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def timed_child(cmd):
    """Wall seconds and peak RSS (MB) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 4):
        sys.exit(f"{cmd[0]} failed: {proc.stderr.read().decode()[:2000]}")
    return seconds, usage.ru_maxrss / 1024


def generate(count, seed):
    corpus = OUT / f"corpus-{count}-{seed}"
    truth = OUT / f"truth-{count}-{seed}.jsonl"
    if not truth.exists():
        shutil.rmtree(corpus, ignore_errors=True)
        run([sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), "--out", str(corpus), "--count", str(count), "--seed", str(seed)])
        (corpus / "ground_truth.jsonl").rename(truth)
    return corpus, truth


def index(corpus, archive):
    for suffix in ("", ".building", ".lock"):
        Path(str(archive) + suffix).unlink(missing_ok=True)
    env = ["env", f"VANBAN_RULES={ROOT / 'indexer'}"]
    return timed_child(env + [str(VANBAN), "index", str(corpus), "--archive", str(archive)])


def queries(archive, runs, exhaustive_runs):
    out = subprocess.run([str(VANBAN), "bench-queries", str(ROOT / "bench" / "queries.txt"), "--runs", str(runs),
                          "--exhaustive-runs", str(exhaustive_runs), "--archive", str(archive), "--rules", str(ROOT / "indexer")],
                         check=True, capture_output=True)
    return json.loads(out.stdout)


def hold_back(corpus, count):
    """Moves the last `count` generated files aside (by their number: past 999,999 the names are longer)."""
    later = corpus.parent / (corpus.name + "-later")
    later.mkdir(exist_ok=True)
    for path in sorted(corpus.glob("*.txt"), key=lambda p: int(p.name.split("_")[0]))[-count:] if count else []:
        path.rename(later / path.name)
    return later


def bring_back(later, corpus):
    size = 0
    for path in sorted(later.glob("*.txt")):
        size += path.stat().st_size
        path.rename(corpus / path.name)
    return size


def url_queries(path):
    """bench/queries.txt as query strings: `cán bộ --type KH` is q=cán bộ&type=KH."""
    lines = []
    for line in (ROOT / "bench" / "queries.txt").read_text("utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            query, *options = line.split(" --")
            lines.append(urllib.parse.urlencode([("q", query)] + [tuple(o.split(" ", 1)) for o in options if " " in o]))
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def http(archive, seconds):
    """`vanban serve` loaded by wrk at 64 connections: requests/s, p50/p99, failures, peak RSS."""
    if not shutil.which("wrk"):
        run(["apt-get", "install", "-y", "-qq", "wrk"], stdout=subprocess.DEVNULL)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([str(VANBAN), "serve", "--port", str(port), "--archive", str(archive), "--rules", str(ROOT / "indexer")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2).read()
                break
            except OSError:
                time.sleep(0.1)
        env = dict(os.environ, PREFIX="/search?limit=10&", QUERIES=str(url_queries(OUT / "queries.url")))
        wrk = ["wrk", "-t2", "-c64", "--timeout", "10s", "-s", str(ROOT / "bench" / "http.lua"), f"http://127.0.0.1:{port}"]
        subprocess.run(wrk[:1] + ["-d5s"] + wrk[1:], env=env, check=True, capture_output=True)
        out = subprocess.run(wrk[:1] + [f"-d{seconds}s"] + wrk[1:], env=env, check=True, capture_output=True, text=True).stdout
        figures = dict(item.split("=") for item in next(l for l in out.splitlines() if l.startswith("RESULT")).split()[1:])
        status = Path(f"/proc/{server.pid}/status").read_text()
        figures["peak_rss_mb"] = int(next(l for l in status.splitlines() if l.startswith("VmHWM")).split()[1]) / 1024
        return {k: float(v) for k, v in figures.items()}
    finally:
        server.terminate()
        server.wait()


def cold_start(archive):
    times = []
    for _ in range(10):
        start = time.perf_counter()
        subprocess.run([str(VANBAN), "search", "dang uy khoi", "--limit", "1", "--archive", str(archive),
                        "--rules", str(ROOT / "indexer")], stdout=subprocess.DEVNULL, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def graph_commands(archive):
    """Whole-process times (median of 3, ms) of the citation commands on the most cited document the
    archive holds: the slowest case a researcher's chain or an office's check meets."""
    db = sqlite3.connect(archive)
    candidates = [row[0] for row in db.execute("""SELECT n.symbol FROM links l JOIN nodes n ON n.id = l.target
        WHERE n.document_id IS NOT NULL AND n.symbol IS NOT NULL GROUP BY l.target ORDER BY count(*) DESC, l.target LIMIT 20""")]
    db.close()
    # Numbering starts again each term: the most cited number may name two documents, which the
    # commands refuse to choose between. Take the most cited that names one.
    number = next(n for n in candidates if subprocess.run([str(VANBAN), "show", n, "--archive", str(archive), "--rules",
                                                           str(ROOT / "indexer")], stdout=subprocess.DEVNULL,
                                                          stderr=subprocess.DEVNULL).returncode == 0)
    times = {}
    for command in (["show", number], ["refs", number], ["cited-by", number], ["chain", number], ["chain", number, "--down"],
                    ["status", number], ["check", number], ["missing"]):
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([str(VANBAN), *command, "--archive", str(archive), "--rules", str(ROOT / "indexer")],
                           stdout=subprocess.DEVNULL, check=True)
            runs.append((time.perf_counter() - start) * 1000)
        times[" ".join(command[:1] + command[2:])] = statistics.median(runs)
    return number, times


def nfc(text):
    return unicodedata.normalize("NFC", text or "")


def key(number):
    """A number as the archive's keys compare it: case, marks and TƯ/TW aside."""
    folded = unicodedata.normalize("NFD", nfc(number).replace("TƯ", "TW").replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in folded if unicodedata.category(c) != "Mn").lower().replace(" ", "")


def accuracy(archive, truth):
    db = sqlite3.connect(archive)
    docs = {row[0]: row[1:] for row in db.execute("SELECT path, symbol, date, type_code, id FROM documents")}
    cites = {}
    for path, symbol, relation, date in db.execute(
            "SELECT d.path, c.symbol, c.relation, c.date FROM citations c JOIN documents d ON d.id = c.document_id "
            "WHERE c.kind = 'number'"):
        cites.setdefault(path, []).append((key(symbol), relation, date))
    found = expected = matched = relation_ok = date_ok = dated = 0
    meta = {"number": 0, "date": 0, "type": 0}
    total_docs = 0
    for line in truth.open(encoding="utf-8"):
        item = json.loads(line)
        doc = docs.get(item["file"])
        if doc is None:
            continue
        total_docs += 1
        meta["number"] += key(doc[0] or "") == key(item["number"])
        meta["date"] += doc[1] == item["date"]
        meta["type"] += (doc[2] or "") == item["type"] or {doc[2], item["type"]} == {"QĐ", "QĐi"}
        want = [(key(c["number"]), c["relation"], c.get("date")) for c in item["citations"]]
        got = list(cites.get(item["file"], []))
        expected += len(want)
        found += len(got)
        # A number cited several times matches its occurrences as a multiset: same relation first.
        for number, relation, date in sorted(want, key=lambda w: not any(g[0] == w[0] and g[1] == w[1] for g in got)):
            hit = next((g for g in got if g[0] == number and g[1] == relation), None) or next((g for g in got if g[0] == number), None)
            if hit is None:
                continue
            got.remove(hit)
            matched += 1
            relation_ok += hit[1] == relation
            if date:
                dated += 1
                date_ok += hit[2] == date
    return {"documents": total_docs, "citations_expected": expected, "citations_found": found,
            "precision": matched / found if found else 0, "recall": matched / expected if expected else 0,
            "relation_agreement": relation_ok / matched if matched else 0, "date_agreement": date_ok / dated if dated else 0,
            "metadata": {k: v / total_docs for k, v in meta.items()}}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--count", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--exhaustive-runs", type=int, default=3, help="runs of each query the slow, exhaustive way (0: none)")
    ap.add_argument("--skip-baselines", action="store_true")
    ap.add_argument("--results", default=str(ROOT / "bench" / "results.md"))
    ap.add_argument("--add", type=int, default=0, help="documents generated beyond COUNT and added by an incremental index")
    ap.add_argument("--http", type=int, default=0, help="seconds of wrk through one `vanban serve` (0: not run)")
    ap.add_argument("--skip-accuracy", action="store_true")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    for product in ("vanban", "CVietText"):
        run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, stdout=subprocess.DEVNULL)
    corpus, truth = generate(a.count + a.add, a.seed)
    bring_back(corpus.parent / (corpus.name + "-later"), corpus)  # an interrupted run's
    later = hold_back(corpus, a.add)
    size = sum(p.stat().st_size for p in corpus.rglob("*.txt"))
    archive = OUT / f"vanban-{a.count}.db"
    seconds, peak = index(corpus, archive)
    build = {"seconds": seconds, "mb_per_s": size / 1e6 / seconds, "peak_rss_mb": peak,
             "archive_mb": archive.stat().st_size / 1e6, "size_ratio": archive.stat().st_size / size}
    print(f"corpus: {a.count} documents, {size / 1e6:.1f} MB")
    print(f"vanban index: {seconds:.1f} s, {build['mb_per_s']:.2f} MB/s, peak {peak:.0f} MB, "
          f"archive {build['archive_mb']:.0f} MB ({build['size_ratio']:.2f}x the text)")
    baselines = {}
    if not a.skip_baselines:
        summary = OUT / f"baselines-{a.count}.json"
        run([sys.executable, str(ROOT / "bench" / "baselines.py"), str(corpus), "--work", str(OUT / f"baselines-{a.count}"),
             "--json", str(summary), "--repeat", str(a.runs)])
        baselines = json.loads(summary.read_text("utf-8"))
        _, floor_seconds = floor.measure(archive)
        for name, time in floor_seconds.items():
            print(f"FTS5 insert of vanban's passages alone, {name} tokenizer: {time:.2f} s, {size / 1e6 / time:.1f} MB/s of corpus")
    figures = queries(archive, a.runs, a.exhaustive_runs)
    p50s = [f["p50"] for f in figures]
    cpus = [f["cpuP50"] for f in figures]
    cold = cold_start(archive)
    graph_number, graph = graph_commands(archive)
    print(f"citation commands on {graph_number}, the most cited document (ms, median of 3): "
          + ", ".join(f"{name} {ms:.0f}" for name, ms in graph.items()))
    served = http(archive, a.http) if a.http else None
    if served:
        print(f"HTTP through one `vanban serve` (wrk, 64 connections, {a.http} s): {served['rps']:.0f} requests/s, "
              f"p50 {served['p50']:.1f} ms, p99 {served['p99']:.1f} ms, {served['non2xx'] + served['socket']:.0f} failed; "
              f"serve peak RSS {served['peak_rss_mb']:.0f} MB")
    added = None
    if a.add:
        added_bytes = bring_back(later, corpus)
        added_seconds, added_peak = timed_child(["env", f"VANBAN_RULES={ROOT / 'indexer'}", str(VANBAN), "index", str(corpus),
                                                 "--archive", str(archive)])
        added = {"seconds": added_seconds, "peak_rss_mb": added_peak, "mb": added_bytes / 1e6,
                 "archive_mb": archive.stat().st_size / 1e6}
        print(f"incremental index of {a.add} more documents ({added['mb']:.1f} MB): {added_seconds:.1f} s, "
              f"peak {added_peak:.0f} MB, archive now {added['archive_mb']:.0f} MB")
    acc = None if a.skip_accuracy else accuracy(archive, truth)
    print(f"vanban queries: median p50 {statistics.median(p50s):.2f} ms (CPU {statistics.median(cpus):.2f}), worst p50 "
          f"{max(p50s):.2f} ms, max p99 {max(f['p99'] for f in figures):.2f} ms over {len(figures)} queries; CLI cold query {cold:.0f} ms")
    slow = [f for f in figures if f.get("exhaustiveP50") is not None]
    if slow:
        agree = sum(1 for f in slow if f["agrees"])
        print(f"exhaustive: median p50 {statistics.median(f['exhaustiveP50'] for f in slow):.1f} ms, max p99 "
              f"{max(f['exhaustiveP99'] for f in slow):.1f} ms; same top 10 and total on {agree} of {len(slow)} queries")
        for f in slow:
            if not f["agrees"]:
                print(f"  differs: {f['query']}")
    if acc:
        print(f"extraction: citations precision {acc['precision']:.3f} recall {acc['recall']:.3f}, "
              f"relation agrees {acc['relation_agreement']:.3f}, date agrees {acc['date_agreement']:.3f}; "
              f"metadata number {acc['metadata']['number']:.3f} date {acc['metadata']['date']:.3f} type {acc['metadata']['type']:.3f}")
    lines = [f"\n## {datetime.date.today()} — {a.count} documents, {size / 1e6:.1f} MB (seed {a.seed}, {os.cpu_count()} cores)\n",
             "| build | seconds | MB/s | peak MB | index MB | ratio to vanban (MB/s) |", "|---|---|---|---|---|---|",
             f"| vanban | {seconds:.1f} | {build['mb_per_s']:.2f} | {peak:.0f} | {build['archive_mb']:.0f} ({build['size_ratio']:.2f}× text) | 1.00 |"]
    for kind, r in baselines.get("builds", {}).items():
        if "seconds" in r:
            lines.append(f"| {kind} | {r['seconds']:.1f} | {r['mb_per_s']:.2f} | {r['peak_rss_mb']:.0f} | {r['index_mb']:.0f} | "
                         f"{r['mb_per_s'] / build['mb_per_s']:.2f} |")
    lines += ["", "| queries (ms) | median p50 | worst p50 | max p99 |", "|---|---|---|---|",
              f"| vanban | {statistics.median(p50s):.2f} | {max(p50s):.2f} | {max(f['p99'] for f in figures):.2f} |"]
    if slow:
        lines.append(f"| vanban --exhaustive | {statistics.median(f['exhaustiveP50'] for f in slow):.2f} | "
                     f"{max(f['exhaustiveP50'] for f in slow):.2f} | {max(f['exhaustiveP99'] for f in slow):.2f} |")
    for kind in ("fts5", "tantivy"):
        rows = [q[kind] for q in baselines.get("queries", []) if kind in q]
        if rows:
            lines.append(f"| {kind} | {statistics.median(r['p50_ms'] for r in rows):.2f} | {max(r['p50_ms'] for r in rows):.2f} | "
                         f"{max(r['p99_ms'] for r in rows):.2f} |")
    if not a.skip_baselines:
        lines += ["", "The floor (bench/floor.py): FTS5 insert of vanban's passages alone, " + ", ".join(
            f"{name} tokenizer {time:.2f} s ({size / 1e6 / time:.1f} MB/s of corpus)" for name, time in floor_seconds.items()) + "."]
    tantivy = [q["tantivy"]["p50_ms"] for q in baselines.get("queries", []) if "tantivy" in q]
    if tantivy:
        lines += ["", f"vanban's median p50 is {statistics.median(p50s) / statistics.median(tantivy):.0f}× tantivy's exact top 10 "
                      f"({statistics.median(tantivy):.2f} ms); the thread's CPU time per query, median of the p50s: {statistics.median(cpus):.2f} ms."]
    if slow:
        lines += ["", f"The search index and the exhaustive path gave the same top 10 and total on {agree} of {len(slow)} queries"
                      + ("." if agree == len(slow) else f"; they differ on: {', '.join(f['query'] for f in slow if not f['agrees'])}.")]
    lines += ["", f"CLI cold query (whole process, median of 10): {cold:.0f} ms."]
    lines.append(f"Citation commands on {graph_number}, the most cited document in the archive (whole process, median of 3, ms): "
                 + ", ".join(f"`{name}` {ms:.0f}" for name, ms in graph.items()) + ".")
    if served:
        lines.append(f"HTTP through one `vanban serve` (wrk -t2 -c64, {a.http} s after 5 s of warm-up, the queries with their filters): "
                     f"{served['rps']:.0f} requests/s, p50 {served['p50']:.1f} ms, p99 {served['p99']:.1f} ms, "
                     f"{served['non2xx']:.0f} non-2xx, {served['socket']:.0f} socket errors; serve's peak RSS {served['peak_rss_mb']:.0f} MB.")
    if added:
        lines.append(f"Incremental `vanban index` adding {a.add} documents ({added['mb']:.1f} MB) to the {a.count}: "
                     f"{added['seconds']:.1f} s, peak RSS {added['peak_rss_mb']:.0f} MB; archive then {added['archive_mb']:.0f} MB.")
    if acc:
        lines.append(f"Extraction against the ground truth ({acc['documents']} documents, {acc['citations_expected']} numbered citations): "
                     f"precision {acc['precision']:.3f}, recall {acc['recall']:.3f}; relation agrees on {acc['relation_agreement']:.1%} "
                     f"and date on {acc['date_agreement']:.1%} of matched citations; number {acc['metadata']['number']:.1%}, "
                     f"date {acc['metadata']['date']:.1%}, type {acc['metadata']['type']:.1%} of documents right.")
    with open(a.results, "a", encoding="utf-8") as results:
        results.write("\n".join(lines) + "\n")
    print(f"appended to {a.results}")


if __name__ == "__main__":
    main()
