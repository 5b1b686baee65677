"""The Spark path against one machine (run by scripts/test-spark).

Spark local[2,2] (two cores, two attempts per task) over a corpus of text,
HTML (and WARC, once Lectern reads it) with a bad input in it, cut into at
least five tasks of several chunks each: every example (with its golden file's
arguments) and every merge-torture script that merges right gives the bytes
and exit status of one `lectern run`; a task that fails once is retried with
the same output; a failing article is reported by path and script line; a task
that fails on every attempt is reported with lectern's message.
"""
import glob
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import spark_run as sr  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
os.chdir(ROOT)
LECTERN = os.environ.get("LECTERN", ".build/debug/lectern")
CHUNKS = ["--chunk-size", "16"]   # 81 articles: 6 chunks in one run, several per task
passed, failed = 0, 0


def ok(cond, name, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print("ok   " + name)
    else:
        failed += 1
        print("FAIL " + name + ("\n     " + detail.replace("\n", "\n     ") if detail else ""))


def golden_cases():
    """(script, run args, format args) of each row of examples/expected/README.md."""
    cases = []
    for line in open("examples/expected/README.md", encoding="utf-8"):
        if not line.startswith("| `"):
            continue
        words = line.split("|")[3].strip().strip("`").split()   # lectern run SCRIPT PATH options...
        run, fmt = [], []
        for k, v in zip(words[4::2], words[5::2]):
            (fmt if k == "--format" else run).extend([k, v])
        cases.append((words[2], run, fmt))
    return cases


def torture_scripts():
    """The merge-torture scripts that merge right, saved by the XCTest suite."""
    found = sorted(glob.glob(".build/merge-torture/*.lua"))
    if not found:
        print("==> swift test --filter MergeTortureTests (saves the scripts)", file=sys.stderr)
        subprocess.run(["swift", "test", "--filter", "MergeTortureTests"], stdout=subprocess.DEVNULL, check=False)
        found = sorted(glob.glob(".build/merge-torture/*.lua"))
    return found


def warc_files(tmp):
    """WARC files made with warcio from examples/pages, and one with a broken
    record, when this lectern reads WARC (`lectern inputs` lists them)."""
    d = os.path.join(tmp, "warc")
    os.makedirs(d)
    probe = os.path.join(d, "probe.warc.gz")
    open(probe, "wb").close()
    listed = subprocess.run([LECTERN, "inputs", d], capture_output=True, text=True).stdout
    os.remove(probe)
    if "probe.warc.gz" not in listed:
        return None
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "warcio==1.7.5"], check=True, stdout=subprocess.DEVNULL)
    from io import BytesIO
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    import gzip
    zyte = os.path.join(ROOT, "..", "shared", "bench", "zyte-dev", "html")
    pages = sorted(glob.glob("examples/pages/*.html")) + sorted(glob.glob(os.path.join(zyte, "*.html.gz")))[:6]
    for n, name in enumerate(["a.warc.gz", "b.warc.gz"]):
        with open(os.path.join(d, name), "wb") as f:
            w = WARCWriter(f, gzip=True)
            for i, p in enumerate(pages[n::2]):
                body = (gzip.open if p.endswith(".gz") else open)(p, "rb").read()
                http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record("https://example.com/%d/%d" % (n, i), "response",
                                                    payload=BytesIO(body), http_headers=http))
    good = open(os.path.join(d, "a.warc.gz"), "rb").read()
    with open(os.path.join(d, "c-broken.warc.gz"), "wb") as f:
        f.write(good[: len(good) // 2] + b"\x00not gzip\x00" + good[len(good) // 2:])
    return d


def main():
    tmp = tempfile.mkdtemp(prefix="lectern-spark-test-")
    gen = os.path.join(tmp, "gen")
    subprocess.run([sys.executable, "scripts/gen-corpus", "60", gen], check=True, stdout=subprocess.DEVNULL)
    bad = os.path.join(tmp, "bad")
    os.makedirs(bad)
    with open(os.path.join(bad, "zz_binary.txt"), "wb") as f:
        f.write(b"\x00\x01\x02 not an article \x00")
    inputs = [gen, "Tests/ArticleParserTests/Fixtures/layouts", "examples/pages", bad]
    warc = warc_files(tmp)
    if warc:
        inputs.append(warc)
    else:
        print("note: this lectern reads no WARC files; the corpus is text and HTML only")
    # Tasks: consecutive runs of files, cut by count or bytes; an archive is a task of its own.
    cut = sr.make_tasks([("a.txt", 10), ("b.txt", 10), ("c.warc.gz", 9), ("d.html", 50), ("e.txt", 1), ("f.WET", 1),
                         ("g.txt", 1)], 2, 40)
    ok(cut == [["a.txt", "b.txt"], ["c.warc.gz"], ["d.html"], ["e.txt"], ["f.WET"], ["g.txt"]], "tasks are cut in order", repr(cut))
    files = sr.list_inputs(LECTERN, inputs)
    tasks = sr.make_tasks(files, 20, 1 << 40)
    ok(len(tasks) >= 5, "the corpus is cut into %d tasks" % len(tasks))
    sc = sr.spark_context("local[2,2]", "lectern-test", progress=False)

    def compare(name, script, run, fmt, fail_once=None, expect_err=()):
        one = subprocess.run([LECTERN, "run", script, *inputs, *run, *fmt, *CHUNKS], capture_output=True)
        parts = sr.run_parts(sc, LECTERN, [script], tasks, run + CHUNKS, fail_once)
        status, out, err = merge(script, parts, fmt)
        same = out == one.stdout and status == one.returncode and one.stdout != b""
        ok(same, name, "exit %d against %d; %d against %d bytes\n%s" % (status, one.returncode, len(out), len(one.stdout), err[-2000:]))
        for e in expect_err:
            ok(e in err, "%s: reported %r" % (name, e), err[-2000:])

    def merge(script, parts, fmt):
        r = merge_run(script, parts, fmt)
        return r.returncode, r.stdout, r.stderr.decode("utf-8", "replace")

    def merge_run(script, parts, fmt):
        work = tempfile.mkdtemp(dir=tmp)
        paths = []
        for i, data in enumerate(parts):
            paths.append(os.path.join(work, "%03d.part" % i))
            open(paths[-1], "wb").write(data)
        return subprocess.run([LECTERN, "merge", script, *paths, *fmt], capture_output=True)

    try:
        for script, run, fmt in golden_cases():
            compare("example " + " ".join([script] + run + fmt), script, run, fmt,
                    expect_err=("zz_binary.txt: binary file",))
        tortures = torture_scripts()
        ok(len(tortures) >= 15, "%d merge-torture scripts found" % len(tortures))
        for t in tortures:
            compare("merge torture " + os.path.basename(t), t, [], [])
        compare("task 1 fails on its first attempt, is retried, same output", "examples/word_frequency.lua", [],
                ["--format", "table"], fail_once=1)
        failing = os.path.join(tmp, "failing.lua")
        open(failing, "w").write('function article(a)\n  if a.source:find("blog_02") then error("no blogs here") end\n'
                                 '  state.n = (state.n or 0) + 1\nend\nfunction finish() emit { n = state.n } end\n')
        compare("a failing article", failing, [], [], expect_err=("blog_02.txt", "failing.lua:2: no blogs here"))
        broken = os.path.join(tmp, "broken.lua")
        open(broken, "w").write('function setup() error("cannot start") end\n')
        try:
            sr.run_parts(sc, LECTERN, [broken], tasks, [])
            ok(False, "a task failing on every attempt fails the job")
        except Exception as e:
            msg = sr.task_error(e)
            ok("broken.lua:1: cannot start" in msg, "a task failing on every attempt is reported with lectern's message", msg)
    finally:
        sc.stop()

    # The command itself, end to end: its own Spark session, --output, exit status.
    out = os.path.join(tmp, "overview.txt")
    r = subprocess.run(["scripts/spark-run", "examples/overview.lua", *inputs, "--master", "local[2,2]",
                        "--files-per-task", "25", "--format", "table", "--output", out, "--", *CHUNKS],
                       capture_output=True, env=dict(os.environ, LECTERN=LECTERN))
    one = subprocess.run([LECTERN, "run", "examples/overview.lua", *inputs, "--format", "table", *CHUNKS], capture_output=True)
    err = r.stderr.decode("utf-8", "replace")
    ok(r.returncode == 1 and os.path.exists(out) and open(out, "rb").read() == one.stdout,
       "scripts/spark-run --output gives one run's file and exit status 1 (a bad input)", err[-2000:])
    ok("zz_binary.txt: binary file (not text or HTML); skipped" in err, "scripts/spark-run reports the bad input", err[-2000:])
    r = subprocess.run(["scripts/spark-run", broken, "examples/pages", "--master", "local[1,2]"], capture_output=True,
                       env=dict(os.environ, LECTERN=LECTERN))
    err = r.stderr.decode("utf-8", "replace")
    ok(r.returncode == 2 and "broken.lua:1: cannot start" in err and "failed on every attempt" in err,
       "scripts/spark-run: a task that always fails exits 2 with lectern's message", err[-2000:])
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
