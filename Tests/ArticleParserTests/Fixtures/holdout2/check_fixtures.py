#!/usr/bin/env python3
"""Validate the holdout2 corpus against its expected.json.

    python3 Tests/ArticleParserTests/Fixtures/holdout2/check_fixtures.py [DIR]

Checks, for every article file and its entry in expected.json:

  * the entry has every required key with the right type (author_bio optional);
  * every "with" snippet and every "without" snippet occurs in the decoded file;
  * boilerplate lines (lines holding a "without" snippet, plus a few generic
    patterns: the title, share-bar words, bare "Advertisement", numbered or
    indented comments, comment-form fields) hold no "with" snippet, and no
    "without" snippet occurs in a body line;
  * the lines left over after removing boilerplate ARE the body: split at the
    expected headings they give exactly "headings" and "paragraphs_per_section";
    so "without" has to cover every non-body line of the page;
  * the first and the last body paragraph each contain a "with" snippet;
  * the exact fields are consistent with the page (title is the first line,
    author / credit / bio / tags / navigation titles occur, published is a
    real date, comments matches the numbered or indented comment lines,
    comments_closed matches a "Comments are closed." line).

Decoding is the contract's: UTF-8 (BOM removed) or UTF-16 with a BOM; CRLF and
lone CR become LF. Exit status 0 when everything holds, 1 otherwise.
"""
import datetime
import json
import os
import re
import sys

REQUIRED = {
    "title": (str, type(None)),
    "author": (str, type(None)),
    "image_credit": (str, type(None)),
    "published": (str, type(None)),
    "headings": list,
    "paragraphs_per_section": list,
    "navigation": dict,
    "tags": list,
    "comments": int,
    "comments_closed": bool,
    "with": list,
    "without": list,
}
OPTIONAL = {"author_bio": (str, type(None))}

# Whole-line patterns for generic boilerplate that a "without" snippet cannot
# name because the same word is also body text somewhere (or is too short).
GENERIC = [re.compile(p) for p in (
    r"^(Facebook|Twitter|X|WhatsApp|Email|E-mail|LinkedIn|Telegram|Share|Like|Follow|微信|微博)$",
    r"^(Advertisement|ADVERTISEMENT|Publicité|Publicidad|Реклама|广告)$",
    r"^(Comment|Name|Email|Website)( \*)?$",
)]
NUMBERED_COMMENT = re.compile(r"^ {2,}\d+\. \S")     # "  1. text" (WordPress)
PAREN_COMMENT = re.compile(r"^\d+\) \S")              # "1) text" (blogs)
INDENTED_COMMENT = re.compile(r"^ {4}\S")             # "    text" (unnumbered)


def decode(data: bytes) -> str:
    if data.startswith(b"\xff\xfe"):
        text = data[2:].decode("utf-16-le")
    elif data.startswith(b"\xfe\xff"):
        text = data[2:].decode("utf-16-be")
    elif data.startswith(b"\xef\xbb\xbf"):
        text = data[3:].decode("utf-8")
    else:
        text = data.decode("utf-8")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_file(name, text, exp, errors):
    def err(msg):
        errors.append(f"{name}: {msg}")

    for key, types in REQUIRED.items():
        if key not in exp:
            err(f"missing key {key!r}")
        elif not isinstance(exp[key], types) or (types is int and isinstance(exp[key], bool)):
            err(f"{key!r} has the wrong type")
    for key, types in OPTIONAL.items():
        if key in exp and not isinstance(exp[key], types):
            err(f"{key!r} has the wrong type")
    extra = set(exp) - set(REQUIRED) - set(OPTIONAL)
    if extra:
        err(f"unknown keys {sorted(extra)}")
    if errors and errors[-1].startswith(name):
        return

    lines = text.split("\n")
    title = exp["title"]
    with_ = exp["with"]
    without = exp["without"]

    if not 4 <= len(with_) <= 8:
        err(f"{len(with_)} 'with' snippets (want 4-8)")
    if not without:
        err("no 'without' snippets")
    for s in with_ + without:
        if s not in text:
            err(f"snippet not in file: {s!r}")
        if s != s.strip() or "\n" in s:
            err(f"snippet spans lines or has outer spaces: {s!r}")

    # Classify lines.
    body = []          # (line number, stripped text)
    boiler = []
    for i, raw in enumerate(lines, 1):
        s = raw.strip()
        if not s:
            continue
        is_boiler = (
            s == title
            or any(w in raw for w in without)
            or any(p.match(s) for p in GENERIC)
            or NUMBERED_COMMENT.match(raw) or PAREN_COMMENT.match(raw) or INDENTED_COMMENT.match(raw)
        )
        (boiler if is_boiler else body).append((i, s))

    for i, s in boiler:
        for w in with_:
            if w in s:
                err(f"line {i}: 'with' snippet {w!r} is on a boilerplate line")
    for i, s in body:
        for w in without:
            if w in s:
                err(f"line {i}: 'without' snippet {w!r} is on a body line")
    for w in with_:
        if not any(w in s for _, s in body):
            err(f"'with' snippet not on any body line: {w!r}")

    # Rebuild sections from the body lines and the expected headings.
    headings = exp["headings"]
    named = [h for h in headings if h is not None]
    sections = []
    hi = 0
    for i, s in body:
        if hi < len(named) and s == named[hi]:
            sections.append([named[hi], []])
            hi += 1
        else:
            if not sections:
                sections.append([None, []])
            sections[-1][1].append((i, s))
    if hi != len(named):
        err(f"heading not found as a body line (in order): {named[hi]!r}")
    got_headings = [h for h, _ in sections]
    got_counts = [len(p) for _, p in sections]
    if got_headings != headings:
        err(f"headings: expected {headings}, body lines give {got_headings}")
    if got_counts != exp["paragraphs_per_section"]:
        err(f"paragraphs_per_section: expected {exp['paragraphs_per_section']}, body lines give {got_counts}")
        for h, ps in sections:
            for i, s in ps:
                err(f"    body line {i} under {h!r}: {s[:70]!r}")
    paras = [p for _, ps in sections for p in ps]
    if paras:
        for label, (i, s) in (("first", paras[0]), ("last", paras[-1])):
            if not any(w in s for w in with_):
                err(f"{label} body paragraph (line {i}) has no 'with' snippet")

    # Exact fields against the page.
    first = next((l.strip() for l in lines if l.strip()), None)
    if title != first:
        err(f"title {title!r} is not the first line {first!r}")
    for key in ("author", "image_credit"):
        if exp[key] is not None and exp[key] not in text:
            err(f"{key} {exp[key]!r} not in file")
    bio = exp.get("author_bio")
    if bio is not None:
        if bio not in [l.strip() for l in lines]:
            err("author_bio is not a whole line of the file")
        if exp["author"] is None or not bio.startswith(exp["author"]):
            err("author_bio does not start with the author's name")
    if exp["published"] is not None:
        try:
            datetime.date.fromisoformat(exp["published"])
        except ValueError:
            err(f"published {exp['published']!r} is not YYYY-MM-DD")
    nav = exp["navigation"]
    if set(nav) != {"previous", "next"}:
        err("navigation must have exactly 'previous' and 'next'")
    for k in ("previous", "next"):
        v = nav.get(k)
        if v is not None and not any(l.strip().endswith(v) for l in lines):
            err(f"navigation.{k} {v!r} does not end any line")
    if exp["tags"]:
        tag_lines = [l for l in lines if re.match(r"^\s*\w+:", l) and all(t in l for t in exp["tags"])]
        if not tag_lines:
            err("no tags line holds every expected tag")
    numbered = sum(1 for l in lines if NUMBERED_COMMENT.match(l) or PAREN_COMMENT.match(l)
                   or INDENTED_COMMENT.match(l))
    if numbered != exp["comments"]:
        err(f"comments {exp['comments']} but {numbered} numbered/indented comment lines")
    closed = any(l.strip() == "Comments are closed." for l in lines)
    if closed != exp["comments_closed"]:
        err(f"comments_closed {exp['comments_closed']} but the page says otherwise")
    if not headings and paras:
        err("headings is [] but the body is not empty")
    if len(headings) != len(exp["paragraphs_per_section"]):
        err("headings and paragraphs_per_section differ in length")


def main():
    here = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    files = sorted(n for n in os.listdir(here) if n.endswith(".txt"))
    errors = []
    for n in sorted(set(files) - set(expected)):
        errors.append(f"{n}: file has no entry in expected.json")
    for n in sorted(set(expected) - set(files)):
        errors.append(f"{n}: entry in expected.json has no file")
    total_with = total_without = 0
    for n in files:
        if n not in expected:
            continue
        with open(os.path.join(here, n), "rb") as f:
            data = f.read()
        try:
            text = decode(data)
        except UnicodeDecodeError as e:
            errors.append(f"{n}: cannot decode: {e}")
            continue
        before = len(errors)
        check_file(n, text, expected[n], errors)
        total_with += len(expected[n].get("with", []))
        total_without += len(expected[n].get("without", []))
        status = "ok" if len(errors) == before else "FAIL"
        enc = ("utf-16 bom" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else
               "utf-8 bom" if data[:3] == b"\xef\xbb\xbf" else "utf-8")
        nl = "crlf" if b"\r\n" in data or b"\r\x00\n\x00" in data else "cr" if b"\r" in data else "lf"
        print(f"{status:4} {n:14} {enc:10} {nl:4} with {len(expected[n]['with'])} without {len(expected[n]['without'])}")
    for e in errors:
        print("ERROR", e)
    print(f"{len(files)} files, {len(expected)} entries, {total_with} with / {total_without} without snippets, "
          f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
