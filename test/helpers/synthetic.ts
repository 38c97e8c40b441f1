// A synthetic cruscotto N times the sample: every objective block repeated with new objective
// numbers and new area codes (so each area's "Peso su AS" still sums to 100 %).
import { sampleText } from "./sample";

// An objective header opens with its bold number ("**3**", "**1 Sem…", "<b>5</b>"); a bold weight
// such as "<b>33,33%</b>" does not: the number must end the bold or be followed by a space.
const HEADER = /^(\*\*|<b>)(\d+)(?=\*\*|<\/b>|\s)/;
const AREA = /^(\s*(?:<b>)?)(\d{3})( - )/;

export function syntheticCruscotto(times: number, text = sampleText()): string {
  const lines = text.split("\n");
  const preamble: string[] = [];
  const blocks: string[][] = [];
  for (const line of lines) {
    if (HEADER.test(line)) blocks.push([line]);
    else if (blocks.length === 0) preamble.push(line);
    else blocks[blocks.length - 1].push(line);
  }
  const areaCodes = [...new Set(lines.map((l) => AREA.exec(l)?.[2]).filter((c): c is string => !!c))];
  const out = [...preamble];
  let number = 0;
  for (let k = 0; k < times; k++) {
    for (const block of blocks) {
      number++;
      for (const line of block) {
        out.push(
          line
            .replace(HEADER, (_m, open: string) => `${open}${number}`)
            .replace(AREA, (_m, lead: string, code: string, sep: string) =>
              times === 1 ? `${lead}${code}${sep}` : `${lead}${1000 + k * 10 + areaCodes.indexOf(code)}${sep}`,
            ),
        );
      }
    }
  }
  return out.join("\n");
}
