#!/usr/bin/env python3
"""Header accuracy of vanban on a folder of real documents against hand-counted truth.

    scripts/eval_headers.py TRUTH.json FOLDER [--vanban BIN] [--before] [--ocr] [--verbose]

TRUTH.json holds, for each file of FOLDER, the fields a person read off the document:
number, type, issuer, date (yyyy-mm-dd, or {"year", "month", "day": null} where the text leaves
the day blank), title; null where the document has none. It is {"documents": [{"file": ...,
"header": {...}}]} (file names relative to FOLDER or ending in them), a list of such objects, or
an object keyed by file name. The truth and the documents stay outside the repository: this
script holds no document text.

Default: vanban indexes the original files (PDF, DOCX, HTML, .doc, text). --before first turns
each file into text the usual way (pdftotext, the text runs of word/document.xml, the HTML's
text, antiword) and indexes only that, as a vanban that reads .txt alone would have to.

A field is right when it matches after folding (case, marks, spacing and punctuation aside):
the number exactly (TƯ = TW; one left blank in the text is right when none is invented and
what is given, "HD/BTCTU", is kept); the type by code or name; the issuer as the header names it,
alone or with the body above it ("Ban Tổ chức" under "Thành ủy Hà Nội" = "Ban Tổ chức Thành
ủy Hà Nội"); the date exactly (a date whose day is blank is right when the month and year are
kept and no day is invented); the title without the type's name or "V/v" before it. Accuracy
is fields right over fields present in the truth.
"""
import argparse, html.parser, json, os, re, shutil, sqlite3, subprocess, sys, tempfile, unicodedata, zipfile

FIELDS = ["number", "type", "issuer", "date", "title"]


def fold(text):
    if text is None:
        return ""
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").lower()
    return " ".join(re.findall(r"[a-z0-9]+", text))


def number_key(text):
    text = unicodedata.normalize("NFC", text or "").upper().replace("TƯ", "TW")
    return re.sub(r"\s+", "", text)


def load_truth(path):
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if isinstance(data, dict) and "documents" in data:
        data = data["documents"]
    if isinstance(data, dict):
        return {name: fields for name, fields in data.items()}
    truth = {}
    for entry in data:
        name = os.path.basename(entry.get("file") or entry.get("path") or entry.get("name"))
        truth[name] = {**entry, **entry.get("header", {})}
    return truth


def truth_field(entry, field):
    if field == "number" and entry.get("number") is None and entry.get("symbol"):
        return {"blank": entry["symbol"]}
    aliases = {"number": ["number", "so_hieu"], "type": ["type", "type_name", "type_code"],
               "issuer": ["issuer"], "date": ["date"], "title": ["title", "trich_yeu"]}
    for key in aliases[field]:
        if entry.get(key) not in (None, ""):
            return entry[key]
    return None


class TextOfHTML(html.parser.HTMLParser):
    BLOCKS = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "td", "th"}

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(re.sub(r"\s+", " ", data))


def usual_text(path):
    """The text a user would get from a file with the common tools."""
    lower = path.lower()
    if lower.endswith(".pdf"):
        return subprocess.run(["pdftotext", path, "-"], capture_output=True).stdout.decode("utf-8", "replace")
    if lower.endswith(".doc"):
        return subprocess.run(["antiword", "-m", "UTF-8.txt", path], capture_output=True).stdout.decode("utf-8", "replace")
    if lower.endswith(".docx"):
        xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
        xml = re.sub(r"</w:p>", "\n", xml)
        xml = re.sub(r"<w:(tab|br)[^>]*/>", lambda m: "\t" if m.group(1) == "tab" else "\n", xml)
        runs = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>|(\n|\t)", xml)
        return html.unescape("".join(text or space for text, space in runs))
    if lower.endswith((".html", ".htm")):
        parser = TextOfHTML()
        with open(path, encoding="utf-8", errors="replace") as handle:
            parser.feed(handle.read())
        return re.sub(r"\n\s*\n+", "\n\n", "".join(parser.parts))
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def index(folder, files, vanban, before, ocr=False):
    work = tempfile.mkdtemp(prefix="vanban-eval-")
    corpus = os.path.join(work, "corpus")
    os.makedirs(corpus)
    names = {}
    for name in files:
        source = os.path.join(folder, name)
        if before:
            target = os.path.splitext(name)[0] + ".txt"
            with open(os.path.join(corpus, target), "w", encoding="utf-8") as handle:
                handle.write(usual_text(source))
        else:
            target = name
            shutil.copy(source, os.path.join(corpus, target))
        names[target] = name
    archive = os.path.join(work, "archive.db")
    subprocess.run([vanban, "index", corpus, "--archive", archive] + (["--ocr"] if ocr else []), capture_output=True)
    rows = {}
    with sqlite3.connect(archive) as db:
        columns = {row[1] for row in db.execute("PRAGMA table_info(documents)")}
        partial = "partial_date" if "partial_date" in columns else "NULL"
        blank = "partial_number" if "partial_number" in columns else "NULL"
        for path, symbol, code, type_name, issuer, parent, date, title, kept, given in db.execute(
                f"SELECT path, symbol, type_code, type_name, issuer, parent_issuer, date, title, {partial}, {blank} FROM documents"):
            rows[names[path]] = dict(number=(symbol, given), type=(code, type_name), issuer=(issuer, parent), date=(date, kept),
                                     title=(title, type_name))
    shutil.rmtree(work)
    return rows


def right(field, truth, found):
    if found is None:
        return False
    if field == "number":
        number, given = found
        if isinstance(truth, dict):  # left blank in the text: right when nothing is invented and the rest is kept
            return number is None and given is not None and number_key(given) == number_key(truth["blank"])
        return number is not None and number_key(number) == number_key(truth)
    if field == "type":
        return fold(truth) in {fold(found[0]), fold(found[1])} - {""}
    if field == "issuer":
        issuer, parent = found
        candidates = {fold(issuer), fold(f"{issuer} {parent or ''}"), fold(f"{parent or ''} {issuer}")}
        return bool(issuer) and fold(truth) in candidates
    if field == "date":
        date, partial = found
        if isinstance(truth, dict):
            kept = f"{truth['year']}-{truth['month']:02d}" if truth.get("month") else f"{truth['year']}"
            return date is None and partial == kept
        return date == truth
    title, type_name = found
    def bare(text):
        folded = fold(text)
        name = fold(type_name)
        folded = folded[len(name):].strip() if name and folded.startswith(name + " ") else folded
        return folded[4:] if folded.startswith("v v ") else folded
    return bool(title) and bare(title) == bare(truth)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("truth")
    parser.add_argument("folder")
    parser.add_argument("--vanban", default=".build/debug/vanban")
    parser.add_argument("--before", action="store_true", help="index the text the usual tools extract")
    parser.add_argument("--ocr", action="store_true", help="let vanban read scans and unreadable text layers with tesseract")
    parser.add_argument("--verbose", action="store_true", help="print what was found for each wrong field")
    args = parser.parse_args()
    truth = {name: entry for name, entry in load_truth(args.truth).items()
             if name and os.path.exists(os.path.join(args.folder, name))}
    found = index(args.folder, sorted(truth), args.vanban, args.before, args.ocr)
    totals = {field: [0, 0] for field in FIELDS}
    numbers = [0, 0]
    for name in sorted(truth):
        marks = []
        for field in FIELDS:
            expected = truth_field(truth[name], field)
            if expected is None:
                marks.append(" ")
                continue
            value = found.get(name, {}).get(field)
            ok = right(field, expected, value)
            totals[field][0] += ok
            totals[field][1] += 1
            marks.append("+" if ok else "-")
            if args.verbose and not ok:
                print(f"    {name} {field}: expected {expected!r}, found {value!r}", file=sys.stderr)
        print(f"{''.join(marks)}  {name}")
    fields_right = sum(t[0] for t in totals.values())
    fields_present = sum(t[1] for t in totals.values())
    print("fields:", ", ".join(f"{field} {t[0]}/{t[1]}" for field, t in totals.items()))
    print(f"{'before' if args.before else 'after'}{' with --ocr' if args.ocr else ''}: {fields_right}/{fields_present} header fields right "
          f"({100 * fields_right / max(1, fields_present):.1f}%) on {len(truth)} documents")


if __name__ == "__main__":
    main()
