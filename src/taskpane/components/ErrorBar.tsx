// The one way the pane shows an error: what failed (the title, in the pane's language) and why
// (the adapter's message), as a multi-line error bar.
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import * as React from "react";

export interface ErrorBarProps {
  /** What failed: "Importazione non riuscita". */
  title: string;
  /** Why, for the user: usually errorMessage(e). */
  message: string;
  /** Announce at once: for errors that appear outside a live region (on opening the pane). */
  alert?: boolean;
  /** Take the focus when it appears: the error follows the action that failed (its button may be gone). */
  focus?: boolean;
}

export function ErrorBar({ title, message, alert = false, focus = false }: ErrorBarProps): React.JSX.Element {
  const bar = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (focus) bar.current?.focus();
  }, [focus]);
  return (
    <MessageBar
      ref={bar}
      intent="error"
      layout="multiline"
      role={alert ? "alert" : undefined}
      tabIndex={focus ? -1 : undefined}
    >
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
