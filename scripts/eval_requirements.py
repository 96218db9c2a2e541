#!/usr/bin/env python3
"""Precision, recall, lead actor and deadline accuracy of vanban's requirement extraction on
hand-labelled fixtures.

Indexes a labelled set into a temporary archive with the `vanban` binary, asks `vanban requires
--doc NUMBER --json` for each labelled document, and compares:

- a predicted requirement is a true positive when its sentence starts as a labelled requirement
  does (list markers such as "1.", "-", "a)" ignored on both sides), a false positive when it
  starts as a labelled non-requirement; sentences with no label are not scored;
- the lead actor is right when the first lead's key equals the labelled key (folded, determiners
  such as "các" dropped); when a label lists all its leads ("leads"), the whole list must match;
- the deadline is right when the parsed schedule, written in the labels' notation ("date
  2025-09-30", "yearly", "yearly 15/12", "every 6,12", "every 3 day 20", "relative 30 working"),
  equals the labelled one, and when neither has one. Items without a "due" key are not scored for deadlines.

Sets: `dev` (Tests/VanBanTests/Fixtures/requirements, which the rules were developed against) and
`heldout` (Tests/VanBanTests/Fixtures/requirements-heldout, written before tuning and scored only
at the end), or any folder of documents with a labels.json (`--fixtures DIR`).

Usage: python3 scripts/eval_requirements.py [--set dev|heldout] [--fixtures DIR]
                                            [--vanban .build/debug/vanban] [--rules indexer] [--json]
"""
import argparse, json, os, re, subprocess, sys, tempfile, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETS = {
    "dev": os.path.join(ROOT, "Tests/VanBanTests/Fixtures/requirements"),
    "heldout": os.path.join(ROOT, "Tests/VanBanTests/Fixtures/requirements-heldout"),
}
MARKER = re.compile(r"^\s*(?:[-–—•+*]\s*|\d+(?:\.\d+)*[.)\-]\s+|[a-zđ]\)\s+|[IVX]+\.\s+)")
DETERMINERS = {"cac", "nhung"}


def norm(text):
    return MARKER.sub("", unicodedata.normalize("NFC", text).strip()).strip()


def fold(key):
    """A key compared loosely: no marks, đ → d, lone y → i, no determiners or punctuation."""
    text = unicodedata.normalize("NFD", key or "").replace("đ", "d").replace("Đ", "D").lower()
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    text = re.sub(r"(?<!u)y", "i", re.sub(r"[^\w\s]", " ", text))
    words = [word for word in text.split() if word not in DETERMINERS]
    return " ".join(words[1:] if words[:1] == ["moi"] and len(words) > 1 else words)


def notation(schedule):
    if not schedule:
        return None
    kind = schedule.get("kind")
    if kind == "date":
        return f"date {schedule.get('date')}"
    if kind == "relative":
        return f"relative {schedule.get('days')}" + (" working" if schedule.get("workingDays") else "")
    day, month = schedule.get("day"), schedule.get("month")
    if kind == "yearly":
        return "yearly" + (f" {day}/{month}" if day and month else "")
    every = ",".join(str(months) for months in schedule.get("everyMonths", []))
    return f"every {every}" + (f" day {day}" if day else "")


def score(fixtures, vanban, rules=os.path.join(ROOT, "indexer")):
    labels = json.load(open(os.path.join(fixtures, "labels.json"), encoding="utf-8"))["documents"]
    result = dict(tp=0, fp=0, fn=0, lead_right=0, due_scored=0, due_right=0, dated=0, dated_right=0,
                  misses=[], extras=[], wrong_actor=[], wrong_due=[])
    with tempfile.TemporaryDirectory() as work:
        archive = os.path.join(work, "eval.db")
        env = dict(os.environ, VANBAN_RULES=rules)
        subprocess.run([vanban, "index", fixtures, "--archive", archive], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        for number, items in labels.items():
            out = subprocess.run([vanban, "requires", "--doc", number, "--json", "--archive", archive],
                                 env=env, capture_output=True, text=True)
            predicted = json.loads(out.stdout) if out.stdout.strip() else []
            positives = [item for item in items if item["requirement"]]
            negatives = [item for item in items if not item["requirement"]]
            matched = set()
            for hit in predicted:
                sentence = norm(hit["sentence"])
                label = next((i for i, item in enumerate(positives) if sentence.startswith(norm(item["starts"]))), None)
                if label is None:
                    if any(sentence.startswith(norm(item["starts"])) for item in negatives):
                        result["fp"] += 1
                        result["extras"].append(f"{number}: {sentence[:70]}")
                    continue
                if label in matched:
                    continue
                matched.add(label)
                result["tp"] += 1
                item = positives[label]
                leads = [fold(a["key"]) for a in hit["actors"] if a["role"] == "lead"]
                if "leads" in item:
                    right = leads == [fold(key) for key in item["leads"]]
                else:
                    expected = fold(item.get("lead")) or None
                    right = (expected is None and not leads) or (bool(leads) and leads[0] == expected)
                result["lead_right"] += right
                if not right:
                    result["wrong_actor"].append(f"{sentence[:60]} → {leads} (want {item.get('leads', item.get('lead'))})")
                if "due" in item:
                    got = notation(hit.get("schedule"))
                    result["due_scored"] += 1
                    result["due_right"] += got == item["due"]
                    if item["due"] is not None:
                        result["dated"] += 1
                        result["dated_right"] += got == item["due"]
                    if got != item["due"]:
                        result["wrong_due"].append(f"{sentence[:60]} → {got} (want {item['due']})")
            for i, item in enumerate(positives):
                if i not in matched:
                    result["fn"] += 1
                    result["misses"].append(f"{number}: {item['starts']}")
    tp, fp, fn = result["tp"], result["fp"], result["fn"]
    result["precision"] = tp / (tp + fp) if tp + fp else 0.0
    result["recall"] = tp / (tp + fn) if tp + fn else 0.0
    result["lead_accuracy"] = result["lead_right"] / tp if tp else 0.0
    result["due_accuracy"] = result["due_right"] / result["due_scored"] if result["due_scored"] else None
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--set", choices=sorted(SETS), default="dev")
    parser.add_argument("--fixtures", help="a folder of documents with a labels.json (overrides --set)")
    parser.add_argument("--vanban", default=os.path.join(ROOT, ".build/debug/vanban"))
    parser.add_argument("--rules", default=os.path.join(ROOT, "indexer"), help="the rule folder (an older build needs its own)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    result = score(args.fixtures or SETS[args.set], args.vanban, args.rules)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
        return 0
    tp = result["tp"]
    print(f"labelled requirements: {tp + result['fn']}; found {tp}, missed {result['fn']}, false {result['fp']}")
    print(f"precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"lead actor right {result['lead_right']}/{tp} ({result['lead_accuracy']:.3f})")
    if result["due_scored"]:
        print(f"deadline right {result['due_right']}/{result['due_scored']} ({result['due_accuracy']:.3f}); "
              f"of those with a labelled deadline or rhythm {result['dated_right']}/{result['dated']}")
    for key, title in [("misses", "missed:"), ("extras", "false: "), ("wrong_actor", "actor: "), ("wrong_due", "due:   ")]:
        for line in result[key]:
            print(" ", title, line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
