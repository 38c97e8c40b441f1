// The layer rules of eslint.config.mjs, checked on small snippets placed in each folder: every
// forbidden import or global is an error, every allowed one is clean.
// ESLint runs in a child process (lintSnippets.mjs): jest's VM cannot import eslint.config.mjs.
import { spawnSync } from "node:child_process";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

const imports = (from: string) => `export { x } from "${from}";\n`;

// [file, import], each must be refused.
const forbidden: [string, string][] = [
  ["src/domain/model.ts", "../workbook/types"],
  ["src/domain/model.ts", "../excel"],
  ["src/domain/model.ts", "../xlsx/write"],
  ["src/domain/model.ts", "../cli/io"],
  ["src/domain/model.ts", "../taskpane/gateway"],
  ["src/domain/reader/classify.ts", "../../workbook/layout"],
  ["src/domain/sources/pdf.ts", "../../excel/cells"],
  ["src/domain/model.ts", "node:fs"],
  ["src/domain/model.ts", "path"],
  ["src/domain/model.ts", "react"],
  ["src/domain/model.ts", "@fluentui/react-components"],
  ["src/domain/model.ts", "exceljs"],
  ["src/workbook/layout.ts", "../excel/cells"],
  ["src/workbook/sheets/indicators.ts", "../../xlsx/write"],
  ["src/workbook/layout.ts", "../cli/io"],
  ["src/workbook/layout.ts", "../taskpane/i18n"],
  ["src/workbook/layout.ts", "node:path"],
  ["src/workbook/layout.ts", "exceljs"],
  ["src/excel/cells.ts", "../xlsx/write"],
  ["src/excel/cells.ts", "../cli/io"],
  ["src/excel/cells.ts", "../taskpane/gateway"],
  ["src/excel/cells.ts", "exceljs"],
  ["src/excel/cells.ts", "node:fs"],
  ["src/xlsx/write.ts", "../excel/cells"],
  ["src/xlsx/write.ts", "../excel"],
  ["src/xlsx/write.ts", "../cli/io"],
  ["src/xlsx/write.ts", "../taskpane/gateway"],
  ["src/xlsx/write.ts", "react"],
  ["src/functions/functions.ts", "../workbook/types"],
  ["src/functions/functions.ts", "../excel"],
  ["src/functions/functions.ts", "../xlsx/write"],
  ["src/functions/functions.ts", "exceljs"],
  ["src/functions/functions.ts", "node:fs"],
  ["src/taskpane/App.tsx", "../excel"],
  ["src/taskpane/components/FollowView.tsx", "../../excel/navigation"],
  ["src/taskpane/officeGateway.ts", "../excel/cells"],
  ["src/taskpane/App.tsx", "../xlsx/write"],
  ["src/taskpane/App.tsx", "../cli/io"],
  ["src/taskpane/App.tsx", "../functions/functions"],
  ["src/taskpane/App.tsx", "exceljs"],
  ["src/taskpane/App.tsx", "node:fs"],
  ["src/cli/main.ts", "../excel"],
  ["src/cli/commands/build.ts", "../../excel/cells"],
  ["src/cli/main.ts", "../taskpane/gateway"],
  ["src/cli/main.ts", "../functions/functions"],
  ["src/cli/main.ts", "exceljs"],
  ["src/cli/main.ts", "react"],
];
it.each(forbidden)("%s may not import %s", (file, from) => {
  const errors = layerErrors(file, imports(from));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(new RegExp(`^'${from.replace(/[.*/]/g, "\\$&")}' import is restricted`));
});

// [file, import], each must be clean.
const allowed: [string, string][] = [
  ["src/domain/model.ts", "./targets"],
  ["src/domain/reader/classify.ts", "../model"],
  ["src/domain/reader/classify.ts", "./rules"],
  ["src/domain/sources/pdf.ts", "../reader/assemble"],
  ["src/workbook/layout.ts", "../domain/model"],
  ["src/workbook/sheets/indicators.ts", "../../domain/settings"],
  ["src/workbook/sheets/indicators.ts", "../layout"],
  ["src/excel/cells.ts", "../workbook/types"],
  ["src/excel/cells.ts", "../domain/model"],
  ["src/xlsx/write.ts", "../workbook/types"],
  ["src/xlsx/write.ts", "../domain/model"],
  ["src/xlsx/write.ts", "exceljs"],
  ["src/xlsx/write.ts", "jszip"],
  ["src/functions/functions.ts", "../domain/score"],
  ["src/taskpane/App.tsx", "../domain/model"],
  ["src/taskpane/App.tsx", "../workbook/layout"],
  ["src/taskpane/components/FollowView.tsx", "../../workbook/read"],
  ["src/taskpane/App.tsx", "react"],
  ["src/taskpane/App.tsx", "@fluentui/react-components"],
  ["src/taskpane/officeGateway.ts", "../excel"],
  ["src/cli/main.ts", "../domain/reader"],
  ["src/cli/main.ts", "../workbook/layout"],
  ["src/cli/commands/build.ts", "../../xlsx/write"],
  ["src/cli/main.ts", "node:fs"],
  ["src/cli/commands/demo.ts", "path"],
];
it.each(allowed)("%s may import %s", (file, from) => {
  expect(layerErrors(file, imports(from))).toEqual([]);
});

// [file, code]: the Excel global only in src/excel, Office's only where Office.js runs.
const globalsUse: [string, string, string[]][] = [
  ["src/excel/run.ts", "Excel.run(async () => undefined);\n", []],
  ["src/taskpane/App.tsx", "Excel.run(async () => undefined);\n", ["Excel"]],
  ["src/cli/main.ts", "Excel.run(async () => undefined);\n", ["Excel"]],
  ["src/domain/model.ts", "export const a = Excel.run;\n", ["Excel"]],
  ["src/xlsx/write.ts", "export const a = Excel.run;\n", ["Excel"]],
  ["src/functions/functions.ts", "export const a = Excel.run;\n", ["Excel"]],
  ["src/taskpane/index.tsx", "Office.onReady(() => undefined);\n", []],
  ["src/ribbon/ribbon.ts", "Office.onReady(() => undefined);\n", []],
  ["src/domain/model.ts", "Office.onReady(() => undefined);\n", ["Office"]],
  ["src/workbook/layout.ts", "Office.onReady(() => undefined);\n", ["Office"]],
];
it.each(globalsUse)("%s: %j gives errors for %j", (file, code, names) => {
  const errors = layerErrors(file, code);
  expect(errors).toHaveLength(names.length);
  names.forEach((name, i) => expect(errors[i]).toMatch(new RegExp(`^Unexpected use of '${name}'\\.`)));
});

it("the code as it stands keeps the layer rules", () => {
  expect(linted().files).toEqual([]);
});

interface Linted {
  snippets: string[][];
  files: string[];
}
let cache: Linted | undefined;

/** Every snippet of the tables above linted at once (one ESLint start), and src as it stands. */
function linted(): Linted {
  if (cache) return cache;
  const snippets = [
    ...forbidden.map(([file, from]) => ({ file, code: imports(from) })),
    ...allowed.map(([file, from]) => ({ file, code: imports(from) })),
    ...globalsUse.map(([file, code]) => ({ file, code })),
  ];
  const run = spawnSync(process.execPath, [path.join(__dirname, "lintSnippets.mjs"), ROOT], {
    input: JSON.stringify({ snippets, files: ["src"] }),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`ESLint failed: ${run.stderr}`);
  const parsed = JSON.parse(run.stdout) as Linted;
  cache = { files: parsed.files, snippets: parsed.snippets };
  return cache;
}

/** The layer-rule messages ESLint gave `code` as if it were the file `file`. */
function layerErrors(file: string, code: string): string[] {
  const all = [
    ...forbidden.map(([f, from]) => [f, imports(from)]),
    ...allowed.map(([f, from]) => [f, imports(from)]),
    ...globalsUse.map(([f, c]) => [f, c]),
  ];
  const index = all.findIndex(([f, c]) => f === file && c === code);
  return linted().snippets[index];
}
