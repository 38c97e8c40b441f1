// What every sheet of the workbook shares: protection, the empty parts, the compliance colours.
import { COMPLIANCE_STYLES } from "../format";
import { complianceRules } from "../formulas";
import type { ConditionalFormatSpec, ProtectionSpec, SheetSpec } from "../types";

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
