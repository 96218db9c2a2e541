#!/usr/bin/env python3
"""Precision, recall and relation accuracy of vanban's citation extraction, on real documents
counted by hand or on the generator's ground truth.

    python3 scripts/eval_citations.py real --realdocs DIR [--files [--ocr]] [--vanban BIN] [--rules DIR] [--verbose] [--json]
    python3 scripts/eval_citations.py generated [--count 1000] [--seed 7] [--vanban BIN] [--rules DIR] [--json]

`real` reads a folder laid out as /work/realdocs is (outside the repository: the documents' text
is never committed): `truth.json` with the hand-counted references of each document, and the
texts extracted from each file (`text/ID.plain.txt` for PDFs, `.html.txt`, `.docx.txt`,
`.antiword.txt` for Word 97 files; `files/ID.txt` where the original is text), or with `--files`
the original files as they were found (PDF, DOCX, HTML, .doc). It copies one of them per
document into a temporary corpus, indexes it with `vanban index` and reads the archive's
`citations` table (plain SQLite). Scoring follows the truth's counting rules:

- numbered: one reference per occurrence; a found citation (kind `number`) matches an expected
  one with the same number (case, marks, spaces and TƯ/TW aside), the same relation first;
- named: one per distinct name in a document, its term or year as written included ("Điều lệ
  Đảng khoá II"); a found citation (kind `named`) matches an expected name when their folded
  words are equal, else when one starts with the other;
- entries the truth marks `generic` are not expected. An expected entry stated about another
  document (`subject`) counts for recall; a found one stated about another document that
  matches nothing is left out of precision, because the truth lists such statements only where
  its author chose to (its rule 4). `strict_precision` counts them too;
- direction: for a matched entry the truth gives an `object` other than itself (a passive
  agent: "87/2025/QH15 amends 64/2025/QH15") or a `subject` other than itself that is one of
  the document's listed references (a statement about another document), the found citation's
  object or subject must be a citation of that document;
- relation accuracy is over matched entries, after mapping vanban's finer relations onto the
  truth's: disseminates -> implements, follows -> mentions, ends -> repeals; a name cited several
  times has its relation right when one of its citations states the expected one;
- the appendix references of a document (`appendix_references`) are expected too, each
  occurrence the location names ("(2 occurrences)").

`generated` runs scripts/gen_corpus.py, indexes the corpus and scores numbered citations as
bench/run.py's accuracy() does: (document, number) occurrences, relation and date agreement.
"""
import argparse, json, os, re, shutil, sqlite3, subprocess, sys, tempfile, unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT_CHOICES = ["text/{id}.plain.txt", "text/{id}.html.txt", "text/{id}.docx.txt", "text/{id}.antiword.txt",
                "files/{id}.txt"]
RELATION_MAP = {"disseminates": "implements", "follows": "mentions", "ends": "repeals"}


def fold(text):
    text = unicodedata.normalize("NFD", (text or "").replace("Đ", "D").replace("đ", "d"))
    return "".join(c for c in text if unicodedata.category(c) != "Mn").lower()


def number_key(number):
    text = unicodedata.normalize("NFC", number or "").replace("TƯ", "TW")
    key = re.sub(r"[\s\u2013\u2014]+", "", fold(text)).replace("\u2013", "-")
    return re.sub(r"(?<![0-9])0+(?=[0-9])", "", key)


def name_key(name):
    return " ".join(re.findall(r"[a-z0-9]+", fold(name)))


def index(vanban, rules, corpus, archive, extra=()):
    for suffix in ("", ".building", ".lock"):
        Path(str(archive) + suffix).unlink(missing_ok=True)
    result = subprocess.run([vanban, "index", str(corpus), "--archive", str(archive), "--rules", str(rules), *extra],
                            capture_output=True, text=True)
    if result.returncode not in (0, 4):
        sys.exit(f"vanban index failed ({result.returncode}): {result.stderr[-2000:]}")


def found_citations(archive):
    db = sqlite3.connect(archive)
    columns = [row[1] for row in db.execute("PRAGMA table_info(citations)")]
    has_object = "object" in columns
    rows = db.execute(
        "SELECT d.path, c.ordinal, c.kind, c.symbol, c.named" + (" || coalesce(' ' || c.term, '')" if has_object else "")
        + ", c.relation, c.date, c.subject, c.text" + (", c.object" if has_object else ", NULL") +
        " FROM citations c JOIN documents d ON d.id = c.document_id ORDER BY d.path, c.ordinal")
    by_path = {}
    for path, ordinal, kind, symbol, named, relation, date, subject, text, obj in rows:
        by_path.setdefault(os.path.basename(path), []).append(dict(
            ordinal=ordinal, kind=kind, number=symbol, name=named, relation=relation, date=date,
            subject=subject, object=obj, text=text))
    return by_path


def expected_references(document):
    entries = [dict(r) for r in document["references"] if not r.get("generic")]
    for r in document.get("appendix_references", []):
        match = re.search(r"\((\d+) occurrences\)", r.get("location", ""))
        for _ in range(int(match.group(1)) if match else 1):
            entries.append(dict(r))
    for r in entries:
        r["about_other"] = bool(r.get("subject")) and r.get("subject") != r.get("number")
    return entries


def score_real(archive, truth, verbose):
    found = found_citations(archive)
    totals = dict(numbered_expected=0, numbered_found=0, numbered_matched=0, numbered_unlisted=0,
                  named_expected=0, named_found=0, named_matched=0, named_unlisted=0,
                  relation_right=0, relation_scored=0, date_right=0, dated=0, by_relation={},
                  direction_right=0, direction_scored=0)
    by_document = {}
    for document in truth["documents"]:
        name = next((p for p in found if p.startswith(Path(document["file"]).stem + ".")), None)
        got = found.get(name, [])
        want = expected_references(document)
        misses, extras, wrong, wrong_dates = [], [], [], []
        # Numbered: occurrences, same relation first.
        want_numbered = [w for w in want if w.get("number")]
        got_numbered = [g for g in got if g["kind"] == "number"]
        pool = list(got_numbered)
        matched = []
        order = sorted(want_numbered, key=lambda w: not any(
            number_key(g["number"]) == number_key(w["number"]) and mapped(g["relation"]) == w["relation"] for g in pool))
        for w in order:
            key = number_key(w["number"])
            hit = next((g for g in pool if number_key(g["number"]) == key and mapped(g["relation"]) == w["relation"]), None) \
                or next((g for g in pool if number_key(g["number"]) == key), None)
            if hit is None:
                misses.append(w["number"] + ("  (about " + w["subject"] + ")" if w["about_other"] else ""))
                continue
            pool.remove(hit)
            matched.append((w, hit))
        unlisted = [g for g in pool if g["subject"] is not None]
        extras += [f'{g["number"]} {g["relation"]}' for g in pool if g["subject"] is None]
        totals["numbered_expected"] += len(want_numbered)
        totals["numbered_found"] += len(got_numbered)
        totals["numbered_matched"] += len(matched)
        totals["numbered_unlisted"] += len(unlisted)
        # Named: distinct names.
        want_named = {}
        for w in want:
            if not w.get("number") and w.get("name"):
                want_named.setdefault(name_key(w["name"]), w)
        got_named, named_relations = {}, {}
        for g in got:
            if g["kind"] == "named" and g["name"]:
                got_named.setdefault(name_key(g["name"]), g)
                named_relations.setdefault(name_key(g["name"]), set()).add(mapped(g["relation"]))
        named_matches = match_names(want_named, got_named)
        for key, w in want_named.items():
            if key not in named_matches:
                misses.append(w["name"])
        used = set(named_matches.values())
        named_unlisted = [k for k, g in got_named.items() if k not in used and g["subject"] is not None]
        extras += [g["name"] for k, g in got_named.items() if k not in used and g["subject"] is None]
        totals["named_expected"] += len(want_named)
        totals["named_found"] += len(got_named)
        totals["named_matched"] += len(named_matches)
        totals["named_unlisted"] += len(named_unlisted)
        # A name counts once however often it is cited: its relation is right when one of its
        # citations states the expected one ("Căn cứ Điều lệ Đảng", then "theo Điều lệ Đảng").
        matched += [(want_named[w], dict(got_named[g], relations=named_relations[g])) for w, g in named_matches.items()]
        by_ordinal = {c["ordinal"]: c for c in got}

        def names(ordinal):
            other = by_ordinal.get(ordinal)
            return {number_key(other["number"]), name_key(other["name"])} if other else set()

        for w, g in matched:
            # Direction: a passive agent acts on its object; a statement about another document
            # has that document as its subject.
            passive = bool(w.get("object")) and number_key(w["object"].split(" (")[0]) != number_key(w.get("number"))
            listed = {number_key(r.get("number")) for r in want} | {name_key(r.get("name")) for r in want}
            about = w["about_other"] and ({number_key(w["subject"]), name_key(w["subject"])} & listed)
            if passive or about:
                totals["direction_scored"] += 1
                if passive:
                    target = number_key(w["object"].split(" (")[0])
                    right = g.get("object") is not None and target in names(g["object"])
                else:
                    right = g.get("subject") is not None and bool({number_key(w["subject"]), name_key(w["subject"])} & names(g["subject"]))
                totals["direction_right"] += right
                if not right:
                    wrong.append(f'{w.get("number") or w.get("name")}: direction (subject {g.get("subject")}, object {g.get("object")})')
            totals["relation_scored"] += 1
            kind = totals["by_relation"].setdefault(w["relation"], [0, 0])
            kind[1] += 1
            if w["relation"] in g.get("relations", {mapped(g["relation"])}):
                totals["relation_right"] += 1
                kind[0] += 1
            else:
                wrong.append(f'{w.get("number") or w.get("name")}: {g["relation"]} for {w["relation"]}')
            if w.get("date"):
                totals["dated"] += 1
                totals["date_right"] += g["date"] == w["date"]
                if g["date"] != w["date"]:
                    wrong_dates.append(f'{w.get("number") or w.get("name")}: {g["date"]} for {w["date"]}')
        by_document[document["id"]] = dict(file=name, misses=misses, extras=extras, wrong_relations=wrong,
                                           wrong_dates=wrong_dates)
    return summarise(totals), by_document


def mapped(relation):
    return RELATION_MAP.get(relation, relation)


def match_names(want, got):
    """Expected name key -> found name key: equal keys first, then one a word prefix of the other."""
    pairs = {}
    free = set(got)
    for key in want:
        if key in free:
            pairs[key] = key
            free.discard(key)
    for key in want:
        if key in pairs:
            continue
        candidates = [g for g in free if g.startswith(key + " ") or key.startswith(g + " ")]
        if candidates:
            best = min(candidates, key=lambda g: abs(len(g) - len(key)))
            pairs[key] = best
            free.discard(best)
    return pairs


def summarise(t):
    def ratio(a, b):
        return round(a / b, 3) if b else None
    return {
        "numbered": {"expected": t["numbered_expected"], "found": t["numbered_found"], "matched": t["numbered_matched"],
                     "precision": ratio(t["numbered_matched"], t["numbered_found"] - t["numbered_unlisted"]),
                     "strict_precision": ratio(t["numbered_matched"], t["numbered_found"]),
                     "recall": ratio(t["numbered_matched"], t["numbered_expected"])},
        "named": {"expected": t["named_expected"], "found": t["named_found"], "matched": t["named_matched"],
                  "precision": ratio(t["named_matched"], t["named_found"] - t["named_unlisted"]),
                  "strict_precision": ratio(t["named_matched"], t["named_found"]),
                  "recall": ratio(t["named_matched"], t["named_expected"])},
        "relation_accuracy": ratio(t["relation_right"], t["relation_scored"]),
        "relation_by_expected": {k: f"{v[0]}/{v[1]}" for k, v in sorted(t["by_relation"].items())},
        "direction": f"{t['direction_right']}/{t['direction_scored']}",
        "relations_scored": t["relation_scored"],
        "date_accuracy": ratio(t["date_right"], t["dated"]),
    }


def real(args):
    realdocs = Path(args.realdocs)
    truth = json.loads((realdocs / "truth.json").read_text(encoding="utf-8"))
    work = Path(tempfile.mkdtemp(prefix="vanban-eval-"))
    corpus = work / "corpus"
    corpus.mkdir()
    for document in truth["documents"]:
        stem = Path(document["file"]).stem
        if args.files:
            source = realdocs / document["file"]
        else:
            source = next((realdocs / p.format(id=stem) for p in TEXT_CHOICES if (realdocs / p.format(id=stem)).exists()), None)
        if source and source.exists():
            shutil.copy(source, corpus / source.name)
    index(args.vanban, args.rules, corpus, work / "real.db", ["--ocr"] if args.ocr else [])
    summary, by_document = score_real(work / "real.db", truth, args.verbose)
    shutil.rmtree(work)
    if args.json:
        print(json.dumps({"summary": summary, "documents": by_document}, ensure_ascii=False, indent=1))
        return
    print_summary(summary)
    if args.verbose:
        for id, detail in by_document.items():
            if detail["misses"] or detail["extras"] or detail["wrong_relations"] or detail["wrong_dates"]:
                print(f"\n{id} ({detail['file']})")
                for label in ("misses", "extras", "wrong_relations", "wrong_dates"):
                    for item in detail[label]:
                        print(f"  {label[:-1] if label != 'misses' else 'miss'}: {item}")


def print_summary(s):
    for kind in ("numbered", "named"):
        k = s[kind]
        print(f"{kind:9} expected {k['expected']:4}  found {k['found']:4}  matched {k['matched']:4}  "
              f"precision {k['precision']}  (strict {k['strict_precision']})  recall {k['recall']}")
    print(f"relation right {s['relation_accuracy']} of {s['relations_scored']} matched; date right {s['date_accuracy']}")
    print("relation right by expected relation: " + ", ".join(f"{k} {v}" for k, v in s["relation_by_expected"].items()))
    print(f"direction right (passive agent's object, or the document a statement is about): {s['direction']}")


def generated(args):
    work = Path(tempfile.mkdtemp(prefix="vanban-gen-"))
    corpus = work / "corpus"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_corpus.py"), "--out", str(corpus),
                    "--count", str(args.count), "--seed", str(args.seed)], check=True, capture_output=True)
    truth = work / "truth.jsonl"
    (corpus / "ground_truth.jsonl").rename(truth)
    index(args.vanban, args.rules, corpus, work / "gen.db")
    db = sqlite3.connect(work / "gen.db")
    cites = {}
    for path, symbol, relation, date in db.execute(
            "SELECT d.path, c.symbol, c.relation, c.date FROM citations c JOIN documents d ON d.id = c.document_id "
            "WHERE c.kind = 'number'"):
        cites.setdefault(os.path.basename(path), []).append((number_key(symbol), relation, date))
    found = expected = matched = relation_ok = date_ok = dated = 0
    for line in truth.open(encoding="utf-8"):
        item = json.loads(line)
        want = [(number_key(c["number"]), c["relation"], c.get("date")) for c in item["citations"]]
        got = cites.get(os.path.basename(item["file"]), [])
        expected += len(want)
        found += len(got)
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
    shutil.rmtree(work)
    result = {"documents": args.count, "expected": expected, "found": found,
              "precision": round(matched / found, 4) if found else None,
              "recall": round(matched / expected, 4) if expected else None,
              "relation_accuracy": round(relation_ok / matched, 4) if matched else None,
              "date_accuracy": round(date_ok / dated, 4) if dated else None}
    print(json.dumps(result) if args.json else
          f"{args.count} documents, {expected} numbered citations: precision {result['precision']}, "
          f"recall {result['recall']}, relation right {result['relation_accuracy']}, date right {result['date_accuracy']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("set", choices=["real", "generated"])
    parser.add_argument("--realdocs", default="/work/realdocs")
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--vanban", default=str(ROOT / ".build" / "debug" / "vanban"))
    parser.add_argument("--rules", default=str(ROOT / "indexer"))
    parser.add_argument("--files", action="store_true",
                        help="index the original files (PDF, DOCX, HTML, .doc) instead of the extracted texts")
    parser.add_argument("--ocr", action="store_true", help="with --files: let vanban OCR pages without a usable text layer")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    real(args) if args.set == "real" else generated(args)


if __name__ == "__main__":
    main()
