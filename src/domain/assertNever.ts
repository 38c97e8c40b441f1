// Exhaustiveness: a switch over a union ends in assertNever, so a new member makes the compiler
// name every switch that does not handle it yet.

/** Unreachable for well-typed input; `fail` builds the error for data that escaped the types. */
export function assertNever(value: never, fail?: (value: unknown) => Error): never {
  throw fail ? fail(value) : new Error(`Caso non previsto: ${JSON.stringify(value)}.`);
}
