// Parses the pasted text off the input event: the text box updates at once, the parse runs after a
// short pause in typing and inside a transition, so a pasted 100× plan (≈ 0.3 s to read) never
// blocks keystrokes and the old preview stays on screen until the new one is ready.
import { useEffect, useMemo, useState, useTransition } from "react";
import type { Plan } from "../../domain/model";
import { readCruscotto } from "../../domain/reader";

export const PARSE_DELAY_MS = 200;

export interface PlanPreview {
  plan: Plan | null;
  /** True while the text shown differs from the text the preview was made from. */
  pending: boolean;
}

export function usePlanPreview(text: string, delayMs = PARSE_DELAY_MS): PlanPreview {
  const [parsedText, setParsedText] = useState(text);
  const [inTransition, startTransition] = useTransition();

  useEffect(() => {
    if (text === parsedText) return undefined;
    // Emptying the box clears the preview at once; there is nothing to parse.
    if (text.trim() === "") {
      setParsedText(text);
      return undefined;
    }
    const timer = setTimeout(() => startTransition(() => setParsedText(text)), delayMs);
    return () => clearTimeout(timer);
  }, [text, parsedText, delayMs]);

  const plan = useMemo(() => (parsedText.trim() === "" ? null : readCruscotto(parsedText)), [parsedText]);
  return { plan, pending: inTransition || text !== parsedText };
}
