#!/usr/bin/env python3
"""Score Lectern's HTML reader against trafilatura and Resiliparse on the dev sets.

Body scoring as the Zyte benchmark's README describes it: lowercased \\w+
tokens, 4-token shingles counted with multiplicity; per page tp (shingles in
both), fp (only in the extraction), fn (only in the truth); per-page precision
tp/(tp+fp) and recall tp/(tp+fn), averaged over pages; F1 of the two averages.

Fields (sets whose truth has them, i.e. readability-dev), each counted over the
pages whose truth has that field:
- title: the same \\w+ tokens (lowercased) as the truth, or the same once a
  site name is cut off the longer of the two at a separator ("X | Site");
- author: the extractor's authors (Lectern: `authors`, else `author`) are a
  non-empty subset of the truth's byline tokens, at least two tokens unless the
  truth has one ("By Kelli Miller WebMD Health News" is right for "Kelli
  Miller"); "wrong" also counts a name given where the truth has none;
- date: the same YYYY-MM-DD as the truth's publishedTime.

Every page is in the tuning part or the held-out part by a hash of its id
(sha1, a third held out), so the split never changes; `--worst` and `--drops` list tuning
pages only. Lectern's body = each section's heading (when present) and its
paragraphs, in order. Used by scripts/eval-html; run that rather than this file.
"""
import argparse
import collections
import gzip
import hashlib
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

TOKEN = re.compile(r"\w+", re.UNICODE)


def unmojibake(s):
    """readability-dev's articleBody texts were stored as UTF-8 bytes read as
    latin-1/cp1252 ("â€™" for "’", "ç¦\x8f" for "福"): the bytes back, read as
    UTF-8; bytes that are no UTF-8 stay latin-1. Text with characters
    that no single byte gives, or whose bytes are mostly no UTF-8, is left
    alone (it was not mangled)."""
    out = bytearray()
    for ch in s:
        o = ord(ch)
        if o < 256:
            out.append(o)
        else:
            try:
                out += ch.encode("cp1252")
            except UnicodeEncodeError:
                return s
    t = out.decode("utf-8", errors="surrogateescape")
    escaped = sum(1 for c in t if 0xDC80 <= ord(c) <= 0xDCFF)
    decoded = sum(1 for c in t if ord(c) >= 0x80) - escaped
    if decoded < 4 * escaped or decoded == 0:
        return s  # mostly no UTF-8 underneath: the text was right
    return "".join(chr(ord(c) - 0xDC00) if 0xDC80 <= ord(c) <= 0xDCFF else c for c in t)


def held_out(pid):
    return int(hashlib.sha1(pid.encode("utf-8")).hexdigest(), 16) % 3 == 0


def shingles(text, n=4):
    toks = TOKEN.findall((text or "").lower())
    return collections.Counter(" ".join(toks[i:i + n]) for i in range(0, max(1, len(toks) - n + 1)) if toks[i:i + n])


def page_scores(truth, pred):
    t, p = shingles(truth), shingles(pred)
    tp = sum(min(t[k], p[k]) for k in t.keys() & p.keys())
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    prec = tp / (tp + fp) if tp + fp else (1.0 if not t else 0.0)
    rec = tp / (tp + fn) if tp + fn else 1.0
    return prec, rec


def tokens(s):
    return TOKEN.findall((s or "").lower())


TITLE_SEPARATORS = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", "_", " [", ": "]


def title_right(truth, pred):
    """The same tokens, or the same once a site name is cut off at a separator
    from the longer of the two ("X | Site" is right for "X", and "X" for "X - Site")."""
    if not tokens(truth) or not pred:
        return False
    if tokens(truth) == tokens(pred):
        return True
    short, long_ = sorted((truth, pred), key=len)
    for sep in TITLE_SEPARATORS:
        parts = long_.split(sep)
        for k in range(1, len(parts)):
            if tokens(short) in (tokens(sep.join(parts[:k])), tokens(sep.join(parts[k:]))):
                return True
    return False


def author_right(truth, pred):
    t, p = set(tokens(truth)) - {"by"}, set(tokens(pred))
    return bool(p) and p <= t and len(p) >= min(2, len(t))


def date_right(truth, pred):
    return bool(pred) and (truth or "")[:10] == (pred or "")[:10]


def score(truth, preds, pids):
    """Body F1/P/R and field counts over pids. preds: pid -> {body,title,author,date}."""
    ps, rs, per = [], [], {}
    fields = {"title": [0, 0], "author": [0, 0, 0], "date": [0, 0]}
    for pid in pids:
        gt, pr = truth[pid], preds.get(pid) or {}
        p, r = page_scores(gt["articleBody"], pr.get("body", ""))
        ps.append(p); rs.append(r); per[pid] = (p, r)
        if gt.get("title"):
            fields["title"][1] += 1
            fields["title"][0] += title_right(gt["title"], pr.get("title"))
        if gt.get("byline"):
            fields["author"][1] += 1
            fields["author"][0] += author_right(gt["byline"], pr.get("author"))
        elif pr.get("author") and "byline" in gt:
            fields["author"][2] += 1
        if gt.get("publishedTime"):
            fields["date"][1] += 1
            fields["date"][0] += date_right(gt["publishedTime"], pr.get("date"))
    P, R = sum(ps) / len(ps), sum(rs) / len(rs)
    F = 2 * P * R / (P + R) if P + R else 0.0
    return {"F": F, "P": P, "R": R, "per": per, "fields": fields}


def bootstrap(stat, groups, n=2000, seed=20261203):
    """The 2.5th and 97.5th percentiles of stat(*samples) over n resamplings of
    each group's pages (with replacement, each group on its own): how far a
    number over a few dozen pages could move on other pages of the same kind.
    Fixed seed, so a run's interval is the same each time."""
    import random
    rng = random.Random(seed)
    got = sorted(stat(*[[g[rng.randrange(len(g))] for _ in g] for g in groups]) for _ in range(n))
    return got[int(0.025 * n)], got[int(0.975 * n) - 1]


def f1_of_means(per):
    """F1 of the averaged per-page (P, R) pairs, as score() computes it."""
    P = sum(p for p, _ in per) / len(per)
    R = sum(r for _, r in per) / len(per)
    return 2 * P * R / (P + R) if P + R else 0.0


def lectern_body(article):
    parts = []
    for s in article.get("sections") or []:
        if s.get("heading"):
            parts.append(s["heading"])
        for p in s.get("paragraphs") or []:
            parts.append(p["text"])
    return "\n\n".join(parts)


def one_core(cmd):
    return (["taskset", "-c", "0"] + cmd) if shutil.which("taskset") else cmd


START_TAG = re.compile(rb"<[A-Za-z][^<>]*>")
NAMING_ATTR = re.compile(rb"""\s(?:class|id|role|itemprop)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?(?=[\s/>])""",
                         re.IGNORECASE)


def strip_naming_attrs(html):
    """The page without class, id, role and itemprop attributes (in start tags only): a probe of
    how the extractors do on sites whose class words no list knows."""
    return START_TAG.sub(lambda m: NAMING_ATTR.sub(b"", m.group(0)), html)


def decompress(bench, ids, tmp, strip=False):
    """The set's .html.gz pages as plain .html files in tmp (not timed); `strip`: without
    class/id/role/itemprop attributes."""
    out = []
    os.makedirs(tmp, exist_ok=True)
    for pid in ids:
        dst = os.path.join(tmp, pid + ".html")
        with gzip.open(os.path.join(bench, "html", pid + ".html.gz"), "rb") as src, open(dst, "wb") as fh:
            html = src.read()
            fh.write(strip_naming_attrs(html) if strip else html)
        out.append(dst)
    return out


def lectern_cmd(binary, inputs):
    return one_core([binary, "parse", "--format", "jsonl", "--jobs", "1", "--quiet"] + inputs)


def run_lectern(binary, inputs, ids, runs):
    """Bodies and fields, and pages per CPU second of the whole `lectern parse
    --jobs 1` process over the pages (start-up, reading files and writing JSON
    included; the CPU time of the child, all its threads), best of `runs`."""
    preds, best = {}, None
    by_path = dict(zip(inputs, ids))
    for i in range(runs):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        res = subprocess.run(lectern_cmd(binary, inputs), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        dt = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime)
        if res.returncode not in (0, 1):
            sys.stderr.write(res.stderr.decode("utf-8", "replace"))
            sys.exit("lectern failed with status %d" % res.returncode)
        best = dt if best is None else min(best, dt)
        if i == 0:
            for line in res.stdout.decode("utf-8").split("\n"):
                if not line.strip():
                    continue
                a = json.loads(line)
                pid = by_path.get(a.get("source", ""))
                authors = a.get("authors") or ([a["author"]] if a.get("author") else [])
                preds[pid] = {"body": lectern_body(a), "title": a.get("title"),
                              "author": " ".join(authors), "date": a.get("published"), "raw": a}
    return preds, len(inputs) / best


CHILD = r'''
import json, sys, time
TOOL = %r
items = json.load(sys.stdin)
pages = []
for f, pid in items:
    with open(f, "rb") as fh:
        pages.append((pid, fh.read().decode("utf-8", "replace")))
if TOOL == "trafilatura":
    import trafilatura
    def run(html):
        d = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
        if d is None:
            return {"body": ""}
        return {"body": d.text or "", "title": d.title, "author": d.author, "date": d.date}
else:
    from resiliparse.extract.html2text import extract_plain_text
    def run(html):
        return {"body": extract_plain_text(html, main_content=True)}
out = {}
t0 = time.process_time()
for pid, html in pages:
    out[pid] = run(html)
dt = time.process_time() - t0
json.dump({"preds": out, "pps": len(pages) / dt}, sys.stdout)
'''


def run_python_tool(python, tool, inputs, ids, runs):
    """trafilatura or Resiliparse in a child pinned to one core on the same
    decompressed pages. One pass per child (trafilatura caches between calls,
    so a second pass in one process would flatter it), best of `runs`; pages
    are read into memory before the clock starts, interpreter start-up and
    imports are not counted; the clock is the process's CPU time."""
    preds, best = None, 0.0
    for _ in range(runs):
        res = subprocess.run(one_core([python, "-c", CHILD % tool]), input=json.dumps(list(zip(inputs, ids))).encode(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if res.returncode != 0:
            sys.stderr.write(res.stderr.decode("utf-8", "replace")[-3000:])
            sys.exit("%s run failed" % tool)
        d = json.loads(res.stdout)
        if preds is None:
            preds = d["preds"]
        best = max(best, d["pps"])
    return preds, best


EXPLAIN_HEAD = re.compile(r"^(\d+)\s+(L\d+(?: <[^>]*>)?)\s+(\S+)\s+(.*)$")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?\u3002\uff01\uff1f])\s+|\n+")


def drop_group(label, rule, tag):
    """The mechanism that kept a block out of the body, from its --explain label and rule."""
    if label in ("title", "ignored"):
        return "headline (title / h1 repeated)"
    if label in ("byline", "date", "image_credit", "author_bio", "tags", "nav_next", "nav_previous", "comment"):
        return "field line: " + label
    kind = label.split(":", 1)[1] if ":" in label else label
    if "standfirst" in rule:
        return "standfirst / dek before the root"
    if "outside the content root" in rule:
        return "outside the root, unmarked"
    if "outside the content" in rule:
        return "outside the root, in a marked container (%s)" % kind
    if "mostly links" in rule:
        return "inside root: mostly-links line (tag %s)" % tag
    if "link list" in rule:
        return "inside root: list/table mostly links"
    if "no paragraph follows" in rule:
        return "inside root: heading with no paragraph after it"
    if any(w in rule for w in ("boilerplate line", "line starts with", "copyright", "follow-us")):
        return "inside root: boilerplate line rule"
    if kind == "caption":
        return "inside root: caption / figure"
    if kind == "header":
        return "inside root: header element / class"
    return "inside root: %s container" % kind


def explain_blocks(binary, path):
    """(label, rule, tag, shown text) of every block of `lectern parse --explain` on one page."""
    out = subprocess.run([binary, "parse", "--explain", "--quiet", "--jobs", "1", path],
                         stdout=subprocess.PIPE).stdout.decode("utf-8", "replace")
    blocks = []
    for line in out.splitlines():
        m = EXPLAIN_HEAD.match(line)
        if m and not line.startswith(" "):
            tag = re.search(r"<(\w+)>", m.group(2))
            blocks.append([m.group(3), "", tag.group(1) if tag else "?", m.group(4)])
        elif line.strip().startswith("<- ") and blocks:
            blocks[-1][1] = line.strip()[3:]
    return blocks


def drops(binary, truth_body, article, path, totals, pid):
    """Each truth sentence whose 4-shingles are under half in Lectern's body, its characters added to
    totals[group] under the mechanism of the non-body block that holds most of it."""
    body_text = lectern_body(article)
    body = shingles(body_text)
    flat = " ".join(TOKEN.findall(body_text.lower()))
    texts = [b["text"] for b in article.get("boilerplate") or []]
    used = [False] * len(texts)
    held = []
    for label, rule, tag, shown in explain_blocks(binary, path):
        if label in ("paragraph", "heading"):
            continue
        prefix = shown.rstrip(".").rstrip()
        text = {"title": article.get("title"), "author_bio": article.get("author_bio")}.get(label) or prefix
        for k, t in enumerate(texts):   # --explain shortens texts: the article's boilerplate has them whole
            if not used[k] and t.replace("\n", " ").startswith(prefix[:60]):
                used[k] = True
                text = t
                break
        held.append((shingles(text), set(TOKEN.findall(text.lower())), drop_group(label, rule, tag)))
    for sent in SENTENCE_SPLIT.split(truth_body):
        toks = TOKEN.findall(sent.lower())
        if not toks:
            continue
        if len(toks) >= 4:
            s = shingles(sent)
            n = sum(s.values())
            if sum((s & body).values()) * 2 >= n:
                continue
            best = max(held, key=lambda h: sum((s & h[0]).values()), default=None)
            hit = best is not None and sum((s & best[0]).values()) * 2 >= n
        else:
            if " ".join(toks) in flat:
                continue
            best = max(held, key=lambda h: len(set(toks) & h[1]), default=None)
            hit = best is not None and set(toks) <= best[1]
        group = best[2] if hit else "in no block (hidden or skipped markup, inline-boundary tokens, truth-only text)"
        totals.setdefault(group, [0, set()])
        totals[group][0] += len(sent)
        totals[group][1].add(pid)


def rate(cell):
    return "%d/%d" % (cell[0], cell[1]) if cell[1] else "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", action="append", required=True, help="a benchmark set (repeatable)")
    ap.add_argument("--lectern", required=True)
    ap.add_argument("--python", default="", help="a Python with trafilatura and resiliparse")
    ap.add_argument("--runs", type=int, default=3, help="timed runs; the best counts")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst tuning pages for Lectern")
    ap.add_argument("--fields", action="store_true", help="list Lectern's wrong fields on tuning pages")
    ap.add_argument("--save", default="", help="write Lectern's articles to this JSON file")
    ap.add_argument("--drops", action="store_true",
                    help="tuning pages: characters of the truth's sentences Lectern drops, by the mechanism that dropped them")
    ap.add_argument("--strip-attrs", action="store_true",
                    help="remove class, id, role and itemprop attributes from every page first (all tools)")
    args = ap.parse_args()

    tools = ["lectern"] + (["trafilatura", "resiliparse"] if args.python else [])
    rows, notes, saved = [], [], {}
    tmp = tempfile.mkdtemp(prefix="eval-html-")
    try:
        for bench in args.bench:
            name = os.path.basename(os.path.normpath(bench))
            truth = json.load(open(os.path.join(bench, "ground-truth.json"), encoding="utf-8"))
            repaired = 0
            for gt in truth.values():
                fixed = unmojibake(gt["articleBody"])
                repaired += fixed != gt["articleBody"]
                gt["articleBody"] = fixed
            if repaired:
                notes.append("%s: %d truth bodies were mojibake (UTF-8 read as latin-1), scored against their repair"
                             % (name, repaired))
            ids = sorted(truth)
            plain = decompress(bench, ids, os.path.join(tmp, name), args.strip_attrs)
            parts = [("tuning", [p for p in ids if not held_out(p)]), ("held-out", [p for p in ids if held_out(p)]),
                     ("all", ids)]
            per_tool = {}
            for tool in tools:
                if tool == "lectern":
                    preds, pps = run_lectern(args.lectern, plain, ids, args.runs)
                    saved[name] = {p: v["raw"] for p, v in preds.items()}
                else:
                    preds, pps = run_python_tool(args.python, tool, plain, ids, args.runs)
                scores = {part: score(truth, preds, pids) for part, pids in parts}
                per_tool[tool] = scores
                for part, pids in parts:
                    rows.append((name, part, len(pids), tool, scores[part], pps if part == "all" else None))
                if tool == "lectern":
                    lectern_scores = scores
                    if args.worst:
                        notes.append("worst tuning pages of %s for lectern (by min(P,R)):" % name)
                        for pid, (p, r) in sorted(scores["tuning"]["per"].items(), key=lambda kv: min(kv[1]))[:args.worst]:
                            notes.append("  P %.2f R %.2f  %s" % (p, r, pid[:40]))
                    if args.drops:
                        totals = {}
                        for pid in parts[0][1]:
                            drops(args.lectern, truth[pid]["articleBody"], preds[pid]["raw"],
                                  plain[ids.index(pid)], totals, pid)
                        notes.append("truth sentences lectern drops on %s tuning pages, by mechanism: characters (pages)" % name)
                        for g, (n, ps) in sorted(totals.items(), key=lambda kv: -kv[1][0]):
                            notes.append("  %6d (%2d)  %s" % (n, len(ps), g))
                    if args.fields:
                        for pid in parts[0][1]:
                            gt, pr = truth[pid], preds[pid]
                            for f, key, ok in (("title", "title", title_right), ("author", "byline", author_right),
                                               ("date", "publishedTime", date_right)):
                                if key in gt and (gt[key] or (f == "author" and pr.get(f))) and not ok(gt[key], pr.get(f)):
                                    notes.append("  %-8s %-30s truth %r got %r" % (f, pid[:30], gt[key], pr.get(f)))
            tf = lectern_scores
            tun, held = parts[0][1], parts[1][1]
            for tool, sc in per_tool.items():
                lo, hi = bootstrap(lambda a, b: f1_of_means(b) - f1_of_means(a),
                                   [[sc["tuning"]["per"][p] for p in tun], [sc["held-out"]["per"][p] for p in held]])
                notes.append("%s: %s held-out - tuning F1 gap %+.3f (95%% bootstrap interval over pages %+.3f .. %+.3f)"
                             % (name, tool, sc["held-out"]["F"] - sc["tuning"]["F"], lo, hi))
            if "trafilatura" in per_tool:
                th = per_tool["trafilatura"]
                pairs = [(tf["held-out"]["per"][p], th["held-out"]["per"][p]) for p in held]
                lo, hi = bootstrap(lambda s: f1_of_means([a for a, _ in s]) - f1_of_means([b for _, b in s]), [pairs])
                notes.append("%s: held-out, lectern - trafilatura F1 %+.3f (95%% bootstrap interval over pages, "
                             "paired, %+.3f .. %+.3f)" % (name, tf["held-out"]["F"] - th["held-out"]["F"], lo, hi))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("%-16s %-8s %5s %-12s %6s %6s %6s %8s %8s %8s %9s" % (
        "set", "part", "pages", "extractor", "F1", "P", "R", "title", "author", "date", "pages/s"))
    for name, part, n, tool, s, pps in rows:
        fl = s["fields"]
        has = fl["title"][1] or fl["author"][1] or fl["date"][1]
        author = rate(fl["author"]) if has and tool != "resiliparse" else "-"
        print("%-16s %-8s %5d %-12s %6.3f %6.3f %6.3f %8s %8s %8s %9s" % (
            name, part, n, tool, s["F"], s["P"], s["R"],
            rate(fl["title"]) if has and tool != "resiliparse" else "-", author,
            rate(fl["date"]) if has and tool != "resiliparse" else "-",
            "%.0f" % pps if pps else ""))
    for name, part, n, tool, s, pps in rows:
        if part == "all" and s["fields"]["author"][2] and tool != "resiliparse":
            print("%s %s: an author given on %d pages whose truth has none" % (name, tool, s["fields"]["author"][2]))
    if args.strip_attrs:
        print("--strip-attrs: every page read without its class, id, role and itemprop attributes, by all tools")
    print("held-out = sha1(page id) %% 3 == 0. pages/s: pages per CPU second on one core (taskset -c 0; CPU "
          "time, so that other jobs on the machine do not count), best of %d; lectern = the whole "
          "`lectern parse --jobs 1 --quiet` process over the set's pages (start-up, file reading and JSON output "
          "included); trafilatura = bare_extraction(html, with_metadata=True, include_comments=False) and "
          "resiliparse = extract_plain_text(html, main_content=True) on the pages in memory, one pass per "
          "process, interpreter start-up not counted" % args.runs)
    for line in notes:
        print(line)
    if args.save:
        json.dump(saved, open(args.save, "w"), ensure_ascii=False, indent=0)


if __name__ == "__main__":
    main()
