// `pira demo`: the main job on the bundled sample: the plan summary, the workbook built with the
// bundled example actuals (demo/cruscotto-pira-2023.xlsx) and the scores of the year.
import * as path from "node:path";
import type { Plan } from "../../domain/model";
import { formatItalianNumber } from "../../domain/numbers";
import { scorePlan, type PlanScore, type WeightedResult } from "../../domain/rollup";
import type { Status } from "../../domain/score";
import type { Settings } from "../../domain/settings";
import { buildWorkbook } from "../../workbook/build";
import type { OptionsSpec, ParsedArgs } from "../args";
import { writeOutputFile } from "../files";
import { CliError, type CliIO } from "../io";
import { xlsxAdapter } from "../lazyXlsx";
import { planSummary } from "../summary";
import { buildSettings, countActuals, loadActuals } from "./build";
import { loadPlan } from "./parse";
import { writeReport } from "./report";

export const name = "demo";
export const usage = "pira demo";
export const summary = "esegue il lavoro principale sul campione incluso (samples/cruscotto-pira-2023.txt)";
export const options: OptionsSpec = {};

const SAMPLES = path.join(__dirname, "..", "..", "..", "samples");
export const BUNDLED_SAMPLE = path.join(SAMPLES, "cruscotto-pira-2023.txt");
export const BUNDLED_ACTUALS = path.join(SAMPLES, "consuntivi-2023-esempio.csv");
/** Relative to the working directory: `npm run demo` runs in the project root. */
export const DEMO_WORKBOOK = path.join("demo", "cruscotto-pira-2023.xlsx");
export const DEMO_REPORT = path.join("demo", "relazione-2023.docx");

function percent(n: number | null, decimals: number): string {
  return n === null ? "n.d." : `${formatItalianNumber(n * 100, decimals)}%`;
}

function line(label: string, r: WeightedResult & { status: Status }): string {
  return `${label}: ${percent(r.score, 2)} · copertura ${percent(r.coverage, 0)} · ${r.status}`;
}

/** The chamber, each area and its objectives, with score, coverage and status. */
export function scoreSummary(plan: Plan, scores: PlanScore, settings: Settings): string {
  const out = [`Punteggi ${settings.year} (modalità ${settings.mode})`, line("Ente", scores.chamber)];
  const areaName = new Map(plan.areas.map((a) => [a.code, a.name]));
  for (const area of scores.areas) {
    out.push(line(`  ${area.code} ${areaName.get(area.code) ?? "(ambito non elencato)"}`, area));
    plan.objectives.forEach((o, i) => {
      if (o.areaCode !== area.code) return;
      const title = o.title.length > 60 ? `${o.title.slice(0, 59)}…` : o.title;
      out.push(line(`    ${String(o.number).padStart(2)} ${title}`, scores.objectives[i]));
    });
  }
  return out.join("\n") + "\n";
}

export async function run({ positionals }: ParsedArgs, io: CliIO): Promise<number> {
  if (positionals.length > 0) {
    throw new CliError(
      `nessun argomento (ricevuti ${positionals.length}): usa sempre il campione incluso. Uso: ${usage}`,
    );
  }
  const plan = await loadPlan(BUNDLED_SAMPLE, io);
  io.out(planSummary(plan));
  const loaded = loadActuals(BUNDLED_ACTUALS, plan, io, "demo");
  if (loaded === null) throw new CliError(`i consuntivi di esempio "${BUNDLED_ACTUALS}" non sono validi.`);
  const { actuals, notes } = loaded;
  const settings = buildSettings(plan, undefined, undefined);
  const { writeXlsx } = xlsxAdapter();
  writeOutputFile(DEMO_WORKBOOK, await writeXlsx(buildWorkbook(plan, settings, actuals, { notes })), io);
  io.out(
    `\nCartella di lavoro: ${DEMO_WORKBOOK} (${countActuals(actuals)} consuntivi da ${path.basename(BUNDLED_ACTUALS)}; ` +
      `si apre in Excel o LibreOffice senza componente aggiuntivo)\n\n`,
  );
  io.out(scoreSummary(plan, scorePlan(plan, actuals, settings.year, settings), settings));
  await writeReport(plan, actuals, settings, settings.year, {}, DEMO_REPORT, io);
  io.out(`\nRelazione sulla performance ${settings.year} per l'OIV: ${DEMO_REPORT}\n`);
  return 0;
}
