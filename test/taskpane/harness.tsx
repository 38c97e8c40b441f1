// Shared set-up for the task-pane tests: the pane rendered as index.tsx renders it, over either
// the real Office gateway backed by the recording Excel fake, or a hand-made gateway.
import { webLightTheme } from "@fluentui/react-components";
import { render, type RenderResult } from "@testing-library/react";
import * as React from "react";
import { readCruscotto } from "../../src/domain/reader";
import { TaskPane, type TabId } from "../../src/taskpane/App";
import type { PiraGateway } from "../../src/taskpane/gateway";
import type { Lang } from "../../src/taskpane/i18n";
import { createOfficeGateway } from "../../src/taskpane/officeGateway";
import { defaultSettings, type Settings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { indicatorLayout } from "../../src/workbook/layout";
import { columnLetter } from "../../src/workbook/address";
import { createRecordingExcel, type RecordingExcel } from "../fakes/recordingExcel";
import { sampleText } from "../helpers/sample";

export const SAMPLE = sampleText();
export const SAMPLE_PLAN = readCruscotto(SAMPLE);

export function renderPane(gateway: PiraGateway, options: { lang?: Lang; initialTab?: TabId } = {}): RenderResult {
  return render(
    <TaskPane gateway={gateway} lang={options.lang ?? "it"} theme={webLightTheme} initialTab={options.initialTab} />,
  );
}

export interface FakeOffice {
  gateway: PiraGateway;
  excel: RecordingExcel;
}

/**
 * The real officeGateway over the recording fake, installed as the global Excel, on a host that
 * offers ExcelApi up to `excelApi` (1.9 by default: everything the adapter uses).
 */
export function fakeOffice(sheets = ["Foglio1"], excelApi = "1.9"): FakeOffice {
  const excel = createRecordingExcel({ sheets });
  (globalThis as unknown as { Excel: unknown }).Excel = excel.excelNamespace;
  const minor = (version: string) => Number(version.split(".")[1] ?? 0);
  (globalThis as unknown as { Office: unknown }).Office = {
    context: {
      requirements: {
        isSetSupported: (set: string, version?: string) =>
          set === "ExcelApi" && minor(version ?? "1.1") <= minor(excelApi),
      },
    },
  };
  return { gateway: createOfficeGateway(), excel };
}

/** The Indicatori cell holding an indicator's actual for a year, e.g. "I2" for 1.1 in 2023. */
export function actualCell(id: string, year: number): string {
  const layout = indicatorLayout(SAMPLE_PLAN.years);
  const ids = SAMPLE_PLAN.objectives.flatMap((o) => o.indicators.map((i) => i.id));
  const row = ids.indexOf(id) + 2;
  if (row < 2) throw new Error(`no indicator ${id}`);
  return `${columnLetter(layout.perYear.get(year)!.actual)}${row}`;
}

/** Types actuals into the Indicatori sheet as a user does (protection applies: only input cells). */
export function typeActuals(excel: RecordingExcel, entries: [id: string, year: number, value: string | number][]) {
  const sheet = excel.workbook.sheet("Indicatori");
  for (const [id, year, value] of entries) sheet.type(actualCell(id, year), value);
}

/** Imports the sample straight through the gateway, as an earlier session of the pane did. */
export async function importSample(gateway: PiraGateway, settings: Partial<Settings> = {}): Promise<Settings> {
  const full = { ...defaultSettings(SAMPLE_PLAN), ...settings };
  await gateway.importWorkbook(buildWorkbook(SAMPLE_PLAN, full), { replace: false });
  return full;
}

/** An in-memory gateway whose every method is a jest.fn with a sensible default. */
export function stubGateway(overrides: Partial<PiraGateway> = {}): jest.Mocked<PiraGateway> {
  return {
    inspect: jest.fn().mockResolvedValue({ existingSheets: [], typedActuals: 0, historyRows: 0 }),
    readWorkbookTables: jest.fn().mockResolvedValue(null),
    importWorkbook: jest.fn().mockResolvedValue({
      sheets: ["Cruscotto", "Indicatori", "Obiettivi", "Impostazioni", "Diagnostica"],
      replacedSheets: [],
    }),
    switchFormulas: jest.fn().mockResolvedValue(undefined),
    readActuals: jest.fn().mockResolvedValue({}),
    readNotes: jest.fn().mockResolvedValue({}),
    readPlan: jest.fn().mockResolvedValue(null),
    readSettings: jest.fn().mockResolvedValue(null),
    goToIndicator: jest.fn().mockResolvedValue(undefined),
    watchChanges: jest.fn().mockResolvedValue(async () => {}),
    ...overrides,
  } as jest.Mocked<PiraGateway>;
}
