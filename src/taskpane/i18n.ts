// The pane's words. Italian is the product language; English is shown only when Office's UI
// language is English. Messages coming from the domain and the Excel adapter stay Italian.
import { createContext, useContext } from "react";
import { formatItalianNumber } from "../domain/numbers";
import { en } from "./strings/en";
import { it, type Strings } from "./strings/it";

export type { Strings };

export type Lang = "it" | "en";

/** Office's display language ("it-IT", "en-US", …) → the pane's language. */
export function langOf(displayLanguage: string | undefined | null): Lang {
  return /^en\b/i.test(displayLanguage ?? "") ? "en" : "it";
}

export const STRINGS: Record<Lang, Strings> = { it, en };

export interface I18n {
  lang: Lang;
  t: Strings;
  /** A 0..1 score as a percentage with one decimal ("82,5%"). */
  percent(score: number): string;
  /** A weight written as a percentage in the document ("14,29%"). */
  weight(percent: number): string;
  /** An ISO date "2023-10-31" as the language writes it. */
  date(iso: string): string;
}

export function makeI18n(lang: Lang): I18n {
  const number = (n: number, decimals: number): string =>
    lang === "it"
      ? formatItalianNumber(n, decimals)
      : n.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  return {
    lang,
    t: STRINGS[lang],
    percent: (score) => `${number(score * 100, 1)}%`,
    weight: (percent) => `${number(percent, 2)}%`,
    date: (iso) => {
      const [y, m, d] = iso.split("-");
      return lang === "it" ? `${d}/${m}/${y}` : `${y}-${m}-${d}`;
    },
  };
}

export const I18nContext = createContext<I18n>(makeI18n("it"));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
