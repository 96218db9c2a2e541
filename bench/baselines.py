#!/usr/bin/env python3
"""Baseline full-text indexes over a corpus directory, for comparison with vanban.

    python3 bench/baselines.py CORPUS_DIR --work DIR [--queries bench/queries.txt] [--repeat 20] [--json OUT]

Builds three indexes over the *.txt files of CORPUS_DIR (texts loaded as they are, no normalisation):
  fts5         python's sqlite3: fts5(path UNINDEXED, body, tokenize='unicode61 remove_diacritics 2'),
               all rows inserted in one transaction;
  sqlite-utils Database.insert_all() then enable_fts(["body"]) with its defaults (FTS5, unicode61);
  tantivy      tantivy-py: path (raw, stored) and body (default tokenizer, stored), one commit.
Each build runs in a child process (this script with --build); the child times reading + indexing +
commit, and the parent takes the child's peak RSS (ru_maxrss) from os.wait4, which is what
getrusage(RUSAGE_CHILDREN) reports, but for that child alone, so one build does not mask the next.
Prints seconds, MB/s (input bytes / seconds), peak RSS and index size on disk.

Then runs each query of the queries file (one a line, '#' lines are comments) --repeat times against
fts5 and tantivy in this process and prints p50/p99 latency in ms, the hits returned (the top 10,
ranked exactly over every match by both) and the total number of matching documents (counted once,
untimed). A line's filters (" --type KH") are vanban's: the baselines take the words before them.
  fts5:    SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10, every term quoted
           ("..." phrases kept, trailing * kept as a prefix, tokens without letters or digits dropped);
  tantivy: index.parse_query(q, ["body"], conjunction_by_default=True); on a syntax error the same
           quoted form as fts5, then parse_query_lenient. (tantivy's parser ignores a trailing *.)
Packages that are not installed are reported as "skipped: not installed". --json writes all figures.
"""
import argparse, json, os, platform, re, shutil, sqlite3, subprocess, sys, time
from pathlib import Path

KINDS = ["fts5", "sqlite-utils", "tantivy"]

def corpus_files(corpus):
    return sorted(p for p in Path(corpus).rglob("*.txt") if p.is_file())

def documents(corpus):
    for p in corpus_files(corpus):
        yield str(p.relative_to(corpus)), p.read_text("utf-8", errors="replace")

def index_path(work, kind):
    return Path(work) / {"fts5": "fts5.db", "sqlite-utils": "sqlite_utils.db", "tantivy": "tantivy"}[kind]

def disk_size(path):
    return path.stat().st_size if path.is_file() else sum(p.stat().st_size for p in path.rglob("*") if p.is_file())

# ----------------------------------------------------------------------------- builds (child)
def build(kind, corpus, out):
    """Build one index; returns the number of documents. Runs in the child process."""
    if kind == "fts5":
        db = sqlite3.connect(out)
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(path UNINDEXED, body, tokenize='unicode61 remove_diacritics 2')")
        with db:  # one transaction
            n = db.executemany("INSERT INTO docs(path, body) VALUES (?, ?)", documents(corpus)).rowcount
        db.close()
        return n
    if kind == "sqlite-utils":
        import sqlite_utils
        db = sqlite_utils.Database(out)
        db["docs"].insert_all(({"path": p, "body": b} for p, b in documents(corpus)), batch_size=1000)
        db["docs"].enable_fts(["body"])
        n = db["docs"].count
        db.close()
        return n
    import tantivy
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("path", stored=True, tokenizer_name="raw")
    sb.add_text_field("body", stored=True)
    out.mkdir()
    index = tantivy.Index(sb.build(), path=str(out))
    writer, n = index.writer(), 0
    for p, b in documents(corpus):
        writer.add_document(tantivy.Document(path=p, body=b))
        n += 1
    writer.commit()
    writer.wait_merging_threads()
    return n

def child(kind, corpus, work):
    out = index_path(work, kind)
    try:
        __import__({"fts5": "sqlite3", "sqlite-utils": "sqlite_utils", "tantivy": "tantivy"}[kind])
    except ImportError:
        print(json.dumps({"skipped": "not installed"}))
        return
    t = time.perf_counter()
    n = build(kind, corpus, out)
    print(json.dumps({"docs": n, "seconds": time.perf_counter() - t}))

def measure(kind, corpus, work, in_bytes):
    out = index_path(work, kind)
    if out.is_dir():
        shutil.rmtree(out)
    out.unlink(missing_ok=True)
    proc = subprocess.Popen([sys.executable, __file__, corpus, "--work", work, "--build", kind], stdout=subprocess.PIPE, text=True)
    stdout = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        return {"error": f"exit {proc.returncode}"}
    res = json.loads(stdout.strip().splitlines()[-1])
    if "skipped" not in res:
        res.update(mb_per_s=in_bytes / 1e6 / res["seconds"], peak_rss_mb=usage.ru_maxrss / 1024,
                   index_mb=disk_size(out) / 1e6)
    return res

# ---------------------------------------------------------------------------------- queries
TOKEN_RE = re.compile(r'"([^"]*)"?|(\S+)')

def quoted(q, prefix=True):
    """The query with every term quoted: safe for FTS5 MATCH (and for tantivy's parser)."""
    parts = []
    for m in TOKEN_RE.finditer(q):
        if m.group(1) is not None:
            if any(c.isalnum() for c in m.group(1)):
                parts.append('"' + m.group(1) + '"')
        else:
            tok, star = m.group(2).rstrip("*"), m.group(2).endswith("*")
            if any(c.isalnum() for c in tok):
                parts.append('"' + tok.replace('"', '""') + '"' + (" *" if star and prefix else ""))
    return " ".join(parts)

def percentile(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, max(0, -(-len(xs) * p // 100) - 1))]

def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        hits = fn()
        times.append((time.perf_counter() - t) * 1000)
    return {"p50_ms": percentile(times, 50), "p99_ms": percentile(times, 99), "hits": hits}

def run_queries(queries, work, repeat):
    results = [{"query": q} for q in queries]
    db_path = index_path(work, "fts5")
    if db_path.exists():
        db = sqlite3.connect(db_path)
        for r in results:
            expr = quoted(r["query"])
            run = lambda: len(db.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", (expr,)).fetchall())
            r["fts5"] = {**timed(run, repeat), "total": db.execute("SELECT count(*) FROM docs WHERE docs MATCH ?", (expr,)).fetchone()[0],
                         "expr": expr}
    tv_path = index_path(work, "tantivy")
    if tv_path.exists():
        import tantivy
        index = tantivy.Index.open(str(tv_path))
        searcher = index.searcher()
        for r in results:
            q, note = r["query"], ""
            try:
                query = index.parse_query(q, ["body"], conjunction_by_default=True)
            except ValueError:
                try:
                    query, note = index.parse_query(quoted(q, prefix=False), ["body"], conjunction_by_default=True), "quoted"
                except ValueError:
                    query, note = index.parse_query_lenient(q, ["body"], conjunction_by_default=True)[0], "lenient"
            r["tantivy"] = {**timed(lambda: len(searcher.search(query, 10).hits), repeat),
                            "total": searcher.search(query, 1).count, "fallback": note}
    return results

# -------------------------------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus")
    ap.add_argument("--work", required=True)
    ap.add_argument("--queries", default=str(Path(__file__).with_name("queries.txt")))
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--json")
    ap.add_argument("--build", choices=KINDS, help=argparse.SUPPRESS)  # child mode
    a = ap.parse_args()
    if a.build:
        return child(a.build, a.corpus, a.work)
    Path(a.work).mkdir(parents=True, exist_ok=True)
    files = corpus_files(a.corpus)
    in_bytes = sum(p.stat().st_size for p in files)
    print(f"corpus {a.corpus}: {len(files)} files, {in_bytes / 1e6:.1f} MB; sqlite {sqlite3.sqlite_version}, "
          f"python {platform.python_version()}, {os.cpu_count()} cpus")
    for p in files:  # warm the page cache so that the first build does not pay for cold reads alone
        p.read_bytes()
    builds = {}
    print(f"\n{'baseline':<13}{'docs':>8}{'seconds':>9}{'MB/s':>8}{'peak MB':>9}{'index MB':>10}")
    for kind in KINDS:
        r = builds[kind] = measure(kind, a.corpus, a.work, in_bytes)
        if "docs" in r:
            print(f"{kind:<13}{r['docs']:>8}{r['seconds']:>9.2f}{r['mb_per_s']:>8.2f}{r['peak_rss_mb']:>9.1f}{r['index_mb']:>10.1f}")
        else:
            print(f"{kind:<13}  {r.get('skipped') and 'skipped: ' + r['skipped'] or r['error']}")
    lines = (l.strip() for l in Path(a.queries).read_text("utf-8").splitlines())
    queries = [q.split(" --")[0] for q in lines if q and not q.startswith("#")]
    results = run_queries(queries, a.work, a.repeat)
    print(f"\nqueries ({a.repeat} runs each; ms; hits returned / total matches)")
    print(f"{'query':<34}{'fts5 p50':>9}{'p99':>8}{'hits':>12}   {'tantivy p50':>11}{'p99':>8}{'hits':>12}")
    def cols(r, w):
        return f"{r['p50_ms']:>{w}.2f}{r['p99_ms']:>8.2f}{str(r['hits']) + '/' + str(r['total']):>12}" if r else f"{'-':>{w + 20}}"
    for r in results:
        note = r.get("tantivy", {}).get("fallback")
        print(f"{r['query'][:33]:<34}{cols(r.get('fts5'), 9)}   {cols(r.get('tantivy'), 11)}{'  (' + note + ')' if note else ''}")
    for kind in ("fts5", "tantivy"):
        xs = [r[kind]["p50_ms"] for r in results if kind in r]
        if xs:
            print(f"{kind}: median of per-query p50 {percentile(xs, 50):.2f} ms, max p99 {max(r[kind]['p99_ms'] for r in results):.2f} ms")
    if a.json:
        summary = {"corpus": {"dir": a.corpus, "files": len(files), "bytes": in_bytes},
                   "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "sqlite": sqlite3.sqlite_version},
                   "repeat": a.repeat, "builds": builds, "queries": results}
        Path(a.json).write_text(json.dumps(summary, ensure_ascii=False, indent=1), "utf-8")
        print(f"\nwrote {a.json}")

if __name__ == "__main__":
    main()
