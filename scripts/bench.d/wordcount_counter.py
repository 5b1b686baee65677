# The idiomatic Python count (collections.Counter over re.findall): its C loops
# do the counting, so this is the fastest Python an analyst would write.
import re
import sys
from collections import Counter

words = re.compile(r"[A-Za-z]+")
c = Counter()
for line in sys.stdin:
    with open(line.rstrip("\n"), encoding="utf-8", errors="replace") as f:
        c.update(w.lower() for w in words.findall(f.read()))
print(len(c), sum(c.values()), sep="\t")
