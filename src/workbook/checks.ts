// What both adapters (src/excel, src/xlsx) must do alike with a description: the checks made
// before anything is written, so a malformed description fails with a clear Italian message
// instead of a host error halfway through the write (leaving a half-built workbook); the order
// of the conditional formats; which columns are hidden.
import type { ColumnSpec, ConditionalFormatSpec, ValidationSpec, WorkbookDescription } from "./types";
import { parseCell } from "./address";

// Excel rejects sheet names longer than 31 characters or containing any of : \ / ? * [ ].
const SHEET_NAME_FORBIDDEN = /[:\\/?*[\]]/;

/** Excel refuses (or "repairs" away) validation and conditional-format formulas longer than this. */
export const MAX_RULE_FORMULA = 255;

/** Excel's limits on validation texts (longer ones are rejected by the host). */
export const VALIDATION_TITLE_MAX = 32;
export const VALIDATION_MESSAGE_MAX = 255;

export function checkValidationTexts(spec: ValidationSpec): void {
  for (const m of [spec.prompt, spec.error]) {
    if (m.title.length > VALIDATION_TITLE_MAX || m.message.length > VALIDATION_MESSAGE_MAX) {
      throw new Error(
        `Messaggio di convalida troppo lungo su ${spec.range}: titolo massimo ${VALIDATION_TITLE_MAX} caratteri, testo massimo ${VALIDATION_MESSAGE_MAX}.`,
      );
    }
  }
}

/** Helper columns are hidden unless the description says otherwise. */
export function isHidden(column: ColumnSpec): boolean {
  return column.hidden ?? column.role === "helper";
}

/**
 * The rules of a sheet in the order they are added, by priority then description order: each
 * adapter sets a rule's priority to its rank here, so Excel's contiguous priorities keep it.
 */
export function orderedRules(rules: readonly ConditionalFormatSpec[]): ConditionalFormatSpec[] {
  return rules
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => a.rule.priority - b.rule.priority || a.index - b.index)
    .map((entry) => entry.rule);
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    const key = v.toLocaleUpperCase("it");
    if (seen.has(key)) dup.add(v);
    seen.add(key);
  }
  return [...dup];
}

export function checkDescription(wb: WorkbookDescription): void {
  const problems: string[] = [];
  for (const sheet of wb.sheets) {
    if (sheet.name.length === 0 || sheet.name.length > 31 || SHEET_NAME_FORBIDDEN.test(sheet.name)) {
      problems.push(`nome di foglio non valido «${sheet.name}»`);
    }
    for (const table of sheet.tables) {
      parseCell(table.topLeft);
      if (table.columns.length === 0) problems.push(`la tabella «${table.name}» non ha colonne`);
      const dupHeaders = duplicates(table.columns.map((c) => c.header));
      if (dupHeaders.length > 0) problems.push(`intestazioni ripetute in «${table.name}»: ${dupHeaders.join(", ")}`);
      if (table.columns.some((c) => c.header.trim() === "")) problems.push(`intestazione vuota in «${table.name}»`);
      table.rows.forEach((row, i) => {
        if (row.length !== table.columns.length) {
          problems.push(`la riga ${i + 1} di «${table.name}» ha ${row.length} celle invece di ${table.columns.length}`);
        }
      });
    }
    for (const range of sheet.ranges) {
      parseCell(range.topLeft);
      if (Array.isArray(range.numberFormat) && range.numberFormat.length !== range.rows.length) {
        problems.push(`formati numerici non allineati alle righe in ${sheet.name}!${range.topLeft}`);
      }
    }
    for (const validation of sheet.validations) {
      checkValidationTexts(validation);
      if (validation.type === "custom" && validation.formula.length > MAX_RULE_FORMULA) {
        problems.push(
          `formula di convalida di ${validation.formula.length} caratteri (massimo ${MAX_RULE_FORMULA}) in ${sheet.name}!${validation.range}`,
        );
      }
    }
    for (const rule of sheet.conditionalFormats) {
      if (rule.formula.length > MAX_RULE_FORMULA) {
        problems.push(
          `formula di formattazione condizionale di ${rule.formula.length} caratteri (massimo ${MAX_RULE_FORMULA}) in ${sheet.name}!${rule.range}`,
        );
      }
    }
  }
  const dupSheets = duplicates(wb.sheets.map((s) => s.name));
  if (dupSheets.length > 0) problems.push(`fogli ripetuti: ${dupSheets.join(", ")}`);
  const dupTables = duplicates(wb.sheets.flatMap((s) => s.tables.map((t) => t.name)));
  if (dupTables.length > 0) problems.push(`tabelle ripetute: ${dupTables.join(", ")}`);
  const dupNames = duplicates(wb.names.map((n) => n.name));
  if (dupNames.length > 0) problems.push(`nomi ripetuti: ${dupNames.join(", ")}`);
  if (problems.length > 0) throw new Error(`Descrizione del cruscotto non valida: ${problems.join("; ")}.`);
}
