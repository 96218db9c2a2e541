#!/usr/bin/env python3
"""The full-text writer's floor: how fast SQLite builds the FTS5 index of an archive's documents
alone (a row a document, its title, headings and bodies, as vanban's documents_fts), with
vanban's tokenizer (two forms of every marked word) and with FTS5's unicode61 (one form, as the
raw-FTS5 baseline of bench/baselines.py), in one run on this machine.

    python3 bench/floor.py ARCHIVE

Indexing is bounded below by this: SQLite writes one database from one thread, so however
fast the analysis beside it, vanban cannot index faster than its own FTS5 inserts. The
columns are first copied into a plain table (not timed), then inserted into each FTS5
table with one INSERT … SELECT, timed by the sqlite3 shell. Prints seconds and MB/s of text;
bench/run.py runs it beside the baselines.
"""
import os, re, subprocess, sys, tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTENSION = ROOT / ".build" / "release" / "libCVietText"


TOKENIZERS = ["vietnamese", "unicode61"]


def measure(archive):
    """Bytes of the documents' text, and seconds of the FTS5 insert for each of TOKENIZERS."""
    with tempfile.TemporaryDirectory() as work:
        script = f"""
.load {EXTENSION}
ATTACH '{archive}' AS a;
CREATE TABLE p(id INTEGER PRIMARY KEY, title, heading, body);
INSERT INTO p SELECT id, title, heading, body FROM a.document_columns;
SELECT sum(length(CAST(title AS BLOB)) + length(CAST(heading AS BLOB)) + length(CAST(body AS BLOB))) FROM p;
CREATE VIRTUAL TABLE v USING fts5(title, heading, body, content='p', content_rowid='id', tokenize='vietnamese');
CREATE VIRTUAL TABLE u USING fts5(title, heading, body, content='p', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
.timer on
INSERT INTO v(rowid, title, heading, body) SELECT id, title, heading, body FROM p;
INSERT INTO u(rowid, title, heading, body) SELECT id, title, heading, body FROM p;
"""
        out = subprocess.run(["sqlite3", os.path.join(work, "floor.db")], input=script, capture_output=True,
                             text=True, check=True).stdout
    size = int(out.split("\n")[0])
    return size, dict(zip(TOKENIZERS, (float(t) for t in re.findall(r"Run Time: real ([\d.]+)", out))))


def main():
    size, seconds = measure(sys.argv[1])
    for name, time in seconds.items():
        print(f"FTS5 insert, {name}: {time:.2f} s, {size / 1e6 / time:.1f} MB/s of document text ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
