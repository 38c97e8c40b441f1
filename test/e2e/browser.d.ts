// Types of browser.js for the TypeScript benchmark that reuses it.
import type { Browser, BrowserContext, Page } from "playwright-core";

export const ROOT: string;
export function buildAddin(mode: "development" | "production"): Promise<string>;
export function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }>;
export function fakeExcelBundle(): string;
export function officeHostScript(
  fakeBundle: string,
  options?: { displayLanguage?: string; bodyBackgroundColor?: string },
): string;
export function launch(): Promise<Browser>;
export function openPane(
  browser: Browser,
  baseUrl: string,
  hostScript: string,
  viewport?: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }>;
export function chromiumPath(): string;
