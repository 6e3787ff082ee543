#!/usr/bin/env python3
"""Import benchmark (issue 20): spend workbooks of 10k, 100k and 1M rows ×
12 columns, imported by `mopsdesk import` (read, map, check, store) and,
in the same run and on the same file, parsed by ExcelJS's streaming
WorkbookReader (exceljs.mjs, counting rows) and by SheetJS (sheetjs.mjs).

Prints one JSON object per line on stdout (the format bench/run.py
gathers into a table) and a readable log on stderr. Each figure is the
median of BENCH_ROUNDS runs (default 3); peak memory is the largest.
BENCH_SIZES (default "10000,100000,1000000") picks the sizes and
BENCH_PEERS ("exceljs,sheetjs") the peers. MOPSDESK_BEFORE names an
older mopsdesk binary to time too, on the same files in the same run: its
figures appear in the peer column. A peer that fails (SheetJS holds the
whole workbook in memory and may run out at 1M rows) is noted, not fatal.
"""
import json, math, os, statistics, subprocess, sys, tempfile

from measure import emit, log, timed

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
binary = os.environ.get("MOPSDESK_BIN", os.path.join(root, "build", "bin", "mopsdesk"))
before_bin = os.environ.get("MOPSDESK_BEFORE", "")
sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000,1000000").split(",") if s]
rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
peers = [p for p in os.environ.get("BENCH_PEERS", "exceljs,sheetjs").split(",") if p]
tmp = tempfile.mkdtemp(prefix="mopsdesk-bench-")


def label(rows):
    return f"{rows // 1_000_000}M" if rows >= 1_000_000 else f"{rows // 1000}k"


def measure(rows):
    book = os.path.join(tmp, f"spend-{rows}.xlsx")
    subprocess.run(["go", "run", "./bench/gen", "-rows", str(rows), "-out", book], cwd=root, check=True)
    log(f"workbook: {rows} rows × 12 columns, {os.path.getsize(book) / 1e6:.1f} MB; {rounds} rounds, medians")
    runs = {}
    for _ in range(rounds):
        for peer in peers:
            got = timed(["node", os.path.join(here, f"{peer}.mjs"), book], tmp)
            if got is None or json.loads(got[3])["rows"] != rows + 1:
                log(f"  {peer} failed on {rows} rows")
                continue
            runs.setdefault(peer, []).append(got[:3])
        for name, exe in (("mopsdesk", binary), ("before", before_bin)):
            if not exe:
                continue
            data = tempfile.mkdtemp(dir=tmp)
            got = timed([exe, "import", book, "--kind", "spend", "--json", "--data", data], tmp)
            if got is None:
                sys.exit(f"{exe} import failed")
            report = json.loads(got[3])
            assert report["create"] == rows and not report["problems"], report
            runs.setdefault(name, []).append(got[:3])
            subprocess.run(["rm", "-rf", data])
    med = {}
    for name, rs in runs.items():
        med[name] = (statistics.median(r[0] for r in rs), statistics.median(r[1] for r in rs), max(r[2] for r in rs))
        w, c, m = med[name]
        log(f"  {name:8} wall {w:7.2f} s  CPU {c:7.2f} s  peak {m:6.0f} MB")
    return med


results = {}
for rows in sizes:
    med = results[rows] = measure(rows)
    w, c, m = med["mopsdesk"]
    n = label(rows)
    peer_txt = "; ".join(f"{p} {med[p][1]:.2f} s CPU, {med[p][0]:.2f} s wall, {med[p][2]:.0f} MB" if p in med else f"{p} failed"
                         for p in peers)
    if "exceljs" in med:
        emit(f"import {n} × 12 spend rows: CPU ÷ ExcelJS stream parse CPU", c / med["exceljs"][1], "×", "< 1", peer_txt)
    if "sheetjs" in med:
        emit(f"import {n} × 12 spend rows: CPU ÷ SheetJS parse CPU", c / med["sheetjs"][1], "×", "< 1")
    was = f"; before: {med['before'][0]:.2f} s wall, {med['before'][1]:.2f} s CPU, {med['before'][2]:.0f} MB" if "before" in med else ""
    emit(f"import {n} × 12 spend rows: wall time", w, "s", "< 15 s" if rows >= 1_000_000 else "", f"CPU {c:.2f} s{was}")
    emit(f"import {n} × 12 spend rows: peak memory", m, "MB", "< 150 MB" if rows >= 1_000_000 else "")
big = [r for r in sizes if r >= 100_000]
if len(big) >= 2:
    lo, hi = big[0], big[-1]
    # CPU grows as rows^k: k = 1 is linear.
    def growth(name):
        return math.log(results[hi][name][1] / results[lo][name][1]) / math.log(hi / lo)
    was = f"before: k = {growth('before'):.2f}" if "before" in results[lo] else None
    emit(f"import CPU growth {label(lo)} → {label(hi)} rows (rows^k)", growth("mopsdesk"), "k", "≈ 1 (linear)", was)
