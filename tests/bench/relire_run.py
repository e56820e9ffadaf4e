"""relire_run.py - run relire from a benchmark, fail loudly, check floors.

A benchmark that reads the reports of a run that crashed or failed would
print figures about nothing. run() is subprocess.run() that ends the
benchmark (exit status 1, naming the command, its exit status or signal
and the end of its stderr) when relire exits non-zero: exit status 1
means some articles could not be processed, 2 a usage error, 3 an
internal error, and a negative status a crash.

The quality benchmarks also run as ctests (label bench-floor, see
tests/CMakeLists.txt) with --check: they exit 1 when a figure falls below
its floor or above its ceiling (check_floors), and skip(), when the data
is absent,
exits 77 (ctest's skip code), or 1 when RELIRE_STRICT is set (in CI a
skip is a failure).

Python 3 standard library only.
"""
import os
import signal
import subprocess
import sys


def _status(code):
    if code < 0:
        try:
            return "was killed by %s" % signal.Signals(-code).name
        except ValueError:
            return "was killed by signal %d" % -code
    return "exited %d" % code


def run(cmd, **kw):
    """subprocess.run(cmd, **kw), relire's stderr passed on; ends the
    benchmark with status 1 when cmd does not exit 0."""
    captured = "stderr" not in kw and "capture_output" not in kw
    if captured:
        kw["stderr"] = subprocess.PIPE
    proc = subprocess.run(cmd, **kw)
    err = proc.stderr or b""
    if isinstance(err, str):
        err = err.encode("utf-8", "replace")
    if proc.returncode != 0:
        sys.stderr.write("FAIL: %s %s\n" % (" ".join(map(str, cmd)),
                                            _status(proc.returncode)))
        for line in err.decode("utf-8", "replace").splitlines()[-10:]:
            sys.stderr.write("  stderr: %s\n" % line)
        sys.exit(1)
    if captured and err:
        sys.stderr.buffer.write(err)
    return proc


def skip(msg, code=77):
    """The data or a tool is absent: print msg and exit code (77 by
    default), or 1 when RELIRE_STRICT is set."""
    if os.environ.get("RELIRE_STRICT"):
        print("FAIL: %s (RELIRE_STRICT is set: a skip is a failure)" % msg)
        sys.exit(1)
    print("skipped: %s" % msg)
    sys.exit(code)


def check_floors(figures, floors, ceilings=None):
    """figures, floors and ceilings: {name: value}. Prints each figure
    beside its floor (or ceiling); returns 1 when one is below its floor,
    above its ceiling or missing, else 0."""
    bad = 0
    limits = [(n, v, ">=") for n, v in floors.items()]
    limits += [(n, v, "<=") for n, v in (ceilings or {}).items()]
    for name, limit, op in sorted(limits):
        got = figures.get(name)
        ok = got is not None and (got >= limit if op == ">=" else
                                  got <= limit)
        bad += not ok
        print("%s %-34s %8s %s %-8g %s" % (
            "floor" if op == ">=" else "ceiling", name,
            "-" if got is None else "%.4g" % got, op, limit,
            "ok" if ok else "FAILED"))
    return 1 if bad else 0
