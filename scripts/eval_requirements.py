#!/usr/bin/env python3
"""Precision and recall of vanban's requirement extraction on the hand-labelled fixtures.

Indexes Tests/VanBanTests/Fixtures/requirements/ into a temporary archive with the `vanban`
binary, asks `vanban requires --doc NUMBER --json` for each labelled document, and compares:
a predicted requirement is a true positive when its sentence starts as a labelled requirement
does. Lead actors are scored on the true positives: right when the labelled key is part of the
first lead actor's key (or both have none).

Usage: python3 scripts/eval_requirements.py [--vanban .build/release/vanban]
"""
import argparse, json, os, subprocess, sys, tempfile, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "Tests/VanBanTests/Fixtures/requirements")


def norm(text):
    return unicodedata.normalize("NFC", text).strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vanban", default=os.path.join(ROOT, ".build/debug/vanban"))
    args = parser.parse_args()
    labels = json.load(open(os.path.join(FIXTURES, "labels.json"), encoding="utf-8"))["documents"]
    with tempfile.TemporaryDirectory() as work:
        archive = os.path.join(work, "eval.db")
        env = dict(os.environ, VANBAN_RULES=os.path.join(ROOT, "indexer"))
        subprocess.run([args.vanban, "index", FIXTURES, "--archive", archive], check=True, env=env,
                       stdout=subprocess.DEVNULL)
        tp = fp = fn = actors_right = 0
        misses, extras, wrong_actor = [], [], []
        for number, items in labels.items():
            out = subprocess.run([args.vanban, "requires", "--doc", number, "--json", "--archive", archive],
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
                        fp += 1
                        extras.append(sentence[:70])
                    continue
                if label in matched:
                    continue
                matched.add(label)
                tp += 1
                leads = [a["key"] for a in hit["actors"] if a["role"] == "lead"]
                expected = positives[label].get("lead")
                right = (expected is None and not leads) or (expected is not None and leads and
                                                              (expected in leads[0] or leads[0] in expected))
                actors_right += right
                if not right:
                    wrong_actor.append(f"{sentence[:60]} → {leads[:1]} (want {expected})")
            for i, item in enumerate(positives):
                if i not in matched:
                    fn += 1
                    misses.append(item["starts"])
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        print(f"labelled requirements: {tp + fn}; found {tp}, missed {fn}, false {fp}")
        print(f"precision {precision:.3f}  recall {recall:.3f}  lead actor right {actors_right}/{tp}")
        for line in misses: print("  missed:", line)
        for line in extras: print("  false: ", line)
        for line in wrong_actor: print("  actor: ", line)


if __name__ == "__main__":
    sys.exit(main())
