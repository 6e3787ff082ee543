#!/usr/bin/env python3
"""Desktop start benchmark (issue 20): start to first painted window.

Starts build/bin/mopsdesk (the Wails window) under a private Xvfb on a
workspace and measures, from the moment the process is started:

- "dom ready": the app's own log line (Wails' DOMContentLoaded), read
  from its log with the time it appeared;
- "first painted window": the first moment the screen shows the app's
  shell, i.e. the pixel at (8, 600) of the screen, inside the sidebar's
  padding, has the sidebar's colour #1f2a40. The webview's background is
  #f8f9fb until the page's styles and DOM are painted, so this is the
  first frame that shows the app rather than an empty window. The pixel
  is read with XGetImage every 5 ms (libX11 through ctypes: no screenshot
  tool, next to no CPU).

Each is the median of BENCH_ROUNDS (3) starts, for the large workspace
(--data, else bench/workspace writes one) and for an empty one. Each run
gets a copy of the workspace, so a start never finds the last one's
state. One JSON object per line on stdout, as every benchmark here.

  python3 bench/desktop_start.py [--data DIR] [--bin build/bin/mopsdesk]
"""

import argparse
import ctypes
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIDEBAR = (0x1F, 0x2A, 0x40)
PROBE = (8, 600)


class Screen:
    """One pixel of an X display's root window, read with libX11."""

    def __init__(self, display):
        x = ctypes.CDLL("libX11.so.6")
        x.XOpenDisplay.restype = ctypes.c_void_p
        x.XOpenDisplay.argtypes = [ctypes.c_char_p]
        x.XDefaultRootWindow.restype = ctypes.c_ulong
        x.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        x.XGetImage.restype = ctypes.c_void_p
        x.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int,
                                ctypes.c_uint, ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        x.XGetPixel.restype = ctypes.c_ulong
        x.XGetPixel.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int]
        x.XFree.argtypes = [ctypes.c_void_p]
        self.x = x
        self.dpy = x.XOpenDisplay(display.encode())
        if not self.dpy:
            raise RuntimeError("cannot open display " + display)
        self.root = x.XDefaultRootWindow(self.dpy)

    def pixel(self, px, py):
        img = self.x.XGetImage(self.dpy, self.root, px, py, 1, 1, 0xFFFFFFFF, 2)  # ZPixmap
        if not img:
            return None
        v = self.x.XGetPixel(img, 0, 0)
        self.x.XFree(img)
        return ((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF)


def start_xvfb():
    n = 500 + random.randrange(400)
    display = f":{n}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x860x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(100):
        if os.path.exists(f"/tmp/.X11-unix/X{n}"):
            break
        time.sleep(0.05)
    time.sleep(0.2)
    return xvfb, display


def one_start(binary, data, display, screen, timeout=30.0):
    """Starts the window once; returns (dom ready s, first painted s)."""
    log = tempfile.NamedTemporaryFile(prefix="mopsdesk-start-", suffix=".log", delete=False)
    env = dict(os.environ, DISPLAY=display, MOPSDESK_LOG="info")
    began = time.monotonic()
    app = subprocess.Popen([binary, "--data", data], env=env, stdout=log, stderr=log)
    dom = painted = None
    try:
        while time.monotonic() - began < timeout:
            now = time.monotonic() - began
            if painted is None and screen.pixel(*PROBE) == SIDEBAR:
                painted = now
            if dom is None:
                with open(log.name, "rb") as f:
                    if b'msg="dom ready"' in f.read():
                        dom = now
            if app.poll() is not None:
                raise RuntimeError("the app exited: " + open(log.name).read())
            if dom is not None and painted is not None:
                break
            time.sleep(0.005)
    finally:
        app.terminate()
        try:
            app.wait(5)
        except subprocess.TimeoutExpired:
            app.kill()
        os.unlink(log.name)
    if painted is None:
        raise RuntimeError("no painted window within %.0f s" % timeout)
    return dom, painted


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", help="the large workspace (default: write one with bench/workspace)")
    p.add_argument("--bin", default=os.environ.get("MOPSDESK_BIN", os.path.join(ROOT, "build/bin/mopsdesk")))
    a = p.parse_args()
    rounds = int(os.environ.get("BENCH_ROUNDS", "3"))
    work = tempfile.mkdtemp(prefix="mopsdesk-bench-start-")
    xvfb, display = start_xvfb()
    try:
        large = a.data
        if not large:
            large = os.path.join(work, "large")
            subprocess.run(["go", "run", "-tags", "sqlite_fts5", "./bench/workspace", "--data", large], cwd=ROOT, check=True,
                           stdout=subprocess.DEVNULL)
        screen = Screen(display)
        load = os.getloadavg()[0]
        for name, source in (("large workspace", large), ("empty workspace", None)):
            doms, paints = [], []
            for i in range(rounds):
                data = os.path.join(work, f"run-{name[0]}-{i}")
                if source:
                    shutil.copytree(source, data, ignore=shutil.ignore_patterns("*.lock", "lock", "backups"))
                dom, painted = one_start(os.path.abspath(a.bin), data, display, screen)
                doms.append(dom * 1000)
                paints.append(painted * 1000)
                shutil.rmtree(data, ignore_errors=True)
            peer = f"load {load:.2f}"
            print(json.dumps({"what": f"desktop start to first painted window ({name})", "value": round(statistics.median(paints)),
                              "unit": "ms", "goal": "< 1 s", "runs": [round(x) for x in paints], "peer": peer}), flush=True)
            print(json.dumps({"what": f"desktop start to dom ready ({name})", "value": round(statistics.median(d for d in doms if d is not None)),
                              "unit": "ms", "goal": "", "runs": [round(x) for x in doms if x is not None]}), flush=True)
    finally:
        xvfb.terminate()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
