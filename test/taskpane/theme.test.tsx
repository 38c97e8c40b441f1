// The pane follows Office's theme where Office reports one, and the system's light or dark
// preference where it does not (Excel on the web leaves Office.context.officeTheme undefined).
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { hostThemeSources, isDarkBackground, paneTheme } from "../../src/taskpane/theme";

function prefersDark(dark: boolean) {
  return (query: string) => ({ matches: dark && query === "(prefers-color-scheme: dark)" });
}

test.each([
  ["Office dark (desktop)", { bodyBackgroundColor: "#262626" }, false, webDarkTheme],
  ["Office light (desktop), even with a dark system", { bodyBackgroundColor: "#FFFFFF" }, true, webLightTheme],
  ["no officeTheme (the web), system dark", undefined, true, webDarkTheme],
  ["no officeTheme (the web), system light", undefined, false, webLightTheme],
  ["an officeTheme without a background, system dark", {}, true, webDarkTheme],
])("%s", (_name, officeTheme, dark, expected) => {
  expect(paneTheme({ officeTheme, matchMedia: prefersDark(dark) })).toBe(expected);
});

test("without matchMedia or officeTheme the pane is light", () => {
  expect(paneTheme({ officeTheme: undefined, matchMedia: undefined })).toBe(webLightTheme);
});

test("the page's sources: jsdom's matchMedia answering dark, and Office without officeTheme", () => {
  (globalThis as unknown as { Office: unknown }).Office = { context: {} };
  const original = window.matchMedia;
  window.matchMedia = ((query: string) => ({ ...original(query), matches: /dark/.test(query) })) as typeof original;
  try {
    expect(paneTheme(hostThemeSources())).toBe(webDarkTheme);
  } finally {
    window.matchMedia = original;
  }
});

test("dark backgrounds by luminance", () => {
  expect(["#262626", "#000000", "1f1f1f"].map(isDarkBackground)).toEqual([true, true, true]);
  expect(["#ffffff", "#F3F2F1", "", null, "red"].map(isDarkBackground)).toEqual([false, false, false, false, false]);
});
