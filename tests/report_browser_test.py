#!/usr/bin/env python3
"""Browser test: a report built from hostile article text runs none of it.

Usage: report_browser_test.py CROSSCHECK_BINARY

Writes a small corpus whose titles, outlets, bodies and quoted sentences carry script tags, event
handlers, a tag that closes a script block, and javascript: links; runs `crosscheck run` on it;
opens report.html in headless Chromium (Debian's `chromium`) and reads the DOM once the page's own
script has run. Passes when the hostile strings show as text, none of them ran, and the events and
documents rendered. A control page with the same strings as real markup shows that the browser
does run them there, so a pass means something.

Exits 77 (ctest's SKIP_RETURN_CODE) when chromium is not installed.
"""
import html.parser
import json
import os
import pathlib
import shutil
import subprocess
import sys
import tempfile

SKIP = 77

# What every hostile string runs if it gets the chance: it sets two markers that appear nowhere in
# the article text itself ('PW' + 'NED' is built at run time; dataset.pwned writes data-pwned).
PAYLOAD = "window.__pwned=1;document.title='PW'+'NED';document.documentElement.dataset.pwned=1"
MARKERS = ("PWNED", "data-pwned")

SCRIPT_TAG = "<script>" + PAYLOAD + "</script>"
IMG_ONERROR = '<img src=x onerror="' + PAYLOAD + '">'
CLOSE_BLOCK = "</script><script>" + PAYLOAD + "</script>"
JS_LINK = '<a href="javascript:' + PAYLOAD + '">more</a>'
SVG_ONLOAD = '<svg onload="' + PAYLOAD + '"></svg>'
HOSTILE = (SCRIPT_TAG, IMG_ONERROR, CLOSE_BLOCK, JS_LINK, SVG_ONLOAD)


def chromium():
    for name in ("/usr/bin/chromium", shutil.which("chromium")):
        if name and os.access(name, os.X_OK):
            return name
    return None


def dump_dom(browser, page, scratch):
    """The page's DOM as serialised by headless Chromium after its scripts and timers ran."""
    profile = tempfile.mkdtemp(dir=scratch, prefix="profile-")
    cmd = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--user-data-dir=" + profile, "--virtual-time-budget=3000", "--dump-dom",
           pathlib.Path(page).as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    if done.returncode != 0 or "<html" not in done.stdout:
        raise SystemExit("chromium failed (exit %d): %s" % (done.returncode, done.stderr[-2000:]))
    return done.stdout


class Dom(html.parser.HTMLParser):
    """What the checks need from a serialised DOM: its elements with attributes, and its text
    outside <script> and <style>."""

    def __init__(self, markup):
        super().__init__(convert_charrefs=True)
        self.elements = []  # (tag, {attribute: value})
        self.text = []
        self._hidden = 0
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._hidden += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def write_corpus(folder):
    """Four reports of two attacks, in three input formats, the hostile strings everywhere."""
    os.makedirs(folder)
    records = [
        {"id": "wire-1", "url": "javascript:" + PAYLOAD, "published": "2020-03-04",
         "title": "Market shelled in Idlib " + SCRIPT_TAG, "outlet": "Northern Wire " + CLOSE_BLOCK,
         "text": "IDLIB, Syria (Northern Wire) - Artillery shells hit the covered market of Idlib on "
                 "Tuesday morning, killing 14 civilians " + IMG_ONERROR + ", the local civil defence "
                 "service said.\n\nA doctor at the city hospital said 31 people were wounded "
                 + SCRIPT_TAG + " and that many of them were children.\n\nShopkeepers said the "
                 "shelling went on for an hour. " + JS_LINK + "\n"},
        {"id": "wire-2", "published": "2020-03-04", "title": "Army denies market attack " + SVG_ONLOAD,
         "outlet": "State Bulletin",
         "text": "DAMASCUS (State Bulletin) - The army denied on Tuesday that its guns had shelled the "
                 "market in Idlib " + CLOSE_BLOCK + ", a military spokesman said.\n\nAn opposition "
                 "monitoring group said 17 people were killed in the shelling of the Idlib market "
                 + SVG_ONLOAD + ".\n"},
    ]
    with open(os.path.join(folder, "wire.jsonl"), "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
    # In an HTML page the hostile strings are text (entity-escaped): markup would be parsed away.
    escaped = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    page = ("<!doctype html><html><head><title>Clashes near Aleppo " + escaped(SCRIPT_TAG) + "</title>"
            '<meta name="author" content="' + escaped(IMG_ONERROR).replace('"', "&quot;") + '">'
            "<script>" + PAYLOAD + "</script></head><body><article>"
            "<h1>Clashes near Aleppo " + escaped(SCRIPT_TAG) + "</h1>"
            "<p>ALEPPO, Syria, 12 March 2020 - Fighting between government forces and rebels north "
            "of Aleppo killed nine fighters on Thursday " + escaped(IMG_ONERROR) + ", a war monitor "
            "said.</p><p>The monitor said the clashes began at dawn near the town's main road "
            + escaped(CLOSE_BLOCK) + " and lasted until the evening.</p>"
            "<p>Local sources said 20 fighters were wounded. " + escaped(JS_LINK) + "</p>"
            "</article></body></html>\n")
    with open(os.path.join(folder, "aleppo.html"), "w", encoding="utf-8") as f:
        f.write(page)
    text = ("Home | World | Syria\n\n"
            "Aleppo clashes kill nine " + SVG_ONLOAD + "\n\n"
            "ALEPPO, Syria, 12 March 2020 - Nine fighters were killed in clashes north of Aleppo on "
            "Thursday, a war monitor said " + SCRIPT_TAG + ".\n\n"
            "Rebel commanders said they had lost 12 men " + CLOSE_BLOCK + " in the fighting.\n\n"
            "Share this article " + JS_LINK + "\n")
    with open(os.path.join(folder, "aleppo-repost.txt"), "w", encoding="utf-8") as f:
        f.write(text)
    return 4  # documents


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    browser = chromium()
    if not browser:
        print("skipped: chromium is not installed (apt-get install chromium)")
        return SKIP
    results = []

    def check(what, ok):
        print(("PASS " if ok else "FAIL ") + what)
        results.append(bool(ok))

    with tempfile.TemporaryDirectory(prefix="cc_browser_") as scratch:
        # The control: the same strings as real markup do run in this browser, and are seen.
        control = os.path.join(scratch, "control.html")
        with open(control, "w", encoding="utf-8") as f:
            f.write("<!doctype html><html><head><title>control</title></head><body>"
                    + "".join(HOSTILE) + "</body></html>\n")
        check("the control page's hostile markup runs in Chromium",
              any(m in dump_dom(browser, control, scratch) for m in MARKERS))

        corpus, out = os.path.join(scratch, "corpus"), os.path.join(scratch, "out")
        documents = write_corpus(corpus)
        run = subprocess.run([sys.argv[1], "run", corpus, "--out", out, "--quiet"],
                             capture_output=True, text=True, timeout=300)
        check("crosscheck run succeeds on the hostile corpus", run.returncode == 0)
        if run.returncode != 0:
            print(run.stderr)
            return 1
        report = os.path.join(out, "report.html")
        raw = open(report, encoding="utf-8").read()
        dom_text = dump_dom(browser, report, scratch)
        dom = Dom(dom_text)
        text = "".join(dom.text)

        check("no hostile script ran (no marker in the DOM)", not any(m in dom_text for m in MARKERS))
        page_scripts = raw.count("<script")
        check("the DOM holds only the page's own %d script elements" % page_scripts,
              sum(1 for tag, _ in dom.elements if tag == "script") == page_scripts)
        check("no element from article text: no img, svg with onload, iframe or object",
              not any(tag in ("img", "iframe", "object", "embed") or (tag == "svg" and "onload" in a)
                      for tag, a in dom.elements))
        check("no element has an event-handler attribute",
              not any(name.startswith("on") for _, a in dom.elements for name in a))
        check("no link leads to javascript:",
              not any((a.get("href") or "").strip().lower().startswith("javascript:") for _, a in dom.elements))
        for name, s in (("script tag", SCRIPT_TAG), ("onerror attribute", IMG_ONERROR),
                        ("script-closing tag", CLOSE_BLOCK), ("javascript: link", JS_LINK),
                        ("svg onload", SVG_ONLOAD)):
            check("the article's %s shows as text" % name, s in text)

        events = [a["id"] for tag, a in dom.elements if tag == "section" and a.get("id", "").startswith("ev-")]
        docs = [a["id"] for tag, a in dom.elements if tag == "section" and a.get("id", "").startswith("doc-")]
        check("the page rendered the events (%d panels)" % len(events), len(events) >= 2)
        check("the page rendered every document (%d of %d)" % (len(docs), documents), len(docs) == documents)
        check("claims are marked in their documents",
              sum(1 for tag, a in dom.elements if tag == "mark" and a.get("id", "").startswith("cl-")) >= 3)
        check("the map drew located events", any(tag == "circle" for tag, _ in dom.elements))

    print("%d passed, %d failed" % (results.count(True), results.count(False)))
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
