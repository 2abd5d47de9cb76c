#!/usr/bin/env python3
"""Builds samples.jsonl: English prose and code from documentation on a Debian 12 machine, with the
token counts of OpenAI's real tokenizers (cl100k_base and o200k_base, via the npm package js-tiktoken).

Usage:
    mkdir -p /tmp/tok && (cd /tmp/tok && npm init -y && npm install js-tiktoken@1.0.21)
    python3 make_samples.py --tiktoken-dir /tmp/tok > samples.jsonl

The selection is seeded, so the same machine gives the same file. Samples whose cl100k count falls
outside 50..600 tokens are skipped.
"""

import argparse
import glob
import gzip
import html
import html.parser
import json
import os
import random
import re
import subprocess
import sys

MIN_TOKENS = 50
MAX_TOKENS = 600

COUNT_JS = r"""
const { createRequire } = require('module');
const req = createRequire(process.argv[1] + '/');
const { getEncoding } = req('js-tiktoken');
const cl = getEncoding('cl100k_base');
const o2 = getEncoding('o200k_base');
let input = '';
process.stdin.on('data', d => input += d);
process.stdin.on('end', () => {
  const texts = JSON.parse(input);
  // encode(text, 'all'): special-token strings in documentation count as ordinary text.
  const out = texts.map(t => [cl.encode(t, 'all').length, o2.encode(t, 'all').length]);
  process.stdout.write(JSON.stringify(out));
});
"""


def count_tokens(tiktoken_dir, texts):
    result = subprocess.run(["node", "-e", COUNT_JS, os.path.abspath(tiktoken_dir)],
                            input=json.dumps(texts), capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


class PythonDocParser(html.parser.HTMLParser):
    """Collects the visible text of <p> elements (whitespace collapsed, as a browser shows it) and the
    exact contents of <pre> blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.paragraphs = []
        self.pres = []
        self._p_depth = 0
        self._pre_depth = 0
        self._buf = []

    def handle_starttag(self, tag, attrs):
        if tag == "p" and self._pre_depth == 0:
            if self._p_depth == 0:
                self._buf = []
            self._p_depth += 1
        elif tag == "pre":
            if self._pre_depth == 0:
                self._buf = []
            self._pre_depth += 1

    def handle_endtag(self, tag):
        if tag == "p" and self._p_depth > 0:
            self._p_depth -= 1
            if self._p_depth == 0:
                self.paragraphs.append(re.sub(r"\s+", " ", "".join(self._buf)).strip())
        elif tag == "pre" and self._pre_depth > 0:
            self._pre_depth -= 1
            if self._pre_depth == 0:
                self.pres.append("".join(self._buf).strip("\n"))

    def handle_data(self, data):
        if self._p_depth or self._pre_depth:
            self._buf.append(data)


def read_text(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as f:
        return f.read()


def line_windows(rng, path, count, min_lines, max_lines):
    lines = read_text(path).splitlines()
    if len(lines) < min_lines:
        return []
    out = []
    for _ in range(count):
        n = rng.randint(min_lines, min(max_lines, len(lines)))
        start = rng.randint(0, len(lines) - n)
        text = "\n".join(lines[start:start + n]).strip("\n")
        if text.strip():
            out.append(text)
    return out


def looks_like_english_prose(text):
    letters = sum(c.isalpha() or c.isspace() for c in text)
    words = text.split()
    return (len(text) > 150 and letters / len(text) > 0.88 and len(words) > 25
            and not re.search(r"^\s{4,}\S", text, re.M) and text.isascii())


def python_docs(root):
    pages = sorted(p for p in glob.glob(os.path.join(root, "**", "*.html"), recursive=True)
                   if "/_" not in p[len(root):])
    parsed = {}
    for page in pages:
        parser = PythonDocParser()
        parser.feed(read_text(page))
        parsed[page] = parser
    return parsed


def candidates(rng, python_root):
    """Yields (kind, lang, text, source) in a seeded random order per group, several per quota slot so
    that the token-range filter still leaves enough."""
    docs = python_docs(python_root)
    pages = sorted(docs)
    groups = {}

    # Prose: 1-6 consecutive paragraphs of the Python manual.
    group = []
    for page in rng.sample(pages, 120):
        paras = [p for p in docs[page].paragraphs if looks_like_english_prose(p)]
        if not paras:
            continue
        n = rng.randint(1, 6)
        start = rng.randrange(len(paras))
        group.append(("prose", "en", "\n\n".join(paras[start:start + n]), page))
    groups[("prose", "python-docs")] = group

    # Prose: 1-4 paragraphs of plain-text READMEs and Markdown notes of Debian packages, line breaks kept.
    group = []
    texts = sorted(set(glob.glob("/usr/share/doc/*/README*") + glob.glob("/usr/share/doc/*/*.md")))
    for path in rng.sample(texts, min(len(texts), 150)):
        if os.path.isdir(path):
            continue
        paras = [p.strip("\n") for p in re.split(r"\n\s*\n", read_text(path))]
        paras = [p for p in paras if looks_like_english_prose(p)]
        if paras:
            n = rng.randint(1, 4)
            start = rng.randrange(len(paras))
            group.append(("prose", "en", "\n\n".join(paras[start:start + n]), path))
    groups[("prose", "readme")] = group

    # Code: Python blocks of the manual (interactive sessions included, as the manual shows them).
    group = []
    for page in rng.sample(pages, 200):
        pres = [p for p in docs[page].pres if re.search(r"^(>>> )?(def|class|import|for|if|with|print)\b",
                                                        p, re.M)]
        if pres:
            group.append(("code", "python", rng.choice(pres), page))
    groups[("code", "python")] = group

    # Code: C++ headers (libstdc++ and Qt).
    group = []
    headers = sorted(glob.glob("/usr/include/c++/12/bits/*.h")
                     + glob.glob("/usr/include/x86_64-linux-gnu/qt6/QtCore/q*.h"))
    for path in rng.sample(headers, 40):
        group += [("code", "cpp", t, path) for t in line_windows(rng, path, 1, 8, 50)]
    groups[("code", "cpp")] = group

    # Code: shell scripts shipped as documentation.
    group = []
    scripts = sorted(glob.glob("/usr/share/doc/*/contrib/**/*.sh", recursive=True)
                     + glob.glob("/usr/share/doc/*/examples/**/*.sh", recursive=True))
    for path in rng.sample(scripts, min(len(scripts), 30)):
        group += [("code", "shell", t, path) for t in line_windows(rng, path, 1, 8, 40)]
    groups[("code", "shell")] = group

    # Code: JSON (Node's API docs, CMake's MSBuild flag tables, npm's package manifests).
    group = []
    jsons = sorted(glob.glob("/usr/share/doc/nodejs/api/*.json*")
                   + glob.glob("/usr/share/cmake-3.25/Templates/MSBuild/FlagTables/*.json")
                   + glob.glob("/usr/lib/node_modules/npm/node_modules/*/package.json"))
    for path in rng.sample(jsons, 30):
        group += [("code", "json", t, path) for t in line_windows(rng, path, 1, 8, 40)]
    groups[("code", "json")] = group

    # Code: HTML source of the manual's pages.
    group = []
    for page in rng.sample(pages, 30):
        group += [("code", "html", t, page) for t in line_windows(rng, page, 1, 5, 30)]
    groups[("code", "html")] = group
    return groups


QUOTAS = {
    ("prose", "python-docs"): 28,
    ("prose", "readme"): 12,
    ("code", "python"): 10,
    ("code", "cpp"): 10,
    ("code", "shell"): 8,
    ("code", "json"): 6,
    ("code", "html"): 6,
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiktoken-dir", required=True, help="a directory with node_modules/js-tiktoken")
    ap.add_argument("--python-docs", default="/usr/share/doc/python3.11/html")
    ap.add_argument("--seed", type=int, default=20240611)
    args = ap.parse_args()

    rng = random.Random(args.seed)
    groups = candidates(rng, args.python_docs)
    for key, quota in QUOTAS.items():
        group = groups[key]
        counts = count_tokens(args.tiktoken_dir, [text for _, _, text, _ in group])
        taken = 0
        seen = set()
        for (kind, lang, text, source), (cl100k, o200k) in zip(group, counts):
            if taken == quota:
                break
            if not MIN_TOKENS <= cl100k <= MAX_TOKENS or text in seen:
                continue
            seen.add(text)
            taken += 1
            print(json.dumps({"kind": kind, "lang": lang, "text": text, "cl100k": cl100k, "o200k": o200k,
                              "source": source}, ensure_ascii=False))
        if taken < quota:
            sys.exit(f"only {taken} of {quota} samples for {key}")


if __name__ == "__main__":
    main()
