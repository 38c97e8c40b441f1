// Parses the pasted text off the input event: the text box updates at once, the parse starts
// after a short pause in typing and runs in a Web Worker (see planParser.ts), so a pasted 100×
// plan never blocks the pane; the old preview stays on screen until the new one is ready.
import { useEffect, useRef, useState } from "react";
import type { Plan } from "../../domain/model";
import { createPlanParser, type PlanParser } from "./planParser";

export const PARSE_DELAY_MS = 200;

export interface PlanPreview {
  plan: Plan | null;
  /** True while the text shown differs from the text the preview was made from. */
  pending: boolean;
}

export function usePlanPreview(text: string, delayMs = PARSE_DELAY_MS, parser?: PlanParser): PlanPreview {
  const parse = useRef<PlanParser | null>(parser ?? null);
  const [parsed, setParsed] = useState<{ text: string; plan: Plan | null }>({ text: "", plan: null });

  useEffect(() => {
    if (text === parsed.text) return undefined;
    // Emptying the box clears the preview at once; there is nothing to parse.
    if (text.trim() === "") {
      setParsed({ text, plan: null });
      return undefined;
    }
    let current = true;
    const timer = setTimeout(() => {
      parse.current ??= createPlanParser();
      void parse.current(text).then((plan) => {
        // A newer text may have arrived meanwhile: only the latest parse lands.
        if (current) setParsed({ text, plan });
      });
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, parsed.text, delayMs]);

  return { plan: parsed.plan, pending: text !== parsed.text };
}
