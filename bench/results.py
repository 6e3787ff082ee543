#!/usr/bin/env python3
"""Results import benchmark (issue 21): a year of daily results for 500
campaigns from 5 ad platforms (Google Ads, Microsoft Ads, Meta, LinkedIn,
TikTok), one CSV export a source in that platform's own columns, 500 × 365
rows each: about 912k rows in all. The 500 campaigns are imported first
(not timed); then each file by `mopsdesk import FILE --kind results` into
the same workspace, matched to the campaigns by name.

Prints one JSON object per line on stdout (the format bench/run.py gathers)
and a readable log on stderr: wall, CPU and peak memory (from wait4) per
file and for the five together, against issue 20's import targets (1M rows
< 15 s wall, < 150 MB); then the Google Ads file once more, replacing each
of its facts (a corrected export imported again). BENCH_RESULTS_CAMPAIGNS and BENCH_RESULTS_DAYS
(default 500 and 365) change the size.
"""
import datetime, json, os, subprocess, sys, tempfile

from measure import emit, log, timed

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
binary = os.environ.get("MOPSDESK_BIN", os.path.join(root, "build", "bin", "mopsdesk"))
campaigns = int(os.environ.get("BENCH_RESULTS_CAMPAIGNS", "500"))
days = int(os.environ.get("BENCH_RESULTS_DAYS", "365"))
tmp = tempfile.mkdtemp(prefix="mopsdesk-bench-results-")
start_day = datetime.date(2025, 1, 1)

# Each platform's export: its header and how one day of one campaign reads.
sources = {
    "google_ads": ("Day,Campaign,Campaign type,Currency code,Impr.,Clicks,Cost,Conversions",
                   lambda d, n, i: f"{d},{n},Search,USD,{1000 + i},{50 + i % 40},{(i % 900) + 10}.25,{i % 7}"),
    "microsoft_ads": ("Gregorian date,Campaign name,Currency code,Impr.,Clicks,Spend,Conv.",
                      lambda d, n, i: f"{d},{n},USD,{800 + i},{30 + i % 20},{(i % 500) + 5}.50,{i % 5}"),
    "meta_ads": ("Campaign name,Day,Amount spent (USD),Impressions,Reach,Results,Link clicks",
                 lambda d, n, i: f"{n},{d},{(i % 700) + 3}.10,{2000 + i},{1500 + i},{i % 9},{60 + i % 30}"),
    "linkedin": ("Campaign Name,Campaign ID,Start Date (in UTC),Currency,Total Spent,Impressions,Clicks,Leads",
                 lambda d, n, i: f"{n},{i % campaigns + 1000},{d},USD,{(i % 300) + 20}.00,{500 + i},{10 + i % 15},{i % 4}"),
    "tiktok": ("Campaign name,By Day,Currency,Cost,Impressions,Clicks (destination),Conversions",
               lambda d, n, i: f"{n},{d},USD,{(i % 400) + 8}.75,{3000 + i},{70 + i % 50},{i % 6}"),
}


def run(cmd):
    """timed, for a command that must not fail."""
    got = timed(cmd, tmp)
    if got is None:
        sys.exit(f"{' '.join(cmd)} failed")
    return got


names = [f"Campaign {c:03d} EU" for c in range(campaigns)]
data = os.path.join(tmp, "data")
plan = os.path.join(tmp, "campaigns.csv")
end_day = start_day + datetime.timedelta(days=days - 1)
with open(plan, "w") as f:
    f.write("Name,Start,End\n")
    for n in names:
        f.write(f"{n},{start_day},{end_day}\n")
run([binary, "import", plan, "--kind", "campaigns", "--json", "--data", data])

total = [0.0, 0.0, 0.0]
rows_all = 0
for key, (header, line) in sources.items():
    path = os.path.join(tmp, f"{key}.csv")
    with open(path, "w") as f:
        f.write(header + "\n")
        i = 0
        for d in range(days):
            day = start_day + datetime.timedelta(days=d)
            for n in names:
                f.write(line(day, n, i) + "\n")
                i += 1
    rows = campaigns * days
    wall, cpu, peak, out = run([binary, "import", path, "--kind", "results", "--json", "--data", data])
    report = json.loads(out)
    if report.get("create") != rows or report.get("problems"):
        sys.exit(f"{key}: expected {rows} facts created, got {json.dumps(report)[:300]}")
    log(f"  {key:14} {rows} rows, {os.path.getsize(path) / 1e6:.1f} MB: wall {wall:6.2f} s  CPU {cpu:6.2f} s  peak {peak:5.0f} MB")
    emit(f"import {rows:,} daily results rows ({key} CSV): wall time", wall, "s", "", f"CPU {cpu:.2f} s, peak {peak:.0f} MB")
    total = [total[0] + wall, total[1] + cpu, max(total[2], peak)]
    rows_all += rows
    if key == "google_ads":
        again = path  # imported once more below: every fact replaced
    else:
        os.remove(path)

# A file imported again (a corrected export) replaces every fact it
# stored before: the same rows, each one an update.
wall, cpu, peak, out = run([binary, "import", again, "--kind", "results", "--json", "--data", data])
report = json.loads(out)
if report.get("update") != campaigns * days or report.get("create"):
    sys.exit(f"re-import: expected {campaigns * days} facts replaced, got {json.dumps(report)[:300]}")
log(f"  google_ads again: {campaigns * days} facts replaced: wall {wall:6.2f} s  CPU {cpu:6.2f} s  peak {peak:5.0f} MB")
emit(f"import the {campaigns * days:,}-row Google Ads export again (every fact replaced): wall time", wall, "s", "", f"CPU {cpu:.2f} s, peak {peak:.0f} MB")
os.remove(again)

n = f"{rows_all:,}"
load = os.getloadavg()
emit(f"import {n} daily results rows (5 sources × {campaigns} campaigns × {days} days): wall time", total[0], "s",
     "< 15 s (1M rows)", f"CPU {total[1]:.2f} s; load {load[0]:.1f}")
emit(f"import {n} daily results rows: peak memory", total[2], "MB", "< 150 MB")
subprocess.run(["rm", "-rf", tmp])
