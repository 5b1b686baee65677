#!/usr/bin/env python3
"""Where the text reader reads a page worse than the HTML reader reads the same
page (its .html): the difference is the text reader's region finding, not the
page's content. Tuning pages only: reads the renderings that `scripts/eval-text
--keep DIR --tuning-only` (and `--snippets ... --tuning-only --keep DIR`) wrote.

  python3 scripts/html_diff.py DIR [--form inscriptis|html2text|...] [--min 0.05] [--snippets TESTS]

Dev sets: per page with F1(html) - F1(text) >= min, the truth shingles the HTML
body has and the text body lost, and the wrong shingles the text body kept that
the HTML body did not, each placed on the text's `--explain` block (label,
reason). Snippets: per page whose tp - fp is lower, the "with" snippets lost and
the "without" snippets kept that the HTML reader did not keep, with their block.
"""
import argparse
import gzip
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_html  # noqa: E402
import eval_snippets  # noqa: E402
from form_diff import BENCH, KEPT, blocks, list_snippets, short  # noqa: E402


def bodies(binary, paths):
    """{path: body} of one `lectern parse` run over the paths."""
    preds, _ = eval_html.run_lectern(binary, paths, paths, 1)
    return {p: (preds.get(p) or {}).get("body", "") for p in paths}


def f1(truth, body):
    p, r = eval_html.page_scores(truth, body)
    return 2 * p * r / (p + r) if p + r else 0.0


def dev(args, tmp):
    ext = "md" if args.form == "html2text" else "txt"
    for s in ("zyte", "readability"):
        truth = json.load(open(os.path.join(BENCH[s], "ground-truth.json"), encoding="utf-8"))
        folder = os.path.join(args.dir, s, args.form)
        pids = sorted(f.rsplit(".", 1)[0] for f in os.listdir(folder) if f.endswith("." + ext))
        htmls = []
        for pid in pids:
            dst = os.path.join(tmp, s + "-" + pid + ".html")
            with gzip.open(os.path.join(BENCH[s], "html", pid + ".html.gz"), "rb") as fh, open(dst, "wb") as out:
                out.write(fh.read())
            htmls.append(dst)
        texts = [os.path.join(folder, pid + "." + ext) for pid in pids]
        hb, tb = bodies(args.lectern, htmls), bodies(args.lectern, texts)
        rows = []
        for pid, h, t in zip(pids, htmls, texts):
            tr = eval_html.unmojibake(truth[pid]["articleBody"])
            fh_, ft = f1(tr, hb[h]), f1(tr, tb[t])
            rows.append((fh_ - ft, pid, fh_, ft, tr, t))
        rows.sort(reverse=True)
        worse = [r for r in rows if r[0] >= args.min]
        print("\n== %s %s: %d tuning pages, %d read worse as text by %.2f or more (sum of the gaps %.3f)" % (
            s, args.form, len(rows), len(worse), args.min, sum(r[0] for r in worse)))
        for d, pid, fh_, ft, tr, t in worse:
            T = eval_html.shingles(tr)
            bh, bt = eval_html.shingles(hb[htmls[pids.index(pid)]]), eval_html.shingles(tb[t])
            lost, wrong = (T & bh) - bt, bt - T - bh
            print("\n%s %s  F1 html %.3f text %.3f  lost %d truth shingles, %d wrong kept" % (
                s, pid[:16], fh_, ft, sum(lost.values()), sum(wrong.values())))
            for ln, label, reason, text in blocks(args.lectern, t):
                sh = eval_html.shingles(text)
                nl = sum((sh & lost).values()) if label not in KEPT else 0
                nw = sum((sh & wrong).values()) if label in KEPT else 0
                if nl >= args.shingles or nw >= args.shingles:
                    print("  %s L%-4d %-20s %-60s | %s" % ("LOST %4d" % nl if nl >= args.shingles else "WRONG%4d" % nw,
                                                         ln, label, short(reason, 60), short(text)))


def where(w, body, withs):
    """Where a kept "without" snippet sits in the body: above (^), below (v) or
    among (=) the "with" snippets the body holds, or with none of them (0)."""
    at = [body.find(eval_snippets.norm(x)) for x in withs]
    at = [a for a in at if a >= 0]
    i = body.find(w)
    return "0" if not at else "^" if i < min(at) else "v" if i > max(at) else "="


def snippets(args, tmp):
    data = json.load(open(os.path.join(args.snippets, "evaldata.json"), encoding="utf-8"))
    ext = "md" if args.form == "html2text" else "txt"
    folder = os.path.join(args.dir, "snippets", args.form)
    byfile = {data[u]["file"].rsplit(".", 1)[0]: u for u in data}
    stems = sorted(f.rsplit(".", 1)[0] for f in os.listdir(folder) if f.endswith("." + ext))
    htmls = []
    for k, stem in enumerate(stems):
        u = byfile[stem]
        src = next(p for p in (os.path.join(args.snippets, sub, data[u]["file"]) for sub in ("eval", "cache"))
                   if os.path.exists(p))
        dst = os.path.join(tmp, "s%04d.html" % k)
        shutil.copyfile(src, dst)
        htmls.append(dst)
    texts = [os.path.join(folder, stem + "." + ext) for stem in stems]
    hb, tb = bodies(args.lectern, htmls), bodies(args.lectern, texts)
    rows = []
    for stem, h, t in zip(stems, htmls, texts):
        item = data[byfile[stem]]
        ch, ct = eval_snippets.counts(item, hb[h]), eval_snippets.counts(item, tb[t])
        d = (ch[0] - ch[1]) - (ct[0] - ct[1])
        if d > 0:
            rows.append((d, stem, ch, ct, item, h, t))
    rows.sort(key=lambda r: (-r[0], r[1]))
    print("\n== snippets %s: %d tuning pages, %d read worse as text (tp-fp lower by %d in all)" % (
        args.form, len(stems), len(rows), sum(r[0] for r in rows)))
    for d, stem, ch, ct, item, h, t in rows:
        nh, nt = eval_snippets.norm(hb[h]), eval_snippets.norm(tb[t])
        bl = blocks(args.lectern, t)
        print("\n%s  -%d  html tp %d fp %d, text tp %d fp %d" % (stem, d, ch[0], ch[1], ct[0], ct[1]))
        list_snippets(item, nh, nt, bl, "(not in one block of the rendering)", width=6,
                      wrong_kind=lambda w: where(w, nt, item["with"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--form", default="inscriptis")
    ap.add_argument("--min", type=float, default=0.05)
    ap.add_argument("--shingles", type=int, default=3)
    ap.add_argument("--lectern", default=".build/release/lectern")
    ap.add_argument("--snippets", default="", help="trafilatura's tests/ folder: the snippet pages instead")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="html-diff-")
    try:
        snippets(args, tmp) if args.snippets else dev(args, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
