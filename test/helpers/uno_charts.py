"""Lists the charts LibreOffice sees in each sheet of a spreadsheet, as JSON on stdout.

Usage: python3 uno_charts.py PROFILE_DIR FILE
Starts a headless LibreOffice listening on a private pipe (with the given fresh profile), loads the
file hidden and prints {sheet: [{"name", "title", "series", "categories", "values"}]} for every sheet, with the
ranges LibreOffice resolved and the numbers it computed for them.
"""
import json
import os
import subprocess
import sys
import time
import uuid

import uno
from com.sun.star.beans import PropertyValue


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def connect(pipe, proc):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 120
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:
            if proc.poll() is not None or time.time() > deadline:
                raise
            time.sleep(0.5)


def main():
    profile, path = sys.argv[1], os.path.abspath(sys.argv[2])
    pipe = f"pira_{uuid.uuid4().hex}"
    proc = subprocess.Popen(
        [
            "soffice",
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            f"--accept=pipe,name={pipe};urp;",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        ctx = connect(pipe, proc)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0, (prop("Hidden", True),))
        result = {}
        sheets = doc.getSheets()
        for i in range(sheets.getCount()):
            sheet = sheets.getByIndex(i)
            charts = sheet.getCharts()
            found = []
            for name in charts.getElementNames():
                chart = charts.getByName(name).getEmbeddedObject()
                title = chart.getTitle().getPropertyValue("String") if chart.HasMainTitle else ""
                series = []
                categories = None
                for system in chart.getFirstDiagram().getCoordinateSystems():
                    axis = system.getAxisByDimension(0, 0).getScaleData().Categories
                    if axis is not None:
                        categories = {
                            "range": axis.getValues().getSourceRangeRepresentation(),
                            "labels": [str(v) for v in axis.getValues().getData()],
                        }
                    for chart_type in system.getChartTypes():
                        series.extend(chart_type.getDataSeries())
                found.append(
                    {
                        "name": name,
                        "title": title,
                        "series": len(series),
                        "categories": categories,
                        "values": [
                            {
                                "range": seq.getValues().getSourceRangeRepresentation(),
                                "data": [float(v) for v in seq.getValues().getData()],
                            }
                            for s in series
                            for seq in s.getDataSequences()
                        ],
                    }
                )
            result[sheet.getName()] = found
        doc.close(True)
        print(json.dumps(result, ensure_ascii=False))
    finally:
        try:
            desktop.terminate()
        except Exception:
            pass
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
