#!/usr/bin/env python3
"""Walks the served pages in headless Chromium as a person would, and checks them.

Indexes the bundled corpus (or --corpus), serves it on a free loopback port, and drives Debian's
chromium through chromium-driver with Selenium: searches, opens a hit, clicks a citation in the
text, walks a chain three steps, opens the diagram and clicks a node, pages forward and back,
filters the requirements by an actor and follows one to its sentence, opens the calendar. Every
page it sees is checked for English UI text (visible text and tooltips) and every link on it
for a page that answers 200 and an anchor that exists. Screenshots of the search, document,
diagram, chain, requirements and calendar pages go to bench/out/browser/.

Prints one line per check and ends with 'N passed, N failed'; exit code 0 only when none failed.
Needs: chromium, chromium-driver (Debian) and selenium (PyPI); scripts/install-deps.sh installs them.

    python3 scripts/browser_check.py [--vanban .build/debug/vanban] [--out bench/out/browser]
"""
import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# English words a Vietnamese page must not show (none is also a Vietnamese word, as "to", "in"
# or "an" are). The same list as Tests/VanBanTests/PageTests.swift.
ENGLISH = set("""the of and not found is are this that with from yet archive document documents page next previous
error bad parameter unresolved resolved external ambiguous cited record harvested implements mentions
disseminates follows amends replaces repeals guides search results none must number query missing header
metadata letter cover requirements calendar deadline who by for unknown invalid hits filter year type issuer
title date source file chain diagram cannot""".split())


class Check:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def __call__(self, ok, what):
        if ok:
            self.passed += 1
            print(f"ok      {what}")
        else:
            self.failed += 1
            print(f"FAILED  {what}")
        return ok


def start_server(vanban, corpus, work):
    archive = os.path.join(work, "vanban.db")
    rules = os.path.join(ROOT, "indexer")
    subprocess.run([vanban, "index", corpus, "--archive", archive, "--rules", rules], check=True, stdout=subprocess.DEVNULL)
    out = open(os.path.join(work, "serve.out"), "w+")
    server = subprocess.Popen([vanban, "serve", "--port", "0", "--archive", archive, "--rules", rules],
                              stdout=out, stderr=open(os.path.join(work, "serve.log"), "w"))
    for _ in range(200):
        out.seek(0)
        match = re.search(r"(http://127\.0\.0\.1:\d+)/", out.read())
        if match:
            return server, match.group(1)
        if server.poll() is not None:
            break
        time.sleep(0.05)
    server.kill()
    sys.exit("the server did not start: " + open(os.path.join(work, "serve.log")).read())


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,1400", "--lang=vi", "--hide-scrollbars"]:
        options.add_argument(argument)
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


class Walk:
    def __init__(self, driver, base, out, check):
        self.driver, self.base, self.out, self.check = driver, base, out, check
        self.checked_links = {}
        self.pages = 0

    def path(self):
        url = urllib.parse.urlsplit(self.driver.current_url)
        return urllib.parse.unquote(url.path) + ("?" + urllib.parse.unquote(url.query) if url.query else "")

    def open(self, path):
        self.driver.get(self.base + path)
        self.inspect()

    def click(self, element, what):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        try:
            element.click()
        except Exception:  # an SVG link, or one covered by another element: click it as a script would
            self.driver.execute_script(
                "arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true, cancelable: true, view: window}));", element)
        time.sleep(0.1)
        self.inspect()
        print(f"        {what} → {self.path()}")

    def find(self, css):
        from selenium.webdriver.common.by import By
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def inspect(self):
        """English UI text and broken links on the page now shown."""
        self.pages += 1
        page = self.path()
        text = self.driver.execute_script("""
            const tips = [...document.querySelectorAll('[title],[placeholder],[aria-label]')]
              .map(e => [e.getAttribute('title'), e.getAttribute('placeholder'), e.getAttribute('aria-label')].join(' '));
            const svgTips = [...document.querySelectorAll('svg a')].map(a => a.getAttribute('xlink:title') || '');
            const svgTitles = [...document.querySelectorAll('svg title')].map(t => t.textContent);
            return [document.body.innerText, document.title, ...tips, ...svgTips, ...svgTitles].join(' ');""")
        words = set(w.lower() for w in re.findall(r"[^\W\d_]+", text))
        english = sorted(words & ENGLISH)
        self.check(not english, f"no English on {page}" + (f": {english}" if english else ""))
        self.check(self.driver.find_element("tag name", "html").get_attribute("lang") == "vi", f"lang=vi on {page}")
        hrefs = self.driver.execute_script("""
            return [...document.querySelectorAll('a[href]')].map(a => a.href)
              .concat([...document.querySelectorAll('svg a')].map(a => new URL(a.getAttribute('xlink:href') || a.getAttribute('href'), location.href).href));""")
        here = self.driver.current_url.split("#")[0]
        ids = set(self.driver.execute_script("return [...document.querySelectorAll('[id]')].map(e => e.id)"))
        broken = []
        for href in hrefs:
            if not href.startswith(self.base):
                continue  # addresses outside the archive (a document's web links): no network here
            target, _, fragment = href.partition("#")
            fragment = urllib.parse.unquote(fragment)
            if target == here or target == "":
                if fragment and fragment not in ids:
                    broken.append(f"#{fragment}")
                continue
            status, anchors = self.fetch(target)
            if status != 200:
                broken.append(f"{urllib.parse.unquote(target[len(self.base):])} ({status})")
            elif fragment and fragment not in anchors:
                broken.append(f"{urllib.parse.unquote(target[len(self.base):])}#{fragment} (no such anchor)")
        self.check(not broken, f"every link on {page} opens ({len(hrefs)} links)" + (f": broken {broken[:5]}" if broken else ""))

    def fetch(self, url):
        if url not in self.checked_links:
            try:
                with urllib.request.urlopen(url, timeout=20) as reply:
                    body = reply.read().decode("utf-8", "replace")
                    self.checked_links[url] = (reply.status, set(re.findall(r'id="([^"]+)"', body)))
            except urllib.error.HTTPError as error:
                self.checked_links[url] = (error.code, set())
        return self.checked_links[url]

    def screenshot(self, name):
        """The whole page (up to 4,000 px tall), through the DevTools protocol."""
        height = min(4000, self.driver.execute_script("return document.documentElement.scrollHeight"))
        self.driver.set_window_size(1200, max(900, height))
        path = os.path.join(self.out, f"{name}.png")
        self.driver.save_screenshot(path)
        self.driver.set_window_size(1200, 1400)
        print(f"        screenshot {path}")


def walk(walk):
    check, quote = walk.check, urllib.parse.quote
    # Search from the box, as typed.
    walk.open("/")
    box = walk.find("header input[name=q]")[0]
    box.send_keys("dan van kheo")
    box.submit()
    time.sleep(0.2)
    walk.inspect()
    hits = walk.find("ol.hits > li > a")
    check(len(hits) >= 1 and "60-CTr/ĐUK" in hits[0].text, f"search finds 60-CTr/ĐUK first ({len(hits)} hits)")
    check(len(walk.find("ol.hits mark")) > 0, "the matched words are marked")
    walk.screenshot("search")

    # Open the hit, then a citation in its text.
    walk.click(hits[0], "open the first hit")
    check(walk.find("h1")[0].text == "Chương trình 60-CTr/ĐUK", "the document page")
    check(len(walk.find("#dan-chieu + table tr")) > 5, "the authorities table")
    check(len(walk.find("p.para em")) > 0 and "*" not in walk.find("main")[0].text.replace("(*)", ""), "emphasis shown as emphasis, no raw asterisks")
    walk.screenshot("document")
    citation = [a for a in walk.find("p.para a[href^='/view/']") if "101-QĐ/TW" in a.text][0]
    walk.click(citation, "click the citation of 101-QĐ/TW in the text")
    check(walk.find("h1")[0].text.endswith("101-QĐ/TW"), "it opens the harvested record of 101-QĐ/TW")
    walk.driver.back()

    # The diagram, and a node of it.
    walk.click(walk.find("a[href$='/diagram']")[0], "open the diagram")
    svgs = walk.find(".diagram svg")
    check(len(svgs) == 1, "the diagram is drawn (Graphviz)")
    walk.screenshot("diagram")
    node = [a for a in walk.find(".diagram svg a") if "84-CV" in (a.get_attribute("xlink:href") or a.get_attribute("href") or "")]
    if check(bool(node), "the diagram has a node for 84-CV/ĐU"):
        walk.click(node[0], "click the diagram's node 84-CV/ĐU")
        check(walk.find("h1")[0].text == "Công văn 84-CV/ĐU", "the node opens 84-CV/ĐU")

    # The chain, three steps up from 84-CV/ĐU.
    walk.open("/view/" + quote("84-CV/ĐU", safe="") + "/chain")
    for step in ["60-CTr/ĐUK", "164-KH/TU", "25-NQ/TW"]:
        links = [a for a in walk.find("a.chain-link") if a.get_attribute("href").endswith(quote(step, safe="") + "/chain")]
        if not check(bool(links), f"the chain links on to {step}"):
            break
        if step == "164-KH/TU":
            walk.screenshot("chain")
        walk.click(links[0], f"walk the chain to {step}")
        check(step in walk.find("h1")[0].text, f"the chain of {step}")

    # Pages forward and back.
    walk.open("/?q=dang+uy&limit=1")
    first = walk.find("ol.hits > li > a")[0].text
    walk.click(walk.find("a[rel=next]")[0], "next page")
    check(walk.find("ol.hits")[0].get_attribute("start") == "2" and len(walk.find("a[rel=next]")) == 0, "the last page, with no next")
    walk.click(walk.find("a[rel=prev]")[0], "previous page")
    check(walk.find("ol.hits > li > a")[0].text == first, "back on the first page")

    # Requirements by an actor, and one of them in its document.
    walk.open("/obligations")
    actor = [a for a in walk.find(".facet a") if "Ban Tuyên giáo" in a.text]
    if check(bool(actor), "the requirements page offers Ban Tuyên giáo as a filter"):
        walk.click(actor[0], "filter by Ban Tuyên giáo")
    walk.screenshot("requirements")
    sentence = walk.find("ol.hits a[href*='#yc-']")
    if check(bool(sentence), "a requirement links to its sentence"):
        walk.click(sentence[0], "open the sentence")
        fragment = walk.driver.current_url.partition("#")[2]
        check(bool(walk.find(f"span.req[id='{fragment}']")), f"the sentence is marked in the text (#{fragment})")

    # The calendar.
    walk.open("/calendar")
    check(len(walk.find("section.month")) >= 3, "the calendar has months")
    walk.screenshot("calendar")
    walk.click(walk.find("section.month a[href*='#yc-']")[0], "open an obligation of the calendar")

    # Problems are pages, in Vietnamese.
    walk.open("/view/" + quote("nq 99", safe=""))
    check("Không có văn bản" in walk.find(".problem")[0].text, "an unknown document is explained")
    walk.open("/?q=a&limit=500")
    check("phải là số nguyên từ 1 đến 100" in walk.find(".problem")[0].text, "a bad parameter is explained")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--vanban", help="the vanban executable (default: build it with swift build)")
    parser.add_argument("--corpus", default=os.path.join(ROOT, "corpus"))
    parser.add_argument("--out", default=os.path.join(ROOT, "bench", "out", "browser"))
    args = parser.parse_args()
    vanban = args.vanban
    if not vanban:
        subprocess.run(["swift", "build", "--product", "vanban"], cwd=ROOT, check=True)
        bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()
        vanban = os.path.join(bin_path, "vanban")
    os.makedirs(args.out, exist_ok=True)
    check = Check()
    work = tempfile.mkdtemp(prefix="vanban-browser-")
    server, base = start_server(vanban, args.corpus, work)
    started = time.monotonic()
    driver = None
    try:
        driver = browser()
        walker = Walk(driver, base, args.out, check)
        walk(walker)
        print(f"        {walker.pages} pages and {len(walker.checked_links)} distinct links in {time.monotonic() - started:.1f} s")
    except Exception as error:  # a step that cannot go on is one failure, said plainly
        check(False, f"the walk stopped: {type(error).__name__}: {html.unescape(str(error)).splitlines()[0] if str(error) else ''}")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{check.passed} passed, {check.failed} failed")
    sys.exit(0 if check.failed == 0 else 1)


if __name__ == "__main__":
    main()
