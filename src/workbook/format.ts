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

/**
 * The font of every cell written. Arial is on every Excel host, and LibreOffice draws it with
 * Liberation Sans, which has the same metrics: text wraps and fits alike in both. (Calibri needs
 * Carlito, which most Linux desktops lack, and unnamed bold cells fell back to a serif.) At 10 pt
 * its widest digit is 7 px, the unit of the descriptions' column widths.
 */
export const FONT = { name: "Arial", size: 10 } as const;

/** Cells users type in (consuntivi, notes, editable settings): light yellow with a thin border. */
export const INPUT_STYLE = { fill: "#FFF2CC", border: "#BF9000" } as const;

/** Thin borders of report tables. */
export const BORDER_COLOUR = "#A6A6A6";
