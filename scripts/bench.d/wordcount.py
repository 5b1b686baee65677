# The same counting loop in Python over the raw files; file names on standard input.
import re
import sys

words = re.compile(r"[A-Za-z]+")
c = {}
for line in sys.stdin:
    with open(line.rstrip("\n"), encoding="utf-8", errors="replace") as f:
        for m in words.finditer(f.read()):
            w = m.group().lower()
            c[w] = c.get(w, 0) + 1
print(len(c), sum(c.values()), sep="\t")
