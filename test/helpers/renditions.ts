// Other renditions of the sample plan, made from the hand-read fixture (expectedSample.ts): an HTML
// page per layout, which Chromium prints to PDF (scripts/make-renditions.ts, the bench). Years can be
// shifted (the same plan for 2024–2027), comparison signs typeset (≥ ≤), deadlines allowed to wrap
// inside their cells ("Entro 31-12-" / "2024"), and the sample repeated n times (the bench's 100×).
import { EXPECTED_OBJECTIVES, type ExpectedObjective } from "../domain/fixtures/expectedSample";

export const SAMPLE_TITLE = "All.1. 1 D CC 31.10.2023 Cruscotto obiettivi strategici PIRA";
export const SAMPLE_YEARS = [2023, 2024, 2025, 2026];

/** Area names of the sample, by code (the fixture holds only the codes). */
export const AREA_NAMES: Record<string, string> = {
  "011": "Utenti, imprese e territorio",
  "012": "Apprendimento, crescita e innovazione",
  "016": "Economico - Finanziaria",
  "032": "Processi interni",
};

export interface RenditionStyle {
  /** Years added to every year of the plan (headers and deadlines). */
  yearShift: number;
  /** "≥ 13 N." instead of ">= 13 N.". */
  typeset: boolean;
  /** A break opportunity after the last hyphen of a deadline, in narrow target columns. */
  wrapDeadlines: boolean;
  /** "Indicatori (100%)" heads weight and name together (one merged header cell). */
  mergedNameHeader: boolean;
  /** Targets centred in their cells (else left-aligned). */
  centred: boolean;
  fontFamily: string;
  /** Copies of the plan, one after another (objectives renumbered). */
  copies: number;
}

export const DEFAULT_STYLE: RenditionStyle = {
  yearShift: 0,
  typeset: false,
  wrapDeadlines: false,
  mergedNameHeader: false,
  centred: false,
  fontFamily: "DejaVu Sans, sans-serif",
  copies: 1,
};

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const percent = (n: number): string => `${n.toFixed(2).replace(".", ",")}%`;
const euro = (n: number): string => {
  const [whole, cents] = n.toFixed(2).split(".");
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ".")},${cents} €`;
};

/** A target as the rendition writes it (the same plan, other years and signs). */
export function renditionTarget(text: string, style: Pick<RenditionStyle, "yearShift" | "typeset">): string {
  let out = text.replace(/\b(20\d\d)\b/g, (y) => String(Number(y) + style.yearShift));
  if (style.typeset) out = out.replace(/>=\s*/g, "≥ ").replace(/<=\s*/g, "≤ ");
  return out;
}

function targetCell(text: string, style: RenditionStyle): string {
  const html = escapeHtml(renditionTarget(text, style));
  return style.wrapDeadlines ? html.replace(/^(Entro \d\d-\d\d-)/, "$1<wbr>") : html;
}

function objectiveHtml(o: ExpectedObjective, number: number, style: RenditionStyle): string {
  const years = SAMPLE_YEARS.map((y) => y + style.yearShift);
  const indicators = o.indicators
    .map(([, weight, common, name, targets]) => {
      const cells = targets
        .split(" | ")
        .map((t) => `<td class="t">${t.trim() ? targetCell(t.trim(), style) : ""}</td>`);
      return `<tr><td class="w">${percent(weight)}</td><td class="n">${escapeHtml(name)}${common ? " (OC)" : ""}</td>${cells.join("")}</tr>`;
    })
    .join("\n");
  const nameHeader = style.mergedNameHeader
    ? `<th colspan="2" class="n">Indicatori (100%)</th>`
    : `<th class="w"></th><th class="n">Indicatori (100%)</th>`;
  return `<section>
<table class="bar"><tr><td class="num">${number}</td><td>${escapeHtml(o.title)}</td></tr></table>
<table class="grid">
<tr><th>Ambito strategico (AS):</th><td colspan="3">${o.area} - ${escapeHtml(AREA_NAMES[o.area])}</td></tr>
<tr><th>Peso su AS:</th><td>${percent(o.weightOnArea)}</td><th>Risorse economiche:</th><td>${o.resources === null ? "" : euro(o.resources)}</td></tr>
<tr><th>Prospettiva BSC:</th><td colspan="3">${escapeHtml(o.perspective)}</td></tr>
<tr><th>Missione: (ex D.M. 27/03/13)</th><td colspan="3">${escapeHtml(o.mission)}</td></tr>
<tr><th>Programma: (ex D.M. 27/03/13)</th><td colspan="3">${escapeHtml(o.programme)}</td></tr>
</table>
<table class="ind"><thead><tr>${nameHeader}${years.map((y) => `<th class="t">Target ${y}</th>`).join("")}</tr></thead>
<tbody>
${indicators}
</tbody></table>
</section>`;
}

/** The whole plan as one HTML page, for Chromium to print. */
export function renditionHtml(partial: Partial<RenditionStyle> = {}, targetWidth = "22mm"): string {
  const style = { ...DEFAULT_STYLE, ...partial };
  const sections: string[] = [];
  for (let copy = 0; copy < style.copies; copy++) {
    EXPECTED_OBJECTIVES.forEach((o, i) =>
      sections.push(objectiveHtml(o, copy * EXPECTED_OBJECTIVES.length + i + 1, style)),
    );
  }
  const title = SAMPLE_TITLE.replace(/\b(20\d\d)\b/g, (y) => String(Number(y) + style.yearShift));
  return `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>
body { font-family: ${style.fontFamily}; font-size: 9pt; margin: 0; }
h1 { font-size: 12pt; margin: 0 0 8pt; }
section { margin-bottom: 14pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 4pt; }
td, th { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: middle; text-align: left; font-weight: normal; }
.bar td { background: #1f4e79; color: #fff; font-weight: bold; }
.bar .num { width: 10mm; }
.grid th { width: 45mm; font-weight: bold; }
.ind .w { width: 14mm; text-align: right; }
.ind .t { width: ${targetWidth}; text-align: ${style.centred ? "center" : "left"}; }
.ind thead th { font-weight: bold; background: #dde6f0; }
tr { break-inside: avoid; }
</style></head><body>
<h1>${escapeHtml(title)}</h1>
${sections.join("\n")}
<p>Documento allegato alla deliberazione del Consiglio camerale.</p>
</body></html>`;
}
