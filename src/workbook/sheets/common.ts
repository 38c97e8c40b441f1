// What every sheet of the workbook shares: protection, the empty parts, the compliance colours.
import { COMPLIANCE_STYLES } from "../format";
import { complianceRules } from "../formulas";
import type { CellSpec, ConditionalFormatSpec, ProtectionSpec, SheetSpec } from "../types";

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
