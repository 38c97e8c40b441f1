// Italian number notation: decimal comma, thousands dot ("1.600", "283.500,00", "-9,90").
// An English decimal point is accepted when it cannot be a thousands separator ("3.5").

const NUMBER_RE = /^[+\-\u2212]?(?:[1-9]\d{0,2}(?:\.\d{3})+|\d+)?(?:[,.]\d+)?$/;

/** Parses a number written the Italian way (or the English way when unambiguous); null when it is not one. */
export function parseItalianNumber(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0']/g, "").replace(/\u2212/g, "-");
  if (s === "" || !NUMBER_RE.test(s) || !/\d/.test(s)) return null;
  let normalised: string;
  if (s.includes(",")) {
    normalised = s.replace(/\./g, "").replace(",", ".");
  } else if (/^[+-]?[1-9]\d{0,2}(\.\d{3})+$/.test(s)) {
    // "1.600" is one thousand six hundred in an Italian document.
    normalised = s.replace(/\./g, "");
  } else {
    normalised = s;
  }
  const n = Number(normalised);
  return Number.isFinite(n) ? n : null;
}

/** Formats a number the Italian way with the given decimals ("14,29", "283.500,00"). */
export function formatItalianNumber(n: number, decimals = 2): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return (n < 0 && Number(fixed) !== 0 ? "-" : "") + grouped + (frac ? "," + frac : "");
}

/**
 * A percent as written → Excel's fraction (14,30 % → 0.143). A bare division leaves float noise
 * (14.3 / 100 = 0.14300000000000002), and an actual typed as 14,3 % would then miss its target
 * by 2e-17; 15 significant digits is what Excel keeps.
 */
export function percentToFraction(percent: number): number {
  return Number((percent / 100).toPrecision(15));
}
