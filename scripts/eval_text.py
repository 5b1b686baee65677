#!/usr/bin/env python3
"""Score Lectern's text reader on the benchmark's pages rendered to text.

Each page of the benchmark (html/<id>.html.gz) is rendered the way scrapers
save text: inscriptis (innerText-like, with list bullets, as a browser copy
looks), the same with the bullets removed, the same with blank lines and
leading indentation removed (as Common Crawl WET looks), and html2text
(Markdown, as LLM-era scrapers save). On each rendering three bodies are
scored with the benchmark's metric (scripts/eval_html.py): `lectern parse`,
jusText (each line one paragraph), and the whole page kept as body. The pages
of both sets (zyte-dev, and readability-dev with --unseen) are split by a hash
of their id into a tuning part and a held-out part (about 1/3), with the same
function as scripts/eval_html.py, so the HTML and text splits agree; each part
is scored separately. With --snippets DIR it scores trafilatura's evaluation
pages instead (DIR = its tests/ folder), in the same four forms, with
scripts/eval_snippets.py's snippet method and split. Run scripts/eval-text,
not this file.
"""
import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_html  # noqa: E402  (the benchmark's scoring, shared)
import eval_snippets  # noqa: E402  (trafilatura's snippet scoring and split, shared)

# inscriptis's bullets: "* " at the first level, then "+ ", "o ", "- " (indented
# under their parent item); a browser copy of the page has none of them.
BULLET = re.compile(r"^(\s*)\* |^(\s+)[+o-] (?=\S)", re.M)


# About a third of the pages (sha1(id) % 3 == 0), never tuned on: eval_html's split.
held_out = eval_html.held_out


def renderings():
    import html2text
    import inscriptis

    def md(html):
        h = html2text.HTML2Text()
        h.body_width = 0  # one paragraph a line, as Markdown scrapers save it
        return h.handle(html)

    def bullets(html):
        return inscriptis.get_text(html)

    def plain(html):
        return BULLET.sub(lambda m: m.group(1) if m.group(1) is not None else m.group(2), inscriptis.get_text(html))

    def wet(html):
        # Common Crawl WET style: no blank lines, no leading indentation.
        return "".join(l.strip() + "\n" for l in inscriptis.get_text(html).splitlines() if l.strip())

    return [("inscriptis", "txt", bullets), ("inscriptis-nobullets", "txt", plain), ("wet", "txt", wet),
            ("html2text", "md", md)]


def justext_bodies(pages):
    """jusText on each rendering, one paragraph a line; returns bodies, pages/s."""
    import justext
    stop = justext.get_stoplist("English")
    out = {}
    docs = []
    for pid, text in pages:
        html = "<html><body>" + "".join("<p>%s</p>" % esc(l.strip()) for l in text.splitlines() if l.strip()) + "</body></html>"
        docs.append((pid, html.encode("utf-8")))
    t0 = time.perf_counter()
    for pid, html in docs:
        ps = justext.justext(html, stop)
        out[pid] = "\n\n".join(p.text for p in ps if not p.is_boilerplate)
    return out, len(docs) / (time.perf_counter() - t0)


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def summarize(truth, bodies):
    """Body F1, precision, recall and per-page (P, R) with the benchmark's scoring."""
    s = eval_html.score(truth, {pid: {"body": b} for pid, b in bodies.items()}, list(truth))
    return s["F"], s["P"], s["R"], s["per"]


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
    and subtracted. Best of `runs` for both."""
    startup = best_time(eval_html.lectern_cmd(binary, [tiny]), runs)
    total = best_time(eval_html.lectern_cmd(binary, inputs * repeat), runs)
    return len(inputs) * repeat / max(total - startup, 1e-9)


def load_set(bench):
    """Truth and pages of one benchmark set, with eval_html's repair of
    readability-dev's mojibake truth bodies."""
    truth = json.load(open(os.path.join(bench, "ground-truth.json"), encoding="utf-8"))
    for gt in truth.values():
        gt["articleBody"] = eval_html.unmojibake(gt["articleBody"])
    html = {}
    for pid in sorted(truth):
        with gzip.open(os.path.join(bench, "html", pid + ".html.gz"), "rb") as fh:
            html[pid] = fh.read().decode("utf-8", "replace")
    return truth, html


def load_snippets(folder):
    """trafilatura's evaluation pages: (evaldata, {url: html}, replaced, {url: path}).
    Each page's bytes are read as UTF-8 with replacement for the renderers (as
    eval_snippets' trafilatura runs read them); `replaced` is the number of pages
    where that replaced bytes. The HTML reader gets the page file itself."""
    data = json.load(open(os.path.join(folder, "evaldata.json"), encoding="utf-8"))
    html, replaced, files = {}, 0, {}
    for u in sorted(data):
        for sub in ("eval", "cache"):
            f = os.path.join(folder, sub, data[u]["file"])
            if os.path.exists(f):
                break
        else:
            sys.exit("eval-text: no page file for %s (%s)" % (u, data[u]["file"]))
        with open(f, "rb") as fh:
            html[u] = fh.read().decode("utf-8", "replace")
        replaced += "\ufffd" in html[u]
        files[u] = f
    return data, html, replaced, files


def render_safe(render, html):
    try:
        return render(html), False
    except Exception:  # a renderer failing on a page is an empty dump, counted
        return "", True


def fields_line(reader, part, fc):
    """One line of field counts (eval_snippets.field_counts) for a reader or rendering."""
    return ("%-22s %-9s title %s  author %s  date %s  (given where none: author %d/%d, date %d/%d; "
            "given wrong: title %d, author %d, date %d)") % (
        reader, part, "%d/%d" % tuple(fc["title"][:2]), "%d/%d" % tuple(fc["author"][:2]),
        "%d/%d" % tuple(fc["date"][:2]), fc["author"][2], fc["author"][3], fc["date"][2], fc["date"][3],
        fc["title"][4], fc["author"][4], fc["date"][4])


def snippets_main(args):
    """Per rendering: Lectern, jusText and the whole page scored with trafilatura's
    snippets (eval_snippets.counts), tuning and held-out parts (eval_snippets.held_out)."""
    data, html, replaced, files = load_snippets(args.snippets)
    urls = sorted(data)
    tuning = [u for u in urls if not eval_snippets.held_out(u)]
    parts = [("tuning", tuning)]
    if not args.tuning_only:
        parts.append(("held-out", [u for u in urls if eval_snippets.held_out(u)]))
    print("%s: %d pages, tuning %d, held-out %d (sha1(URL) %% 3 == 0); bytes read as UTF-8 with "
          "replacement (%d pages had bytes that are no UTF-8)" % (
              args.snippets, len(urls), len(tuning), len(urls) - len(tuning), replaced))
    pages = [u for u in urls if any(u in us for _, us in parts)]
    only = set(filter(None, args.only.split(",")))
    tmp = tempfile.mkdtemp(prefix="eval-text-snippets-")
    keep_counts = {}
    try:
        # The HTML reader's fields on the same pages: what the text reader's are measured
        # against. It reads the page files as they are (as scripts/eval-snippets does),
        # not the UTF-8-with-replacement text the renderers get.
        hd = os.path.join(tmp, "html")
        os.makedirs(hd)
        hpaths = []
        for k, u in enumerate(pages):
            f = os.path.join(hd, "p%04d.html" % k)
            shutil.copyfile(files[u], f)
            hpaths.append(f)
        hpreds, _ = eval_html.run_lectern(args.lectern, hpaths, pages, 1)
        fields_lines = [fields_line("html reader", pname, eval_snippets.field_counts(data, hpreds, us))
                        for pname, us in parts]
        for name, ext, render in renderings():
            if only and name not in only:
                continue
            d = os.path.join(tmp, name)
            os.makedirs(d)
            texts, inputs, failed = {}, [], 0
            for k, u in enumerate(pages):
                texts[u], bad = render_safe(render, html[u])
                failed += bad
                f = os.path.join(d, "p%04d.%s" % (k, ext))
                with open(f, "w", encoding="utf-8") as fh:
                    fh.write(texts[u])
                inputs.append(f)
                if args.keep and not eval_snippets.held_out(u):
                    kd = os.path.join(args.keep, "snippets", name)
                    os.makedirs(kd, exist_ok=True)
                    shutil.copy(f, os.path.join(kd, data[u]["file"].rsplit(".", 1)[0] + "." + ext))
            preds, _ = eval_html.run_lectern(args.lectern, inputs, pages, 1)
            jt, _ = justext_bodies([(u, texts[u]) for u in pages])
            bodies = {"lectern": {u: (preds.get(u) or {}).get("body", "") for u in pages}, "justext": jt,
                      "whole-page": texts}
            print("\n%s (%s)%s" % (name, "Markdown" if ext == "md" else "plain text",
                                    "; %d pages failed to render (empty)" % failed if failed else ""))
            print("%-17s %-11s %6s %6s %6s   %s" % ("part", "extractor", "F1", "P", "R", "tp/fp/fn/tn"))
            per = {}
            for pname, us in parts:
                for ename, b in bodies.items():
                    per[ename] = {u: eval_snippets.counts(data[u], b.get(u, "")) for u in pages}
                    tot = [sum(per[ename][u][i] for u in us) for i in range(4)]
                    f, p, r = eval_snippets.scores(tot)
                    print("%-17s %-11s %6.3f %6.3f %6.3f   %s" % (
                        "snippets " + pname, ename, f, p, r, "/".join(map(str, tot))))
            for pname, us in parts:
                fields_lines.append(fields_line(name, pname, eval_snippets.field_counts(data, preds, us)))
            keep_counts[name] = {data[u]["file"]: per["lectern"][u] for u in tuning}
            if args.worst:
                bad = [u for u in tuning if per["lectern"][u][1] or per["lectern"][u][2]]
                bad.sort(key=lambda u: -(per["lectern"][u][1] + per["lectern"][u][2]))
                print("  tuning pages where lectern misses a 'with' (fn) or keeps a 'without' (fp): %d" % len(bad))
                for u in bad[:args.worst]:
                    tp, fp, fn, tn = per["lectern"][u]
                    print("  fn %d fp %d  %s" % (fn, fp, data[u]["file"]))
        print("\nfields: title, author, date right (as scripts/eval_snippets.py counts them; over the pages whose "
              "truth has the field), given where the truth has none, and given wrong where it has one "
              "(a silent wrong answer; no value is a gap, not a wrong answer)")
        for line in fields_lines:
            print(line)
        if args.keep:
            with open(os.path.join(args.keep, "snippets", "per-page.json"), "w") as fh:
                json.dump(keep_counts, fh, indent=0)
        print("\nsnippets scored as scripts/eval_snippets.py (trafilatura's tests/eval_common.py): "
              "whitespace-normalised substrings of the body, soft hyphens removed on both sides; P, R, F1 over the summed counts")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True, help="the tuning set (tuning and held-out parts by hash)")
    ap.add_argument("--unseen", default="", help="a second set, split the same way")
    ap.add_argument("--lectern", required=True)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--runs", type=int, default=3, help="timed runs, best counts (0: no timing)")
    ap.add_argument("--keep", default="", help="write the renderings (tuning parts only) into DIR/<set>/<rendering>")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst tuning pages of each set per rendering")
    ap.add_argument("--only", default="", help="score just these renderings (comma-separated)")
    ap.add_argument("--tuning-only", action="store_true", help="score the tuning part only (while developing)")
    ap.add_argument("--snippets", default="",
                    help="trafilatura's tests/ folder: score its evaluation pages with their snippets instead")
    args = ap.parse_args()
    if args.snippets:
        return snippets_main(args)

    # (set label, truth, the set's pages, parts): each set is rendered and timed as a whole.
    sets = []
    for bench in filter(None, [args.bench, args.unseen]):
        truth, html = load_set(bench)
        ids = sorted(truth)
        parts = [("tuning", {p: truth[p] for p in ids if not held_out(p)})]
        if not args.tuning_only:
            parts.append(("held-out", {p: truth[p] for p in ids if held_out(p)}))
        name = os.path.basename(os.path.normpath(bench)).replace("-dev", "")
        sets.append((name, truth, html, parts))
        print("%s: %d pages, tuning %d, held-out %d (sha1(id) %% 3 == 0)" % (
            bench, len(ids), len(parts[0][1]), len(ids) - len(parts[0][1])))
    tmp = tempfile.mkdtemp(prefix="eval-text-")
    only = set(filter(None, args.only.split(",")))
    try:
        tiny = os.path.join(tmp, "tiny.txt")
        with open(tiny, "w") as fh:
            fh.write("Title\n\nA sentence of text.\n")
        tuning_per, intervals = {}, []
        for name, ext, render in renderings():
            if only and name not in only:
                continue
            print("\n%s (%s)" % (name, "Markdown" if ext == "md" else "plain text"))
            print("%-26s %-11s %6s %6s %6s %8s" % ("set / part", "extractor", "F1", "P", "R", "pages/s"))
            for sname, st, sh, parts in sets:
                pids = sorted(set().union(*[set(pt) for _, pt in parts]))
                d = os.path.join(tmp, sname, name)
                os.makedirs(d)
                texts, inputs = {}, []
                for pid in pids:
                    texts[pid] = render(sh[pid])
                    f = os.path.join(d, pid + "." + ext)
                    with open(f, "w", encoding="utf-8") as fh:
                        fh.write(texts[pid])
                    inputs.append(f)
                    if args.keep and not held_out(pid):
                        os.makedirs(os.path.join(args.keep, sname, name), exist_ok=True)
                        shutil.copy(f, os.path.join(args.keep, sname, name))
                preds, _ = eval_html.run_lectern(args.lectern, inputs, pids, 1)
                lp = {pid: pr["body"] for pid, pr in preds.items()}
                lpps = time_lectern(args.lectern, inputs, tiny, args.repeat, args.runs) if args.runs else None
                jt, jpps = justext_bodies([(p, texts[p]) for p in pids])
                for pname, pt in parts:
                    for ename, bodies, pps in (("lectern", lp, lpps), ("justext", jt, jpps), ("whole-page", texts, None)):
                        f, p, r, per = summarize(pt, bodies)
                        if pname == "tuning" and ename == "lectern":
                            tuning_per[sname + "/" + name] = per
                        print("%-26s %-11s %6.3f %6.3f %6.3f %8s" % (
                            sname + " " + pname, ename, f, p, r, "%.0f" % pps if pps else "-"))
                        if pname == "held-out" and ename == "lectern":
                            lo, hi = eval_html.bootstrap(eval_html.f1_of_means, [list(per.values())])
                            intervals.append("%s held-out %s: lectern F1 %.3f, 95%% bootstrap interval over pages "
                                             "%.3f .. %.3f" % (sname, name, f, lo, hi))
            if args.worst:
                for sname, _, _, _ in sets:
                    print("  worst %s tuning pages:" % sname)
                    for pid, (p, r) in sorted(tuning_per[sname + "/" + name].items(), key=lambda kv: min(kv[1]))[:args.worst]:
                        print("  P %.2f R %.2f  %s" % (p, r, pid))
        if args.keep:
            with open(os.path.join(args.keep, "per-page.json"), "w") as fh:
                json.dump(tuning_per, fh, indent=0)
        for line in intervals:
            print(line)
        print("\npages/s: one core; lectern = `lectern parse --jobs 1 --quiet` on the set's rendered files "
              "(list given %d times, start-up subtracted, best of %d); justext = justext() in memory on the set's pages"
              % (args.repeat, args.runs))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
