#!/usr/bin/env python3
"""Score Lectern's HTML reader on trafilatura's own evaluation pages, side by side with
trafilatura and Resiliparse: a third, much wider set of real pages (990 pages from some
hundreds of sites, many languages) than the two dev sets, to see whether the extractor
learnt shapes or pages.

Each page comes with short text snippets that must be in the extracted body ("with") and
snippets that must not ("without": menus, dates, footers, teasers). Scored as trafilatura's
tests/eval_common.py does: whitespace-normalised substring matching (soft hyphens, which
are invisible and which 9 annotations keep, are removed on both sides); tp = "with" snippets
found, fn = not found, fp = "without" snippets found, tn = not found; precision, recall and
F1 over the summed counts. Lectern's body is the same as in scripts/eval_html.py (section
headings and paragraphs; title, byline, captions and boilerplate are not body).

Pages are split like the dev sets: held out = sha1(page URL) % 3 == 0; --worst lists tuning
pages only. trafilatura was developed on these pages (they are its own benchmark), so its
score here flatters it; Lectern and Resiliparse never saw them before.
Used by scripts/eval-snippets; run that rather than this file.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import eval_html as E  # noqa: E402


def norm(text):
    """White space normalised (as trafilatura's eval_common does) and soft
    hyphens (U+00AD, invisible) removed, on both sides: 9 annotations keep
    them, and a tool that drops them would otherwise miss those snippets."""
    return re.sub(r"\s+", " ", (text or "").replace("\u00ad", "")).strip()


def held_out(url):
    return int(hashlib.sha1(url.encode("utf-8")).hexdigest(), 16) % 3 == 0


def counts(item, body):
    b = norm(body)
    tp = sum(1 for w in item["with"] if norm(w) in b)
    fp = sum(1 for w in item["without"] if norm(w) in b)
    return tp, fp, len(item["with"]) - tp, len(item["without"]) - fp


def scores(c):
    tp, fp, fn, tn = c
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return f, p, r


def field_counts(data, preds, urls):
    """title, author, date right (as scripts/eval_html.py judges them) over the pages whose
    truth has the field; how often a value is given where the truth has none; and how
    often a wrong value is given where it has one (a silent wrong answer, not a gap)."""
    # [right, pages with the field, given where the truth has none, pages without it,
    #  given but wrong where the truth has it]
    out = {"title": [0, 0, 0, 0, 0], "author": [0, 0, 0, 0, 0], "date": [0, 0, 0, 0, 0]}
    for u in urls:
        gt, pr = data[u], preds.get(u) or {}
        if "title" not in gt:
            continue
        for f, ok in (("title", E.title_right), ("author", E.author_right), ("date", E.date_right)):
            t = gt.get(f) or ""
            if isinstance(t, list):
                t = " ".join(t)
            if t:
                out[f][1] += 1
                right = bool(ok(t, pr.get(f)))
                out[f][0] += right
                out[f][4] += bool(pr.get(f)) and not right
            else:
                out[f][3] += 1
                out[f][2] += bool(pr.get(f))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True,
                    help="trafilatura's tests/ folder (evaldata.json, eval/, cache/)")
    ap.add_argument("--lectern", required=True)
    ap.add_argument("--python", default="", help="a Python with trafilatura and resiliparse")
    ap.add_argument("--worst", type=int, default=0,
                    help="list N tuning pages where Lectern misses a 'with' or keeps a 'without' snippet")
    ap.add_argument("--tuning-only", action="store_true", help="score the tuning part only")
    ap.add_argument("--save", default="", help="write Lectern's bodies (tuning pages) to this JSON file")
    ap.add_argument("--strip-attrs", action="store_true",
                    help="remove class, id, role and itemprop attributes from every page first (all tools)")
    args = ap.parse_args()

    data = json.load(open(os.path.join(args.corpus, "evaldata.json"), encoding="utf-8"))
    urls = sorted(u for u in data if not (args.tuning_only and held_out(u)))
    tmp = tempfile.mkdtemp(prefix="eval-snippets-")
    try:
        inputs = []
        for k, u in enumerate(urls):
            src = None
            for sub in ("eval", "cache"):
                p = os.path.join(args.corpus, sub, data[u]["file"])
                if os.path.exists(p):
                    src = p
                    break
            if src is None:
                sys.exit("eval-snippets: no page file for %s (%s)" % (u, data[u]["file"]))
            dst = os.path.join(tmp, "p%04d.html" % k)
            if args.strip_attrs:
                with open(src, "rb") as fh, open(dst, "wb") as out:
                    out.write(E.strip_naming_attrs(fh.read()))
            else:
                shutil.copyfile(src, dst)
            inputs.append(dst)
        tools = ["lectern"] + (["trafilatura", "resiliparse"] if args.python else [])
        parts = [("tuning", [u for u in urls if not held_out(u)])]
        if not args.tuning_only:
            parts += [("held-out", [u for u in urls if held_out(u)]), ("all", urls)]
        rows, per = [], {}
        for tool in tools:
            if tool == "lectern":
                preds, _ = E.run_lectern(args.lectern, inputs, urls, 1)
            else:
                preds, _ = E.run_python_tool(args.python, tool, inputs, urls, 1)
            per[tool] = {u: counts(data[u], (preds.get(u) or {}).get("body", "")) for u in urls}
            for part, us in parts:
                tot = [sum(per[tool][u][i] for u in us) for i in range(4)]
                rows.append((part, len(us), tool, scores(tot), tot,
                             None if tool == "resiliparse" else field_counts(data, preds, us)))
        print("%-9s %5s %-12s %6s %6s %6s %8s %8s %8s   %s" % ("part", "pages", "extractor", "F1", "P", "R",
                                                            "title", "author", "date", "tp/fp/fn/tn"))
        for part, n, tool, (f, p, r), tot, fl in sorted(rows, key=lambda x: [q for q, _ in parts].index(x[0])):
            cells = ["%d/%d" % tuple(fl[k][:2]) if fl else "-" for k in ("title", "author", "date")]
            print("%-9s %5d %-12s %6.3f %6.3f %6.3f %8s %8s %8s   %s" % (part, n, tool, f, p, r, *cells,
                                                                     "/".join(map(str, tot))))
        for part, n, tool, _, _, fl in rows:
            if part == parts[-1][0] and fl:
                print("%s (%s): an author given on %d of the %d pages whose truth has none; a date on %d of %d"
                      % (tool, part, fl["author"][2], fl["author"][3], fl["date"][2], fl["date"][3]))
        if not args.tuning_only:
            def f_of(cs):
                return scores([sum(c[i] for c in cs) for i in range(4)])[0]
            tun, held = parts[0][1], parts[1][1]
            for tool in tools:
                c = per[tool]
                lo, hi = E.bootstrap(lambda a, b: f_of(b) - f_of(a), [[c[u] for u in tun], [c[u] for u in held]])
                print("%s held-out - tuning F1 gap %+.4f (95%% bootstrap interval over pages %+.3f .. %+.3f)"
                      % (tool, f_of([c[u] for u in held]) - f_of([c[u] for u in tun]), lo, hi))
            if "trafilatura" in per:
                pairs = [(per["lectern"][u], per["trafilatura"][u]) for u in held]
                lo, hi = E.bootstrap(lambda ps: f_of([a for a, _ in ps]) - f_of([b for _, b in ps]), [pairs])
                print("held-out, lectern - trafilatura F1 %+.4f (95%% bootstrap interval over pages, paired, %+.3f .. %+.3f)"
                      % (f_of([a for a, _ in pairs]) - f_of([b for _, b in pairs]), lo, hi))
        if args.strip_attrs:
            print("--strip-attrs: every page read without its class, id, role and itemprop attributes, by all tools")
        print("held-out = sha1(page URL) % 3 == 0; snippets matched as trafilatura's tests/eval_common.py "
              "does (whitespace-normalised substrings; soft hyphens removed on both sides); trafilatura = bare_extraction(html, with_metadata=True, "
              "include_comments=False).text, developed on these pages; resiliparse = extract_plain_text(html, "
              "main_content=True)")
        if args.worst:
            bad = [u for u in urls if not held_out(u) and (per["lectern"][u][1] or per["lectern"][u][2])]
            bad.sort(key=lambda u: -(per["lectern"][u][1] + per["lectern"][u][2]))
            print("tuning pages where lectern misses a 'with' (fn) or keeps a 'without' (fp): %d" % len(bad))
            for u in bad[:args.worst]:
                tp, fp, fn, tn = per["lectern"][u]
                print("  fn %d fp %d  %s  (%s)" % (fn, fp, data[u]["file"], u[:90]))
        if args.save:
            json.dump({data[u]["file"]: {"url": u, "counts": per["lectern"][u]} for u in urls if not held_out(u)},
                      open(args.save, "w"), ensure_ascii=False, indent=0)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
