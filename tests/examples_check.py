#!/usr/bin/env python3
"""Golden test: `crosscheck run examples/` against examples/expected.json, what a careful coder finds.

Usage: examples_check.py CROSSCHECK_BINARY [--report]
Prints one figure per kind of finding (kept body text, dropped furniture, dates, claims, the main
event) and fails when a figure falls below its floor in FLOORS. The floors are a ratchet: raise
them as the stages improve, never lower them to make a change pass.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "examples")

FLOORS = {
    "documents": 1.0,   # every document of the corpus is read
    "kept": 1.0,        # body phrases kept in main_text
    "dropped": 0.97,    # furniture phrases dropped
    "dated": 0.80,      # published dates equal to the coder's (where the coder gives one)
    "not_future": 1.0,  # no document dated after the corpus' events (a re-post's page date)
    "claims": 0.95,     # the coder's claims found with the same kind and count
    "main_event": 1.0,  # the main event exists and merges at least half of its reports
}


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def main():
    binary = sys.argv[1]
    expected = json.load(open(os.path.join(EXAMPLES, "expected.json"), encoding="utf-8"))
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([binary, "run", EXAMPLES, "--out", out, "--quiet"], capture_output=True, text=True)
        if run.returncode != 0:
            print("crosscheck run failed (%d): %s" % (run.returncode, run.stderr[-2000:]))
            return 1
        docs = load(os.path.join(out, "documents.jsonl"))
        claims = load(os.path.join(out, "claims.jsonl"))
        events = load(os.path.join(out, "events.jsonl"))

    def doc_for(key):
        found = [d for d in docs if d["path"].endswith("/" + key) or d["path"] == key]
        return found[0] if found else None

    tally = {k: [0, 0] for k in FLOORS}
    misses = []

    def score(name, ok, what):
        tally[name][0] += bool(ok)
        tally[name][1] += 1
        if not ok:
            misses.append("%-10s %s" % (name, what))

    ids = {}
    for key, want in expected["documents"].items():
        d = doc_for(key)
        score("documents", d is not None, key)
        if d is None:
            continue
        ids[key] = d["doc_id"]
        text = d.get("main_text") or ""
        for phrase in want.get("kept", []):
            score("kept", phrase in text, "%s keeps %r" % (key, phrase))
        for phrase in want.get("dropped", []):
            score("dropped", phrase not in text, "%s drops %r" % (key, phrase))
        got = (d.get("published") or {}).get("date")
        if want.get("published"):
            score("dated", got == want["published"], "%s published %s, got %s" % (key, want["published"], got))
        score("not_future", not got or got < "2017", "%s dated %s" % (key, got))
        mine = [c for c in claims if c["doc_id"] == d["doc_id"]]
        for c in want.get("claims", []):
            if c.get("optional"):
                continue
            hit = any(m["kind"] == c["kind"] and (m.get("count") or {}).get("min") == c.get("count_min")
                      and (m.get("count") or {}).get("max") == c.get("count_max")
                      and m["polarity"] == c.get("polarity", "asserted") for m in mine)
            score("claims", hit, "%s %s %s-%s (%s)" % (key, c["kind"], c.get("count_min"), c.get("count_max"),
                                                       c.get("count_text", "")))

    main_event = expected["events"][0]
    want_docs = {ids[k] for k in main_event["documents"] if k in ids}
    best = max(events, key=lambda e: len(want_docs & set(e["documents"])), default=None)
    merged = len(want_docs & set(best["documents"])) if best else 0
    score("main_event", merged * 2 >= len(want_docs), "%s merges %d of its %d reports" % (main_event["id"], merged,
                                                                                         len(want_docs)))

    failed = False
    for name, (ok, n) in tally.items():
        figure = ok / n if n else 1.0
        below = figure < FLOORS[name]
        failed |= below
        print("%-10s %5.2f  (%d of %d; floor %.2f)%s" % (name, figure, ok, n, FLOORS[name], "  BELOW FLOOR" if below else ""))
    if "--report" in sys.argv or failed:
        print("\n".join(misses))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
