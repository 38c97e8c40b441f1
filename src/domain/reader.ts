// The reader's public entry points, where callers have always imported them; the pipeline itself
// is in ./reader/ (rules, classify, assemble, checks, messages).
export * from "./reader/index";
