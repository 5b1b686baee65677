"""Run a Lectern script over a corpus on Apache Spark (docs/SCALE.md).

The driver lists the inputs with `lectern inputs` (so the order and the
recognised files are Lectern's own), cuts them into consecutive tasks, runs
`lectern run --partial` in each task with the lectern binary shipped by
SparkContext.addFile, collects the parts and merges them in input order with
`lectern merge`. The output is byte for byte what one `lectern run` over the
same inputs writes. scripts/spark-run sets up Java and pyspark and calls main().
"""
import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile

# One WARC/WET file is one task: they hold thousands of records each.
ARCHIVE_ENDINGS = (".warc", ".warc.gz", ".wet", ".wet.gz")
# lectern options that merge takes as well as run (with a value, or a flag).
MERGE_TOO = {"--lua-path": True, "--timeout": True, "--memory": True, "--unsafe": False}


def list_inputs(lectern, inputs):
    """[(path, size)] in the order `lectern run` reads them."""
    r = subprocess.run([lectern, "inputs", "--sizes", *inputs], capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stderr)
        raise SystemExit(r.returncode or 2)
    out = []
    for line in r.stdout.splitlines():
        size, _, path = line.partition("\t")
        out.append((path, int(size)))
    return out


def make_tasks(files, files_per_task, bytes_per_task):
    """Consecutive runs of files; an archive file is a task of its own."""
    tasks, cur, cur_bytes = [], [], 0
    for path, size in files:
        if path.lower().endswith(ARCHIVE_ENDINGS):
            if cur:
                tasks.append(cur)
                cur, cur_bytes = [], 0
            tasks.append([path])
            continue
        cur.append(path)
        cur_bytes += size
        if len(cur) >= files_per_task or cur_bytes >= bytes_per_task:
            tasks.append(cur)
            cur, cur_bytes = [], 0
    if cur:
        tasks.append(cur)
    return tasks


def split_options(opts):
    """lectern options after `--`: (for run --partial, for merge too)."""
    merge, i = [], 0
    while i < len(opts):
        o = opts[i]
        name = o.split("=", 1)[0]
        if name in MERGE_TOO:
            takes_value = MERGE_TOO[name] and "=" not in o
            merge += opts[i:i + 2] if takes_value else [o]
            i += 2 if takes_value else 1
        else:
            i += 1
    return list(opts), merge


def task_runner(scripts, run_opts, fail_once):
    """The function each Spark task runs: one part's bytes, or an exception
    whose text carries lectern's own messages (article path, script line)."""
    def run(item):
        from pyspark import SparkFiles, TaskContext
        index, files = item
        ctx = TaskContext.get()
        if fail_once is not None and index == fail_once and ctx is not None and ctx.attemptNumber() == 0:
            raise RuntimeError("lectern task %d: failed on purpose (LECTERN_SPARK_FAIL_ONCE), first attempt" % index)
        lectern = SparkFiles.get("lectern")
        if not os.access(lectern, os.X_OK):
            os.chmod(lectern, os.stat(lectern).st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        # The script at the path the user gave when the executor sees it (a
        # shared file system, local mode): messages and `require` stay the same;
        # else the copy shipped with the job.
        local = [s if os.path.exists(s) else SparkFiles.get(os.path.basename(s)) for s in scripts]
        cmd = [lectern, "run", local[0]]
        for s in local[1:]:
            cmd += ["--script", s]
        work = tempfile.mkdtemp(prefix="lectern-part-")
        try:
            part = os.path.join(work, "part")
            r = subprocess.run(cmd + files + ["--partial", part, "--quiet"] + run_opts,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            err = r.stderr.decode("utf-8", "replace")
            if r.returncode not in (0, 1) or not os.path.exists(part):
                raise RuntimeError("lectern task %d (%s ... %s) failed, exit %d:\n%s"
                                   % (index, files[0], files[-1], r.returncode, err))
            with open(part, "rb") as f:
                return index, f.read()
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return run


def run_parts(sc, lectern, scripts, tasks, run_opts, fail_once=None):
    """Runs every task on Spark; the parts' bytes in input order."""
    shipped = sc.__dict__.setdefault("_lectern_shipped", set())   # Spark refuses a file added twice
    for f in [lectern] + scripts:
        if os.path.abspath(f) not in shipped:
            sc.addFile(os.path.abspath(f))
            shipped.add(os.path.abspath(f))
    rdd = sc.parallelize(list(enumerate(tasks)), numSlices=max(1, len(tasks)))
    parts = rdd.map(task_runner(scripts, run_opts, fail_once)).collect()
    parts.sort(key=lambda p: p[0])
    return [p[1] for p in parts]


def merge_parts(lectern, scripts, parts, merge_opts, fmt=None, output=None, stdout=None):
    """`lectern merge` over the parts; returns (exit status, stdout bytes or None)."""
    work = tempfile.mkdtemp(prefix="lectern-merge-")
    try:
        paths = []
        for i, data in enumerate(parts):
            p = os.path.join(work, "%06d.part" % i)
            with open(p, "wb") as f:
                f.write(data)
            paths.append(p)
        cmd = [lectern, "merge", scripts[0]]
        for s in scripts[1:]:
            cmd += ["--script", s]
        cmd += paths + merge_opts
        if fmt:
            cmd += ["--format", fmt]
        if output:
            cmd += ["--output", output]
        r = subprocess.run(cmd, stdout=stdout)
        return r.returncode, r.stdout
    finally:
        shutil.rmtree(work, ignore_errors=True)


def task_error(exc):
    """lectern's own lines from a failed Spark job (the Java trace is noise)."""
    text = str(exc)
    keep = [l for l in text.splitlines() if l.startswith("lectern") or "RuntimeError: lectern task" in l]
    return "\n".join(dict.fromkeys(keep)) or text.splitlines()[0]


def find_lectern():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for p in (os.environ.get("LECTERN"), os.path.join(root, ".build/release/lectern"),
              os.path.join(root, ".build/debug/lectern"), shutil.which("lectern")):
        if p and os.access(p, os.X_OK):
            return p
    sys.exit("spark-run: no lectern binary (build with: swift build -c release --static-swift-stdlib, as scripts/demo does, or set LECTERN)")


def parse_args(argv):
    if "--" in argv:
        i = argv.index("--")
        argv, lectern_opts = argv[:i], argv[i + 1:]
    else:
        lectern_opts = []
    ap = argparse.ArgumentParser(prog="spark-run", description=__doc__.split("\n\n")[0])
    ap.add_argument("script")
    ap.add_argument("inputs", nargs="+")
    ap.add_argument("--script", dest="extra", action="append", default=[], help="another script (repeatable)")
    ap.add_argument("--output", help="write the records to FILE")
    ap.add_argument("--format", help="record format, as lectern run --format")
    ap.add_argument("--master", default="local[%d,4]" % (os.cpu_count() or 2),
                    help="Spark master (default local[CORES,4]: 4 attempts per task)")
    ap.add_argument("--files-per-task", type=int, default=64)
    ap.add_argument("--bytes-per-task", type=int, default=64 << 20)
    a = ap.parse_args(argv)
    a.lectern_opts = lectern_opts
    return a


def spark_context(master, app="lectern", progress=True):
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    from pyspark import SparkConf, SparkContext
    conf = SparkConf().setMaster(master).setAppName(app) \
        .set("spark.ui.showConsoleProgress", "true" if progress else "false")
    sc = SparkContext(conf=conf)
    # Spark's progress bar stays; a failed task's Java trace does not: the
    # driver reports lectern's own message when a task fails on every attempt.
    sc.setLogLevel("FATAL")
    return sc


def main(argv=None):
    a = parse_args(sys.argv[1:] if argv is None else argv)
    if "-" in a.inputs:
        sys.exit("spark-run: standard input cannot be split into tasks; give files or directories")
    lectern = find_lectern()
    scripts = [a.script] + a.extra
    run_opts, merge_opts = split_options(a.lectern_opts)
    files = list_inputs(lectern, a.inputs)
    if not files:
        sys.stderr.write("spark-run: no input found in %s\n" % " ".join(a.inputs))
        return 2
    tasks = make_tasks(files, a.files_per_task, a.bytes_per_task)
    sys.stderr.write("spark-run: %d files in %d tasks on %s\n" % (len(files), len(tasks), a.master))
    fail_once = os.environ.get("LECTERN_SPARK_FAIL_ONCE")
    sc = spark_context(a.master)
    try:
        parts = run_parts(sc, lectern, scripts, tasks, run_opts, int(fail_once) if fail_once else None)
    except Exception as e:  # a task failed on every attempt
        sys.stderr.write("spark-run: a task failed on every attempt:\n%s\n" % task_error(e))
        return 2
    finally:
        sc.stop()
    status, _ = merge_parts(lectern, scripts, parts, merge_opts, a.format, a.output)
    return status


if __name__ == "__main__":
    sys.exit(main())
