// What the pane shows for whatever a gateway call threw: the adapter's own sentence (Italian,
// for the user), never "[object Object]" and never a stack.

/** The message of whatever an adapter threw; Office errors carry theirs in `message` too. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}
