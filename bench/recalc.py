# LibreOffice headless recalculation times through the UNO bridge (python3-uno, Debian's system
# Python; test/helpers/uno_office.py starts it).
# Usage: recalc.py PROFILE_DIR FILE SHEET CELL VALUE [FILE SHEET CELL VALUE ...]
# For each file: load it (hidden), time calculateAll(), then, with automatic calculation off, set
# one cell and time calculate() (only the cells that depend on it); medians of RUNS runs each.
# Prints one JSON line per file: {"file", "full_ms", "edit_ms"}.
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "helpers"))
from uno_office import load_hidden, office  # noqa: E402


# Medians over a few runs: the sample recalculates in milliseconds, where one run is noise.
RUNS = 7


def main():
    profile = sys.argv[1]
    jobs = sys.argv[2:]
    with office(profile) as desktop:
        for i in range(0, len(jobs), 4):
            path, sheet, cell, value = jobs[i : i + 4]
            doc = load_hidden(desktop, path)
            fulls = []
            for _ in range(RUNS):
                t0 = time.perf_counter()
                doc.calculateAll()
                fulls.append((time.perf_counter() - t0) * 1000)
            doc.enableAutomaticCalculation(False)
            target = doc.Sheets.getByName(sheet).getCellRangeByName(cell)
            edits = []
            for k in range(RUNS):
                t0 = time.perf_counter()
                target.setValue(float(value) + k)
                doc.calculate()
                edits.append((time.perf_counter() - t0) * 1000)
            full = statistics.median(fulls)
            edit = statistics.median(edits)
            print(json.dumps({"file": path, "full_ms": full, "edit_ms": edit}), flush=True)
            doc.close(True)


main()
