"""Recomputes two golden files of the examples from `lectern parse` output
with uniseg words instead of text.words: word_frequency.txt and ngrams.txt
(seeds/). Only the stopword set comes from Lectern (argv[1], one per line); the
normalisation is re-implemented here from docs/SCRIPTING.md.
Usage: lectern parse seeds/ | python check_examples.py STOPWORDS ROOT
"""
import json
import re
import sys
import unicodedata
from collections import Counter

from uniseg.wordbreak import words as uniseg_words

APOSTROPHES = dict.fromkeys(map(ord, "\u2018\u2019\u02bc\uff07"), "'")
DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"), "-")


def normalize(s):
    s = unicodedata.normalize("NFC", s).translate(APOSTROPHES).translate(DASHES)
    s = re.sub("[\u00ad\u200b\ufeff]", "", s)
    return re.sub(r"\s+", lambda m: "\n\n" if m.group().count("\n") > 1 else ("\n" if "\n" in m.group() else " "), s).strip()


def words(s, numbers=True):
    out = [w for w in uniseg_words(s) if any(c.isalnum() for c in w)]
    return out if numbers else [w for w in out if any(c.isalpha() for c in w)]


def top(counter, n):
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def golden(path):
    rows = []
    for line in open(path, encoding="utf-8").read().splitlines()[2:]:
        f = line.split()
        rows.append((" ".join(f[1:-1]), int(f[-1])))
    return rows


def main():
    stop = set(open(sys.argv[1], encoding="utf-8").read().split("\n"))
    root = sys.argv[2]
    paragraphs = [p["text"] for line in sys.stdin for s in json.loads(line)["sections"] for p in s["paragraphs"]]
    freq, grams = Counter(), Counter()
    for p in paragraphs:
        freq.update(w for w in words(normalize(p).lower(), numbers=False) if w not in stop)
        ws = words(normalize(p).lower())
        for i in range(len(ws) - 1):
            if ws[i] not in stop and ws[i + 1] not in stop:
                grams[ws[i] + " " + ws[i + 1]] += 1
    ok = True
    for name, mine in (("word_frequency", top(freq, 20)), ("ngrams", [g for g in top(grams, 20) if g[1] >= 2])):
        gold = golden("%s/examples/expected/%s.txt" % (root, name))
        same = gold == mine
        ok = ok and same
        print("check-tokens: examples/expected/%s.txt %s the uniseg recount (%d rows)"
              % (name, "matches" if same else "DIFFERS from", len(gold)))
        if not same:
            print("  golden: %s\n  uniseg: %s" % (gold, mine))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
