#!/usr/bin/env python3
"""`make bench`: runs every benchmark script in bench/ and prints one
table (what | now | goal | peer) from the JSON lines they print on stdout,
one object a line: {"what", "value", "unit", "goal", "peer"?}.

Scripts: imports.py (import speed against ExcelJS and SheetJS),
results.py (a year of daily results from 5 ad platforms), and,
when present, ui.mjs (browser actions over serve mode) and
desktop_start.* (desktop window start to first paint). A missing or
failing script is noted under the table and the others still run.
BENCH_ONLY="imports,ui" limits the run to those scripts (by file stem).
"""
import glob, json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
env = dict(os.environ)
env.setdefault("MOPSDESK_BIN", os.path.join(root, "build", "bin", "mopsdesk"))
only = [s for s in os.environ.get("BENCH_ONLY", "").split(",") if s]


def runner(path):
    ext = os.path.splitext(path)[1]
    return {".py": ["python3"], ".mjs": ["node"], ".js": ["node"], ".sh": ["sh"]}.get(ext)


scripts = [("imports", [os.path.join(here, "imports.py")]), ("results", [os.path.join(here, "results.py")]),
           ("ui", [os.path.join(here, "ui.mjs")]),
           ("desktop_start", sorted(glob.glob(os.path.join(here, "desktop_start.*"))))]
rows, notes = [], []
for stem, paths in scripts:
    if only and stem not in only:
        continue
    paths = [p for p in paths if os.path.exists(p) and runner(p)]
    if not paths:
        notes.append(f"{stem}: no script in bench/, skipped")
        continue
    path = paths[0]
    print(f"== {os.path.basename(path)}", file=sys.stderr, flush=True)
    proc = subprocess.run(runner(path) + [path], cwd=root, env=env, stdout=subprocess.PIPE, text=True)
    for line in proc.stdout.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            notes.append(f"{stem}: unreadable line {line[:60]!r}")
    if proc.returncode != 0:
        notes.append(f"{stem}: exited with {proc.returncode}")


def cell(text):
    return str(text).replace("|", "\\|")


def number(v):
    if isinstance(v, (int, float)):
        return f"{v:,.0f}" if abs(v) >= 100 else f"{v:,.2f}"
    return str(v)


print("| what | now | goal | peer |")
print("|---|---|---|---|")
for r in rows:
    now = f"{number(r.get('value', ''))} {r.get('unit', '')}".strip()
    print(f"| {cell(r.get('what', ''))} | {cell(now)} | {cell(r.get('goal', ''))} | {cell(r.get('peer', ''))} |")
load = os.getloadavg()
print(f"\nload average at the end: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} ({os.cpu_count()} cores)")
for n in notes:
    print(f"note: {n}")
