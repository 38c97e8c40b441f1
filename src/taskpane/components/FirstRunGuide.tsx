// A short guide on the first opening: what to paste or open, and what happens next. Closing it
// is remembered in localStorage (where the host allows storage; otherwise it shows again).
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";
import { useI18n } from "../i18n";

export const GUIDE_KEY = "pira.guide.dismissed";

function dismissed(): boolean {
  try {
    return globalThis.localStorage?.getItem(GUIDE_KEY) === "1";
  } catch {
    return false;
  }
}

/** `onClose`: where the focus goes once the guide (and its button) is gone. */
export function FirstRunGuide({ onClose }: { onClose?: () => void }): React.JSX.Element | null {
  const { t } = useI18n();
  const [open, setOpen] = React.useState(() => !dismissed());
  if (!open) return null;
  const close = () => {
    try {
      globalThis.localStorage?.setItem(GUIDE_KEY, "1");
    } catch {
      // Storage refused (private mode): the guide simply shows again next time.
    }
    setOpen(false);
    onClose?.();
  };
  return (
    <MessageBar intent="info" layout="multiline" data-testid="first-run-guide">
      <MessageBarBody>
        <MessageBarTitle>{t.guide.title}</MessageBarTitle>
        <ol style={{ margin: 0, paddingInlineStart: "1.2em" }}>
          {t.guide.steps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={close}>{t.guide.close}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
