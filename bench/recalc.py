# LibreOffice headless recalculation times through the UNO bridge (python3-uno, Debian's system
# Python). Usage: recalc.py PORT PROFILE_DIR FILE SHEET CELL VALUE [FILE SHEET CELL VALUE ...]
# For each file: load it (hidden), time calculateAll(), then, with automatic calculation off, set
# one cell and time calculate() (only the cells that depend on it); medians of RUNS runs each. Prints one JSON line per file:
# {"file", "full_ms", "edit_ms"}.
import json
import statistics
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue


# Medians over a few runs: the sample recalculates in milliseconds, where one run is noise.
RUNS = 7


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(port):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            return resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except Exception:
            if time.time() > deadline:
                raise
            time.sleep(0.3)


def main():
    port, profile = sys.argv[1], sys.argv[2]
    jobs = sys.argv[3:]
    office = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--nodefault",
            f"--accept=socket,host=127.0.0.1,port={port};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ctx = connect(port)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        for i in range(0, len(jobs), 4):
            path, sheet, cell, value = jobs[i : i + 4]
            doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
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
        try:
            desktop.terminate()
        except Exception:
            pass  # the bridge goes down with the office
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


main()
