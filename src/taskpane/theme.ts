// The pane's theme: Office's own where the host reports it, else the system's preference.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";

/** Dark when Office's task-pane background is dark ("#262626" in the dark and black themes). */
export function isDarkBackground(color: string | undefined | null): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? "").trim());
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** What the host tells: Office.context.officeTheme (undefined in Excel on the web) and matchMedia. */
export interface ThemeSources {
  officeTheme: { bodyBackgroundColor?: string } | undefined;
  matchMedia: ((query: string) => { matches: boolean }) | undefined;
}

/**
 * Office's theme from its task-pane background where Office gives one (desktop); where it does not
 * (Excel on the web leaves officeTheme undefined), the browser's prefers-color-scheme.
 */
export function paneTheme({ officeTheme, matchMedia }: ThemeSources): Theme {
  const background = officeTheme?.bodyBackgroundColor;
  if (background) return isDarkBackground(background) ? webDarkTheme : webLightTheme;
  return matchMedia?.("(prefers-color-scheme: dark)").matches ? webDarkTheme : webLightTheme;
}

/** The sources of this page: Office's theme (it throws outside Office) and the window's matchMedia. */
export function hostThemeSources(): ThemeSources {
  let officeTheme: ThemeSources["officeTheme"];
  try {
    officeTheme = Office.context.officeTheme;
  } catch {
    officeTheme = undefined;
  }
  const matchMedia = typeof window.matchMedia === "function" ? window.matchMedia.bind(window) : undefined;
  return { officeTheme, matchMedia };
}
