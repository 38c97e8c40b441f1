// Custom functions of the PIRA namespace: filled in by the scoring issue.
export {};
