// Number formats and fills of the workbook the import makes (Excel's format codes).
import type { FillStyle } from "./types";

export const FORMAT = {
  text: "@",
  percent: "0.00%",
  coverage: "0%",
  integer: "0",
  general: "General",
  date: "dd/mm/yyyy",
  euro: '#,##0.00 "€"',
} as const;

export const COMPLIANCE_STYLES: Record<"green" | "amber" | "red", FillStyle> = {
  green: { fill: "#C6EFCE", font: "#006100" },
  amber: { fill: "#FFEB9C", font: "#9C5700" },
  red: { fill: "#FFC7CE", font: "#9C0006" },
};
