#!/usr/bin/env python3
"""Import benchmark (issue 7): a 100,000-row × 12-column spend workbook,
imported by `mopsdesk import` (dry run, then for real) against the npm
"xlsx" package (SheetJS) merely parsing the same file in Node, in the same
run. Prints each time, each peak memory, and the ratios.

Run it with `make bench` (builds mopsdesk and installs SheetJS first).
"""
import json, os, resource, subprocess, sys, tempfile, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
binary = os.environ.get("MOPSDESK_BIN", os.path.join(root, "build", "bin", "mopsdesk"))
rows = int(os.environ.get("BENCH_ROWS", "100000"))
rounds = int(os.environ.get("BENCH_ROUNDS", "3"))


def timed(cmd):
    """Runs cmd and returns (seconds, peak RSS in MB of that child, stdout)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        out = os.open(os.path.join(tmp, "out.txt"), os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.dup2(devnull, 2)
        os.execvp(cmd[0], cmd)
    start = time.perf_counter()
    _, status, usage = os.wait4(pid, 0)
    secs = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed")
    with open(os.path.join(tmp, "out.txt")) as f:
        return secs, usage.ru_maxrss / 1024, f.read()


tmp = tempfile.mkdtemp(prefix="mopsdesk-bench-")
book = os.path.join(tmp, f"spend-{rows}.xlsx")
subprocess.run(["go", "run", "./bench/gen", "-rows", str(rows), "-out", book], cwd=root, check=True)
print(f"workbook: {rows} rows × 12 columns, {os.path.getsize(book) / 1e6:.1f} MB; {rounds} rounds; best of each")

best = {}
for i in range(rounds):
    s, mem, out = timed(["node", os.path.join(here, "sheetjs.mjs"), book])
    assert json.loads(out)["rows"] == rows + 1, out
    best.setdefault("sheetjs", []).append((s, mem))
    for mode in ("dry-run", "import"):
        data = tempfile.mkdtemp(dir=tmp)
        args = [binary, "import", book, "--kind", "spend", "--json", "--data", data]
        if mode == "dry-run":
            args.append("--dry-run")
        s, mem, out = timed(args)
        report = json.loads(out)
        assert report["create"] == rows and not report["problems"], report
        best.setdefault(mode, []).append((s, mem))

sheetjs = min(t for t, _ in best["sheetjs"])
for name in ("sheetjs", "dry-run", "import"):
    t = min(x for x, _ in best[name])
    mem = max(m for _, m in best[name])
    print(f"{name:8} {t:6.2f} s  peak {mem:5.0f} MB  {t / sheetjs:5.2f}× SheetJS")
