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
}

export function ErrorBar({ title, message, alert = false }: ErrorBarProps): React.JSX.Element {
  return (
    <MessageBar intent="error" layout="multiline" role={alert ? "alert" : undefined}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
