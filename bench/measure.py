"""What the import benchmarks share: a log on stderr, one JSON line per
figure on stdout (the format bench/run.py gathers), and a child process
timed by wall clock with its CPU and peak memory from wait4."""
import json, os, sys, time


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def emit(what, value, unit, goal, peer=None):
    line = {"what": what, "value": round(value, 3), "unit": unit, "goal": goal}
    if peer:
        line["peer"] = peer
    print(json.dumps(line, ensure_ascii=False), flush=True)


def timed(cmd, tmp):
    """Runs cmd with its stdout in a file under tmp; returns (wall s, CPU s,
    peak RSS MB of that child, stdout), or None when it failed."""
    out_path = os.path.join(tmp, "out.txt")
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
        os.dup2(out, 1)
        os.dup2(devnull, 2)
        os.execvp(cmd[0], cmd)
    start = time.perf_counter()
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    with open(out_path) as f:
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, f.read()
