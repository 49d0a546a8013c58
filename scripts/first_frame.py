#!/usr/bin/env python3
"""Time to first frame of the real dashboard, in a pseudo-terminal.

    scripts/first_frame.py BIN CONFIG [RUNS] [COLS] [ROWS]

Starts BIN (the release binary) with `--config CONFIG --today 2026-11-26` in a pty of
COLS x ROWS (default 80 x 24), RUNS times (default 5), and reads what it writes. For each
run it prints, in milliseconds from the spawn:

- first:  the end of the first frame (the loading screen: its panel's title written and
          the synchronized update closed);
- data:   the end of the first frame with the data (the status line's `loaded HH:MM:SS`).

Then it types `q` and waits for the exit. Only the standard library is needed.
"""

import fcntl
import os
import pty
import select
import struct
import sys
import termios
import time

SYNC_END = b"\x1b[?2026l"
LOADING = b"Loading the status files"
LOADED = b" loaded "
TODAY = "2026-11-26"


def run_once(binary, config, cols, rows, limit=600.0):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary, "--config", config, "--today", TODAY])
    out = bytearray()
    first = data = None
    # Where the frame being looked at began: a frame ends at its SYNC_END.
    scanned = 0
    while time.monotonic() - start < limit:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        now = time.monotonic()
        out += chunk
        while True:
            end = out.find(SYNC_END, scanned)
            if end < 0:
                break
            frame = out[scanned:end]
            if first is None and LOADING in frame:
                first = now - start
            if data is None and LOADED in frame:
                data = now - start
            scanned = end + len(SYNC_END)
        if data is not None:
            break
    os.write(fd, b"q")
    # Drain until the child closes the terminal, then reap it.
    while True:
        ready, _, _ = select.select([fd], [], [], 5.0)
        if not ready:
            break
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    return first, data


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    binary, config = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    cols = int(sys.argv[4]) if len(sys.argv) > 4 else 80
    rows = int(sys.argv[5]) if len(sys.argv) > 5 else 24
    ms = lambda t: "-" if t is None else f"{t * 1000:.0f}"
    for i in range(runs):
        first, data = run_once(binary, config, cols, rows)
        print(f"run={i + 1} first_ms={ms(first)} data_ms={ms(data)}", flush=True)


if __name__ == "__main__":
    main()
