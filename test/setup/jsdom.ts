// jsdom lacks what Fluent UI v9 components use.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
// jsdom has no TextDecoder/TextEncoder (every browser the pane runs in has them): Node's stand in.
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";
const encodingGlobals = globalThis as unknown as { TextDecoder?: unknown; TextEncoder?: unknown };
encodingGlobals.TextDecoder ??= NodeTextDecoder;
encodingGlobals.TextEncoder ??= NodeTextEncoder;
