// Text copied out of a PDF viewer (select all, copy): one line per line of print, cells a single space
// apart, a cell's wrapped text on lines of its own. No columns survive, so rows are told by content:
// an indicator row opens with its weight and ends with its targets (as many as the header has years,
// a row with fewer has lost its last ones: nothing else can be known), labels run until the next label.
import { rowsToReaderText, startsWithLabel, type Row } from "./rows";

const HEADER = /^(Indicatori\b.*?)\s+((?:(?:Target|Anno)\s+\d{4}\s*)+)$/i;
const WEIGHT_OPENING = /^([+-]?\d{1,3}(?:[.,]\d+)?\s?%)\s+(.*)$/;
const OBJECTIVE = /^(\d{1,4})[.)]?\s+(\p{Lu}.*)$/u;
const LABELS =
  /(Ambito strategico(?:\s*\(AS\))?|Peso su AS|Risorse economiche|Prospettiva BSC|Missione|Programma)\s*:(?:\s*\(ex\s+D\.\s?M\.\s*[\d/]*\))?/gi;
/** One target at the end of a row's text; signed and unit-bearing ones, or bare numbers ("0"). */
const LAST_TARGET =
  /(?:^|\s)((?:>=|=>|<=|=<|≥|≤|=)\s*[+\-\u2212]?\d[\d.,]*(?:\s*(?:%|N\.|gg|h|€))?|[+\-\u2212]?\d[\d.,]*\s*(?:%|N\.|gg|h|€)|Entro\s+\d{1,2}[-/.]\d{1,2}[-/.]\d{4}|SI|NO|[+\-\u2212]?\d[\d.,]*)\s*$/i;

/** A text with no tabs whose indicator header lists its years a single space apart. */
export function looksLikeViewerCopy(text: string): boolean {
  return !/\t/.test(text) && text.split("\n").some((l) => HEADER.test(l.trim()) && !/ {2}/.test(l.trim()));
}

/** The targets at the end of a row's text, at most `years`, and what is left (weight and name). */
function peelTargets(text: string, years: number): { rest: string; targets: string[] } {
  const targets: string[] = [];
  let rest = text;
  let signed = false;
  while (targets.length < years) {
    const m = LAST_TARGET.exec(rest);
    if (!m) break;
    const bare = /^[+\-\u2212]?\d[\d.,]*$/.test(m[1]);
    // Once a row shows signed targets, a bare number before them is the name's ("DFP 3.3").
    if (bare && signed) break;
    signed ||= !bare;
    targets.unshift(m[1]);
    rest = rest.slice(0, m.index).trimEnd();
  }
  return { rest, targets };
}

/** "Peso su AS: 14,29% Risorse economiche: 283.500,00 €" → one row per label and its value. */
function labelRows(text: string): Row[] {
  const hits = [...text.matchAll(LABELS)];
  return hits.map((m, i) => {
    const end = i + 1 < hits.length ? hits[i + 1].index : text.length;
    return [m[0], text.slice(m.index + m[0].length, end).trim()];
  });
}

export function viewerCopyRows(text: string): Row[] {
  const rows: Row[] = [];
  let years = 0;
  let pending: { kind: "indicator" | "label" | "title"; parts: string[] } | null = null;

  const complete = (): boolean =>
    pending?.kind === "indicator" && peelTargets(pending.parts.join(" "), years).targets.length === years;
  const flush = (): void => {
    if (!pending) return;
    const joined = pending.parts.join(" ").replace(/(\S-) (?=\d)/g, "$1");
    if (pending.kind === "label") rows.push(...labelRows(joined));
    else if (pending.kind === "title") rows.push([joined]);
    else {
      const { rest, targets } = peelTargets(joined, years);
      const m = WEIGHT_OPENING.exec(rest);
      const cells = [...targets, ...Array<string>(years - targets.length).fill("")];
      rows.push(m ? [m[1], m[2], ...cells] : ["", rest, ...cells]);
    }
    pending = null;
  };

  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw
      .replace(/[\u00a0\u2007\u202f]/g, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (line === "") continue;
    const header = HEADER.exec(line);
    if (header) {
      flush();
      const targets = header[2].match(/(?:Target|Anno)\s+\d{4}/gi) ?? [];
      years = targets.length;
      rows.push(["", header[1], ...targets]);
      continue;
    }
    if (startsWithLabel(line)) {
      flush();
      if (years) rows.push([]);
      years = 0;
      pending = { kind: "label", parts: [line] };
      continue;
    }
    if (years > 0 && WEIGHT_OPENING.test(line)) {
      flush();
      pending = { kind: "indicator", parts: [line] };
      continue;
    }
    const objective = OBJECTIVE.exec(line);
    if (objective && (pending === null || pending.kind !== "indicator" || complete())) {
      flush();
      if (years) rows.push([]);
      years = 0;
      pending = { kind: "title", parts: [line] };
      continue;
    }
    if (pending && !(pending.kind === "indicator" && complete())) {
      pending.parts.push(line);
      continue;
    }
    flush();
    if (years) rows.push([]);
    years = 0;
    rows.push([line]);
  }
  flush();
  return rows;
}

export function viewerCopyToReaderText(text: string): string {
  return rowsToReaderText(viewerCopyRows(text));
}
