"""Lists the charts LibreOffice sees in each sheet of a spreadsheet, as JSON on stdout.

Usage: python3 uno_charts.py PROFILE_DIR FILE
Starts a headless LibreOffice (uno_office.py, with the given fresh profile), loads the file hidden
and prints {sheet: [{"name", "title", "series", "categories", "values"}]} for every sheet, with the
ranges LibreOffice resolved and the numbers it computed for them.
"""
import json
import os
import sys

from uno_office import load_hidden, office


def main():
    profile, path = sys.argv[1], os.path.abspath(sys.argv[2])
    with office(profile) as desktop:
        doc = load_hidden(desktop, path)
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


if __name__ == "__main__":
    main()
