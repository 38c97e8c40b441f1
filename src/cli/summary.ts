// A readable Italian summary of a plan for the terminal: areas, objectives with weights and
// indicator counts, weight checks and diagnostics.
import { describeChange, type Change } from "../domain/match";
import type { Plan, Severity } from "../domain/model";
import { formatItalianNumber } from "../domain/numbers";
import { WEIGHT_TOLERANCE } from "../domain/reader";
import type { ReviseResult } from "../workbook/revise";

const SEVERITY_LABEL: Record<Severity, string> = { error: "Errori", warning: "Avvisi", info: "Note" };

function check(sum: number): string {
  return Math.abs(sum - 100) <= WEIGHT_TOLERANCE ? "ok" : "DA VERIFICARE";
}

export function planSummary(plan: Plan): string {
  const out: string[] = [];
  const indicators = plan.objectives.flatMap((o) => o.indicators);
  const cells = indicators.flatMap((i) => Object.values(i.targets));
  out.push(plan.title || "Cruscotto obiettivi strategici");
  if (plan.date) out.push(`Approvato il ${plan.date.split("-").reverse().join("/")}`);
  out.push(
    `Anni: ${plan.years.join(", ")} · ${plan.areas.length} ambiti · ${plan.objectives.length} obiettivi · ` +
      `${indicators.length} indicatori · ${cells.filter((t) => t !== null).length} target su ${cells.length} celle`,
  );
  for (const area of plan.areas) {
    const objectives = plan.objectives.filter((o) => o.areaCode === area.code);
    const areaSum = objectives.reduce((s, o) => s + o.weightOnArea, 0);
    out.push("");
    out.push(`${area.code} - ${area.name}  (Peso su AS: ${formatItalianNumber(areaSum)}% ${check(areaSum)})`);
    for (const o of objectives) {
      const sum = o.indicators.reduce((s, i) => s + i.weight, 0);
      out.push(
        `  ${String(o.number).padStart(3)}  ${o.title}\n` +
          `       peso su AS ${formatItalianNumber(o.weightOnArea)}% · ${o.indicators.length} indicatori · ` +
          `pesi ${formatItalianNumber(sum)}% ${check(sum)}` +
          (o.resources === null ? " · risorse non indicate" : ` · risorse ${formatItalianNumber(o.resources)} €`),
      );
    }
  }
  const orphans = plan.objectives.filter((o) => !plan.areas.some((a) => a.code === o.areaCode));
  if (orphans.length > 0) {
    out.push("");
    out.push(`Senza ambito: obiettivi ${orphans.map((o) => o.number).join(", ")}`);
  }
  out.push("");
  if (plan.diagnostics.length === 0) out.push("Diagnostica: nessun problema.");
  for (const severity of ["error", "warning", "info"] as const) {
    const list = plan.diagnostics.filter((d) => d.severity === severity);
    if (list.length === 0) continue;
    out.push(`${SEVERITY_LABEL[severity]} (${list.length}):`);
    for (const d of list) out.push(`  riga ${d.line}: ${d.message}`);
  }
  return out.join("\n") + "\n";
}

/** How many changes the terminal lists before «… e altre N». */
export const CHANGE_LIST_CAP = 30;

/** The change list, one line each, capped (the Registro holds them all). */
export function changeLines(changes: readonly Change[], cap = CHANGE_LIST_CAP): string {
  if (changes.length === 0) return "  nessuna modifica\n";
  const shown = changes.slice(0, cap).map((c) => `  - ${describeChange(c, "it")}`);
  if (changes.length > cap) shown.push(`  … e altre ${changes.length - cap} modifiche`);
  return shown.join("\n") + "\n";
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** What `pira build --from` did: values carried and archived, proposals, the changes (capped). */
export function revisionSummary(result: ReviseResult, from: string, out: string): string {
  const s = result.summary;
  const lines = [
    `Scritto ${out} dal piano rivisto, con i valori di ${from}:`,
    `  riportati: ${plural(s.carriedActuals, "consuntivo", "consuntivi")}, ${plural(s.carriedNotes, "nota", "note")}` +
      (s.underChangedTarget > 0 ? ` (${s.underChangedTarget} sotto un target cambiato: da verificare)` : ""),
    `  nel foglio Archivio: ${plural(s.archivedActuals, "consuntivo", "consuntivi")}, ${plural(s.archivedNotes, "nota", "note")}`,
  ];
  for (const p of s.acceptedProposals)
    lines.push(`  corrispondenza accettata: ${p.oldId} → ${p.newId} (somiglianza ${Math.round(p.confidence * 100)}%)`);
  for (const p of s.refusedProposals)
    lines.push(`  corrispondenza non accettata (--no-similar): ${p.oldId} → ${p.newId}, valori archiviati`);
  lines.push(`${plural(s.changes, "modifica", "modifiche")} (tutte nel foglio Registro):`);
  return lines.join("\n") + "\n" + changeLines(result.changes);
}
