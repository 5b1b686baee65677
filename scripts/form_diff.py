#!/usr/bin/env python3
"""Where a Markdown or WET rendering of a page reads worse than its inscriptis
rendering (the same page, so the difference is the form's reading, not the
page's content). Tuning pages only: reads what `scripts/eval-text --keep DIR
--tuning-only` (and `--snippets ... --keep DIR`) wrote.

  python3 scripts/form_diff.py DIR [--form html2text|wet] [--min 0.02] [--lectern BIN]

Dev sets: per page with F1(inscriptis) - F1(form) >= min, the truth shingles
the inscriptis body has and the form's body lost, and the wrong shingles the
form's body kept that the inscriptis body did not, each placed on the form's
`--explain` block (label, reason). Snippets: per page with more misses, the
"with" snippets lost and the "without" snippets newly kept, with the block
holding them.
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_html  # noqa: E402
import eval_snippets  # noqa: E402

HEAD = re.compile(r"^(\d+)\s+L(\d+)\s+(\S+)\s+(.*)$")
BENCH = {"zyte": os.environ.get("BENCH", "/work/shared/bench/zyte-dev"),
         "readability": os.environ.get("UNSEEN", "/work/shared/bench/readability-dev")}


def body(binary, path):
    out = subprocess.run([binary, "parse", "--quiet", "--jobs", "1", path], stdout=subprocess.PIPE).stdout
    for line in out.decode("utf-8", "replace").splitlines():
        if line.strip():
            return eval_html.lectern_body(json.loads(line))
    return ""


def blocks(binary, path):
    """[(line, label, reason, full text of the block's lines)] of the form's --explain."""
    out = subprocess.run([binary, "parse", "--explain", "--quiet", "--jobs", "1", path],
                         stdout=subprocess.PIPE).stdout.decode("utf-8", "replace")
    lines = open(path, encoding="utf-8").read().split("\n")
    bl = []
    for line in out.splitlines():
        m = HEAD.match(line)
        if m:
            bl.append([int(m.group(2)), m.group(3), ""])
        elif line.strip().startswith("<- ") and bl:
            bl[-1][2] = line.strip()[3:]
    res = []
    for k, (ln, label, reason) in enumerate(bl):
        end = bl[k + 1][0] - 1 if k + 1 < len(bl) else len(lines)
        res.append((ln, label, reason, " ".join(l.strip() for l in lines[ln - 1:end] if l.strip())))
    return res


KEPT = {"paragraph", "heading"}


def list_snippets(item, base, got, bl, unplaced, width=5, wrong_kind=None):
    """Print the "with" snippets the normalised body `base` has and `got` lost, and the
    "without" ones `got` kept and `base` did not, each on the block of `bl` holding it
    (`wrong_kind(w)` adds to the WRONG label)."""
    for kind, snips, bad in (("LOST", item["with"], lambda w: w in base and w not in got),
                             ("WRONG", item["without"], lambda w: w in got and w not in base)):
        for w in snips:
            w = eval_snippets.norm(w)
            if not bad(w):
                continue
            hit = next((x for x in bl if w[:30] in eval_snippets.norm(x[3])), None)
            k = kind + wrong_kind(w) if kind == "WRONG" and wrong_kind else kind
            if hit:
                print("  %-*s L%-4d %-20s %-60s | %s" % (width, k, hit[0], hit[1], short(hit[2], 60), short(hit[3])))
            else:
                print("  %-*s %s %s" % (width, k, unplaced, short(w)))


def short(s, n=110):
    return s if len(s) <= n else s[:n] + "..."


def dev(args):
    per = json.load(open(os.path.join(args.dir, "per-page.json")))
    f1 = lambda pr: 2 * pr[0] * pr[1] / (pr[0] + pr[1]) if pr[0] + pr[1] else 0.0
    ext = "md" if args.form == "html2text" else "txt"
    for s in ("zyte", "readability"):
        truth = json.load(open(os.path.join(BENCH[s], "ground-truth.json"), encoding="utf-8"))
        base, form = per[s + "/inscriptis"], per[s + "/" + args.form]
        rows = sorted(((f1(base[p]) - f1(form[p]), p) for p in base), reverse=True)
        for d, pid in rows:
            if d < args.min:
                break
            T = eval_html.shingles(eval_html.unmojibake(truth[pid]["articleBody"]))
            fpath = os.path.join(args.dir, s, args.form, pid + "." + ext)
            bb = eval_html.shingles(body(args.lectern, os.path.join(args.dir, s, "inscriptis", pid + ".txt")))
            bf = eval_html.shingles(body(args.lectern, fpath))
            lost = (T & bb) - bf
            wrong = bf - T - bb
            print("\n%s %s  F1 %.3f -> %.3f  lost %d truth shingles, %d wrong kept" % (
                s, pid[:16], f1(base[pid]), f1(form[pid]), sum(lost.values()), sum(wrong.values())))
            for ln, label, reason, text in blocks(args.lectern, fpath):
                sh = eval_html.shingles(text)
                nl = sum((sh & lost).values()) if label not in KEPT else 0
                nw = sum((sh & wrong).values()) if label in KEPT else 0
                if nl >= args.shingles or nw >= args.shingles:
                    print("  %s L%-4d %-20s %-60s | %s" % ("LOST %4d" % nl if nl >= args.shingles else "WRONG%4d" % nw,
                                                         ln, label, short(reason, 60), short(text)))


def snippets(args):
    data = json.load(open(os.path.join(args.snippets, "evaldata.json"), encoding="utf-8"))
    per = json.load(open(os.path.join(args.dir, "snippets", "per-page.json")))
    ext = "md" if args.form == "html2text" else "txt"
    byfile = {data[u]["file"]: u for u in data}
    rows = []
    for f, c in per[args.form].items():
        b = per["inscriptis"][f]
        d = (c[1] + c[2]) - (b[1] + b[2])
        if d > 0:
            rows.append((d, f))
    rows.sort(reverse=True)
    print("snippets: %d tuning pages read worse in %s than in inscriptis (%d misses more)" % (
        len(rows), args.form, sum(d for d, _ in rows)))
    for d, f in rows:
        item = data[byfile[f]]
        stem = f.rsplit(".", 1)[0]
        fpath = os.path.join(args.dir, "snippets", args.form, stem + "." + ext)
        bb = eval_snippets.norm(body(args.lectern, os.path.join(args.dir, "snippets", "inscriptis", stem + ".txt")))
        bf = eval_snippets.norm(body(args.lectern, fpath))
        bl = blocks(args.lectern, fpath)
        print("\n%s  +%d misses" % (f, d))
        list_snippets(item, bb, bf, bl, "(not found in a block: markup inside?)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--form", default="html2text")
    ap.add_argument("--min", type=float, default=0.02)
    ap.add_argument("--shingles", type=int, default=3)
    ap.add_argument("--lectern", default=".build/release/lectern")
    ap.add_argument("--snippets", default="", help="trafilatura's tests/ folder: the snippet pages instead")
    args = ap.parse_args()
    snippets(args) if args.snippets else dev(args)


if __name__ == "__main__":
    main()
