"""Compares text.words with uniseg (a separate Python implementation of UAX #29
word boundaries) on the JSON Lines that dump.lua writes to standard input.

A uniseg segment is a word when it holds a letter or a digit (str.isalnum),
which is what text.words keeps by default. Prints a summary and the first
differences; exits 1 when there is any.
"""
import json
import sys

from uniseg.wordbreak import words as uniseg_words


def reference(text):
    return [w for w in uniseg_words(text) if any(ch.isalnum() for ch in w)]


def main():
    texts = tokens = 0
    diffs = []
    sources = set()
    for line in sys.stdin:
        rec = json.loads(line)
        ours = rec["words"].split("\x1f") if rec["words"] else []
        theirs = reference(rec["text"])
        texts += 1
        tokens += len(theirs)
        sources.add(rec["source"])
        if ours != theirs:
            extra = [w for w in ours if w not in theirs][:5]
            missing = [w for w in theirs if w not in ours][:5]
            diffs.append("%s: text.words only %s, uniseg only %s" % (rec["source"], extra, missing))
    print("check-tokens: %d articles, %d texts, %d tokens; %d texts differ" % (len(sources), texts, tokens, len(diffs)))
    for d in diffs[:20]:
        print("  " + d)
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main())
