// Task pane entry: waits for Office, reads its UI language and theme (theme.ts), and renders the pane over
// the Office gateway. Nothing below this file touches Office directly.
import * as React from "react";
import { createRoot } from "react-dom/client";
import { TaskPane } from "./App";
import { langOf } from "./i18n";
import { createOfficeGateway } from "./officeGateway";
import { hostThemeSources, paneTheme } from "./theme";

/** Mark the first-render benchmark reads (navigation start → pane rendered). */
export const RENDERED_MARK = "pira-pane-rendered";

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
  const theme = paneTheme(hostThemeSources());
  document.documentElement.lang = lang;
  document.body.style.backgroundColor = theme.colorNeutralBackground1;
  createRoot(container).render(
    <Rendered>
      <TaskPane gateway={createOfficeGateway()} lang={lang} theme={theme} />
    </Rendered>,
  );
});
