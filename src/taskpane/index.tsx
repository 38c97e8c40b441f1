// Task pane entry: waits for Office, reads its UI language and theme, and renders the pane over
// the Office gateway. Nothing below this file touches Office directly.
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { TaskPane } from "./App";
import { langOf } from "./i18n";
import { createOfficeGateway } from "./officeGateway";

/** Mark the first-render benchmark reads (navigation start → pane rendered). */
export const RENDERED_MARK = "pira-pane-rendered";

/** Dark when Office's task-pane background is dark ("#262626" in the dark and black themes). */
export function isDarkBackground(color: string | undefined | null): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec((color ?? "").trim());
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

function officeTheme(): Theme {
  let background: string | undefined;
  try {
    background = Office.context.officeTheme?.bodyBackgroundColor;
  } catch {
    // officeTheme is missing on some hosts (and throws outside Office): the light theme is right there.
  }
  return isDarkBackground(background) ? webDarkTheme : webLightTheme;
}

function Rendered({ children }: { children: React.ReactNode }): React.JSX.Element {
  React.useEffect(() => {
    performance.mark(RENDERED_MARK);
  }, []);
  return <>{children}</>;
}

Office.onReady(() => {
  const container = document.getElementById("root");
  if (!container) return;
  const lang = langOf(Office.context?.displayLanguage);
  const theme = officeTheme();
  document.documentElement.lang = lang;
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  createRoot(container).render(
    <Rendered>
      <TaskPane gateway={createOfficeGateway()} lang={lang} theme={theme} />
    </Rendered>,
  );
});
