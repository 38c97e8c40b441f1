// Problem lists the CLI prints (CSV consuntivi, document diagnostics, workbook cells): capped, with
// the values they echo from user files cut to a readable length and control characters escaped, so
// a hostile or broken file gives a short, readable terminal and never rewrites it.
export const MAX_LISTED_PROBLEMS = 20;
export const MAX_ECHOED_CHARS = 60;
/** A whole message longer than this is cut too (an id or value echoed outside quotes). */
const MAX_LINE_CHARS = 300;

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** Control characters (and bidirectional overrides) as visible escapes: "a\tb" → "a\\tb". */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A value from a user file as the terminal shows it: escaped, at most `max` characters ("…" when cut). */
export function printableValue(text: string, max = MAX_ECHOED_CHARS): string {
  const escaped = escapeControls(text);
  const chars = [...escaped];
  return chars.length <= max ? escaped : `${chars.slice(0, max - 1).join("")}…`;
}

/** A message naming values «like this» or "like this": each quoted value and the whole line made printable. */
export function printableMessage(message: string): string {
  const quoted = message.replace(/«([^»]*)»|"([^"]*)"/g, (whole, guillemets?: string, plain?: string) =>
    guillemets !== undefined ? `«${printableValue(guillemets)}»` : `"${printableValue(plain ?? "")}"`,
  );
  return printableValue(quoted, MAX_LINE_CHARS);
}

/** "1 problema", "3 problemi": a count with its noun. */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The first MAX_LISTED_PROBLEMS lines, then "… e altri N problemi" for the rest. */
export function cappedList(lines: readonly string[], max = MAX_LISTED_PROBLEMS): string[] {
  if (lines.length <= max) return [...lines];
  const rest = lines.length - max;
  return [...lines.slice(0, max), `… e altri ${counted(rest, "problema", "problemi")}`];
}
