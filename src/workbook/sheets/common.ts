// What every sheet of the workbook shares: protection, the empty parts, the compliance colours.
import { cellAddress } from "../address";
import { COMPLIANCE_STYLES } from "../format";
import { complianceRules } from "../formulas";
import { NAMES } from "../layout";
import type { CellSpec, ConditionalFormatSpec, FillStyle, ProtectionSpec, RangeSpec, SheetSpec } from "../types";

function protection(): ProtectionSpec {
  // No password by default: protection guards against slips, it is not a secret.
  return { protect: true, password: "", allowAutoFilter: true, allowSort: false, allowFormatColumns: true };
}

export function sheet(name: string, parts: Partial<SheetSpec>): SheetSpec {
  return {
    name,
    tables: [],
    ranges: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    protection: protection(),
    ...parts,
  };
}

/** Green, amber and red rules over `range`, driven by the score cell of its first row. */
export function complianceFormats(range: string, scoreCell: string, basePriority: number): ConditionalFormatSpec[] {
  const rules = complianceRules(scoreCell);
  return (["green", "amber", "red"] as const).map((meaning, i) => ({
    range,
    formula: rules[meaning],
    style: COMPLIANCE_STYLES[meaning],
    priority: basePriority + i,
    stopIfTrue: true,
    meaning,
  }));
}

/**
 * A record's fields as a table row, each at the column its layout map gives (field → index). An
 * empty text is an empty cell, as both adapters write nothing for it.
 */
export function rowOf<K extends string>(
  record: Readonly<Record<K, CellSpec>>,
  columns: Readonly<Record<K, number>>,
  width: number,
): CellSpec[] {
  const cells = new Array<CellSpec>(width).fill(null);
  for (const key of Object.keys(columns) as K[]) {
    const value = record[key];
    cells[columns[key]] = value === "" ? null : value;
  }
  return cells;
}

const percent = (name: string) => `TEXT(${name},"0%")`;

/** The profile in force and its thresholds, as one line (live: it follows the Impostazioni cells). */
export function profileLine(): string {
  return (
    `="Profilo delle soglie: "&${NAMES.profile}&" – Raggiunto da "&${percent(NAMES.green)}&` +
    `", Parzialmente raggiunto da "&${percent(NAMES.amber)}`
  );
}

/**
 * The legend of the compliance colours, from (0-based) `row` in `column`: a title, then one cell
 * per band in the band's colour with its status and its threshold (live), then "n.d.".
 */
export function legendRanges(row: number, column: number): RangeSpec[] {
  const green = percent(NAMES.green);
  const amber = percent(NAMES.amber);
  const bands: { text: string; style?: FillStyle }[] = [
    { text: `="Raggiunto: grado di raggiungimento da "&${green}`, style: COMPLIANCE_STYLES.green },
    { text: `="Parzialmente raggiunto: da "&${amber}&" a meno di "&${green}`, style: COMPLIANCE_STYLES.amber },
    { text: `="Non raggiunto: sotto "&${amber}`, style: COMPLIANCE_STYLES.red },
    { text: `="n.d.: consuntivo non inserito (non conta come 0)"` },
  ];
  return [
    { topLeft: cellAddress(row, column), rows: [["Legenda"]], bold: true },
    ...bands.map((band, i): RangeSpec => ({
      topLeft: cellAddress(row + 1 + i, column),
      rows: [[{ formula: band.text }]],
      border: true,
      ...(band.style ? { fill: band.style.fill, fontColor: band.style.font } : {}),
    })),
  ];
}

/** Rows legendRanges takes. */
export const LEGEND_ROWS = 5;
