#!/usr/bin/env python3
"""Score Lectern's HTML reader (and trafilatura) on the article-extraction benchmark.

Scoring as the benchmark's README describes it: lowercased \\w+ tokens, 4-token
shingles counted with multiplicity; per page tp (shingles in both), fp (only in
the extraction), fn (only in the truth); per-page precision tp/(tp+fp) and
recall tp/(tp+fn), averaged over pages; F1 of the two averages.

Lectern's body = each section's heading (when present) and its paragraphs, in
order. Used by scripts/eval-html; run that rather than this file directly.
"""
import argparse
import collections
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

TOKEN = re.compile(r"\w+", re.UNICODE)


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


def summarize(truth, preds):
    ps, rs, per = [], [], {}
    for pid, gt in truth.items():
        p, r = page_scores(gt["articleBody"], preds.get(pid, ""))
        ps.append(p); rs.append(r); per[pid] = (p, r)
    P, R = sum(ps) / len(ps), sum(rs) / len(rs)
    F = 2 * P * R / (P + R) if P + R else 0.0
    return F, P, R, per


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


def decompress(files, ids, tmp):
    """The benchmark's .html.gz pages as plain .html files in tmp (not timed)."""
    out = []
    for f, pid in zip(files, ids):
        dst = os.path.join(tmp, pid + ".html")
        with gzip.open(f, "rb") as src, open(dst, "wb") as fh:
            fh.write(src.read())
        out.append(dst)
    return out


def lectern_cmd(binary, inputs):
    return one_core([binary, "parse", "--format", "jsonl", "--jobs", "1", "--quiet"] + inputs)


def run_lectern(binary, inputs, ids):
    """One untimed run for the scores: pid -> body."""
    res = subprocess.run(lectern_cmd(binary, inputs), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if res.returncode not in (0, 1):
        sys.stderr.write(res.stderr.decode("utf-8", "replace"))
        sys.exit("lectern failed with status %d" % res.returncode)
    preds = {}
    by_path = {p: pid for p, pid in zip(inputs, ids)}
    for line in res.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        a = json.loads(line)
        src = a.get("source", "")
        pid = by_path.get(src) or os.path.basename(src).split(".")[0]
        preds[pid] = lectern_body(a)
    return preds


def best_time(cmd, runs):
    best = None
    for _ in range(runs):
        t0 = time.perf_counter()
        res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        dt = time.perf_counter() - t0
        if res.returncode not in (0, 1):
            sys.stderr.write(res.stderr.decode("utf-8", "replace"))
            sys.exit("lectern failed with status %d" % res.returncode)
        best = dt if best is None else min(best, dt)
    return best


def time_lectern(binary, inputs, tiny, repeat, runs):
    """Pages/s of `lectern parse --jobs 1` on one core, process start-up excluded.

    The page list is given `repeat` times in one call (so start-up is paid once
    for repeat*N pages); start-up itself is measured as a call on one tiny page
    and subtracted. Best of `runs` for both. Returns (pages/s, start-up s)."""
    startup = best_time(lectern_cmd(binary, [tiny]), runs)
    total = best_time(lectern_cmd(binary, inputs * repeat), runs)
    return len(inputs) * repeat / max(total - startup, 1e-9), startup


def run_trafilatura(python, inputs, ids, include_comments=True, runs=3):
    """Runs trafilatura.extract in a child pinned to one core on the same
    decompressed pages; returns bodies and pages/s. One pass per child process
    (trafilatura keeps caches between calls, so a second pass over the same
    pages in one process would flatter it), best of `runs` children; pages are
    read before the clock starts, interpreter start-up is not counted."""
    code = r'''
import json, sys, time
import trafilatura
INCLUDE_COMMENTS = %s
items = json.load(sys.stdin)
pages = []
for f, pid in items:
    with open(f, "rb") as fh:
        pages.append((pid, fh.read().decode("utf-8", "replace")))
out = {}
t0 = time.perf_counter()
for pid, html in pages:
    out[pid] = (trafilatura.extract(html) if INCLUDE_COMMENTS
                else trafilatura.extract(html, include_comments=False)) or ""
dt = time.perf_counter() - t0
json.dump({"bodies": out, "pps": len(pages) / dt}, sys.stdout)
''' % include_comments
    bodies, best = None, 0.0
    for _ in range(runs):
        res = subprocess.run(one_core([python, "-c", code]), input=json.dumps(list(zip(inputs, ids))).encode(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if res.returncode != 0:
            sys.stderr.write(res.stderr.decode("utf-8", "replace")[-3000:])
            sys.exit("trafilatura run failed")
        d = json.loads(res.stdout)
        if bodies is None:
            bodies = d["bodies"]
        best = max(best, d["pps"])
    return bodies, best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("--lectern", required=True)
    ap.add_argument("--trafilatura-python", default="")
    ap.add_argument("--repeat", type=int, default=5, help="pass the page list this many times per timed call")
    ap.add_argument("--runs", type=int, default=3, help="timed runs; the best counts")
    ap.add_argument("--gz", action="store_true", help="also time Lectern on the .html.gz pages")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages for Lectern")
    ap.add_argument("--save", default="", help="write Lectern's bodies to this JSON file")
    args = ap.parse_args()

    truth = json.load(open(os.path.join(args.bench, "ground-truth.json"), encoding="utf-8"))
    ids = sorted(truth)
    files = [os.path.join(args.bench, "html", pid + ".html.gz") for pid in ids]
    tmp = tempfile.mkdtemp(prefix="eval-html-")
    try:
        plain = decompress(files, ids, tmp)
        tiny = os.path.join(tmp, "tiny.html")
        with open(tiny, "w") as fh:
            fh.write("<html><body><p>x</p></body></html>\n")

        rows = []
        lp = run_lectern(args.lectern, plain, ids)
        lpps, startup = time_lectern(args.lectern, plain, tiny, args.repeat, args.runs)
        lf, lpr, lr, lper = summarize(truth, lp)
        rows.append(("lectern", lf, lpr, lr, lpps))
        gzpps = None
        if args.gz:
            gzpps, _ = time_lectern(args.lectern, files, tiny, args.repeat, args.runs)
        if args.save:
            json.dump(lp, open(args.save, "w"), ensure_ascii=False, indent=0)
        if args.trafilatura_python:
            # extract(html) with its defaults, and with include_comments=False (the
            # benchmark's truth has no comments; this is the README's 0.957 figure).
            for name, inc in (("trafilatura", True), ("trafilatura*", False)):
                tp_, tpps = run_trafilatura(args.trafilatura_python, plain, ids, inc, args.runs)
                tf, tpr, tr, tper = summarize(truth, tp_)
                rows.append((name, tf, tpr, tr, tpps))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("%d pages, %s" % (len(ids), args.bench))
    print("%-12s %7s %9s %7s %12s" % ("extractor", "F1", "precision", "recall", "pages/s(1cpu)"))
    for name, f, p, r, pps in rows:
        print("%-12s %7.3f %9.3f %7.3f %12.1f" % (name, f, p, r, pps))
    if args.trafilatura_python:
        print("trafilatura* = extract(html, include_comments=False)")
    print("timing: all on the same decompressed pages, pinned to core 0, best of %d; lectern = "
          "`lectern parse --jobs 1 --quiet` with the list given %d times in one call (reading files, "
          "writing JSON to /dev/null), minus its start-up (%.1f ms, measured on one tiny page); "
          "trafilatura = extract() on pages in memory, one pass per process" % (args.runs, args.repeat, startup * 1000))
    if gzpps is not None:
        print("lectern on the .html.gz pages (gunzip included): %.1f pages/s" % gzpps)
    for name, f, p, r, pps in rows[1:]:
        print("ratio lectern/%s pages/s: %.1fx" % (name, lpps / pps))
    if args.worst:
        print("\nworst pages for lectern (by min(P,R)):")
        for pid, (p, r) in sorted(lper.items(), key=lambda kv: min(kv[1]))[:args.worst]:
            print("  P %.2f R %.2f  %s  %s" % (p, r, pid[:16], truth[pid]["url"][:90]))


if __name__ == "__main__":
    main()
