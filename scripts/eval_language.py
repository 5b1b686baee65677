"""Measure `language` and `published_time` on HTML benchmark pages (see scripts/eval-language).

For each page: the language it declares (what `lectern parse` gives), and the
language the body detector gives on a copy of the page whose declarations are
removed. Pages that declare are the truth for the detector; it is reported as
correct, wrong or abstained (null)."""
import argparse, collections, datetime, gzip, json, os, re, subprocess, sys, tempfile

STRIP = [
    (re.compile(rb'(<html\b[^>]*?)\s(?:xml:)?lang\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+)', re.I), rb'\1'),
    (re.compile(rb'<meta\b[^>]*(?:og:locale|content-language|dc\.language|name\s*=\s*["\']?language)[^>]*>', re.I), b''),
    (re.compile(rb'"inLanguage"\s*:', re.I), b'"xLanguage":'),
]

def parse(lectern, paths):
    r = subprocess.run([lectern, "parse", "--jobs", "1", "--quiet", *paths], capture_output=True, check=False)
    return [json.loads(l) for l in r.stdout.decode().splitlines() if l.strip()]

def instant(s):
    """An ISO timestamp as (datetime, has offset), fractions of seconds dropped."""
    s = re.sub(r"\.\d+", "", s.replace(" ", "T")).replace("Z", "+00:00")
    s = re.sub(r"([+-]\d\d)(\d\d)$", r"\1:\2", s)
    d = datetime.datetime.fromisoformat(s)
    return d.replace(tzinfo=None) - (d.utcoffset() or datetime.timedelta(0)), d.tzinfo is not None

def times(name, truth, articles):
    """published_time against a ground truth's `publishedTime` (readability-dev)."""
    c = collections.Counter()
    for a in articles:
        t = truth.get(os.path.basename(a["source"])[:-5], {}).get("publishedTime")
        if not t:
            continue
        if "T" not in t and " " not in t:
            c["date only"] += 1
            c["date only, ours null" if a["published_time"] is None else "date only, ours has a time"] += 1
        elif a["published_time"] is None:
            c["missed"] += 1
        elif instant(a["published_time"]) == instant(t):
            c["same"] += 1
        else:
            c["different"] += 1
            print(f"  {name}: {a['source']}: published_time {a['published_time']}, truth {t}")
    if c:
        print(f"{name} published_time: {c['same']} same instant, {c['different']} different, {c['missed']} missed "
              f"of {c['same'] + c['different'] + c['missed']} with a time; {c['date only']} truths give a date only "
              f"({c['date only, ours null']} null here)")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lectern", required=True)
    ap.add_argument("--bench", action="append", required=True)
    ap.add_argument("--list", action="store_true", help="print every page")
    o = ap.parse_args()
    total = collections.Counter()
    with tempfile.TemporaryDirectory() as t:
        for bench in o.bench:
            name = os.path.basename(bench.rstrip("/"))
            orig, bare = os.path.join(t, name, "orig"), os.path.join(t, name, "bare")
            os.makedirs(orig); os.makedirs(bare)
            for f in sorted(os.listdir(os.path.join(bench, "html"))):
                data = gzip.open(os.path.join(bench, "html", f)).read()
                stem = f[:-3]
                open(os.path.join(orig, stem), "wb").write(data)
                for rx, rep in STRIP:
                    data = rx.sub(rep, data)
                open(os.path.join(bare, stem), "wb").write(data)
            a, b = parse(o.lectern, [orig]), parse(o.lectern, [bare])
            truth = json.load(open(os.path.join(bench, "ground-truth.json")))
            times(name, truth, a)
            c = collections.Counter()
            for x, y in zip(a, b):
                declared, detected = x["language"], y["language"]
                c["pages"] += 1
                if declared is None:
                    c["undeclared"] += 1
                    c["undeclared, detected" if detected else "undeclared, null"] += 1
                elif detected == declared:
                    c["correct"] += 1
                elif detected is None:
                    c["null"] += 1
                else:
                    c["wrong"] += 1
                if o.list or (declared and detected and detected != declared):
                    print(f"  {name}/{os.path.basename(x['source'])}: declared {declared}, detected {detected}")
            decl = c["correct"] + c["null"] + c["wrong"]
            print(f"{name}: {c['pages']} pages, {decl} declare a language; detector on those: "
                  f"{c['correct']} correct, {c['null']} null, {c['wrong']} wrong; "
                  f"{c['undeclared']} undeclared ({c['undeclared, detected']} detected)")
            total.update(c)
    decl = total["correct"] + total["null"] + total["wrong"]
    if len(o.bench) > 1 and decl:
        print(f"all: {decl} declaring pages: {total['correct']} correct ({100*total['correct']/decl:.1f}%), "
              f"{total['null']} null, {total['wrong']} wrong")

if __name__ == "__main__":
    main()
