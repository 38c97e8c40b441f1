// Whether the pane is narrow (Office's default task pane is 320 px wide; ≤ 400 px counts as narrow).
// There, one accordion opens at a time so the primary action stays near.
import * as React from "react";

export const NARROW_QUERY = "(max-width: 400px)";

function matches(): boolean {
  return typeof globalThis.matchMedia === "function" && globalThis.matchMedia(NARROW_QUERY).matches;
}

export function useNarrow(): boolean {
  const [narrow, setNarrow] = React.useState(matches);
  React.useEffect(() => {
    if (typeof globalThis.matchMedia !== "function") return undefined;
    const query = globalThis.matchMedia(NARROW_QUERY);
    const update = () => setNarrow(query.matches);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return narrow;
}
