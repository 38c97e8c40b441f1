// The top of «Importa» and «Aggiorna piano»: the document's text box and file picker, and the line
// that says what happened to an opened file. (The errors of the views' actions show by their
// outcome, next to the footer, and take the focus there.)
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { SourceInput } from "./SourceInput";

const useStyles = makeStyles({
  block: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  notice: { color: tokens.colorNeutralForeground2, minHeight: "1em", margin: 0 },
});

export interface DocumentInputProps {
  text: string;
  onTextChange: (text: string) => void;
  disabled?: boolean;
  /** The text box, for selecting a diagnostic's line (selectLine). */
  textareaRef: React.RefObject<HTMLTextAreaElement | null>;
}

export function DocumentInput({ text, onTextChange, disabled, textareaRef }: DocumentInputProps): React.JSX.Element {
  const styles = useStyles();
  const [notice, setNotice] = React.useState("");
  const onChange = React.useCallback(
    (next: string) => {
      onTextChange(next);
      // «Svuota» disables itself: the focus it held would fall to the page; the text box is where
      // the user goes next.
      if (next === "") {
        requestAnimationFrame(() => {
          const active = document.activeElement;
          if (active === null || active === document.body || (active as HTMLButtonElement).disabled) {
            textareaRef.current?.focus();
          }
        });
      }
    },
    [onTextChange, textareaRef],
  );
  return (
    <div className={styles.block}>
      <SourceInput
        text={text}
        onTextChange={onChange}
        onNotice={setNotice}
        disabled={disabled}
        textareaRef={textareaRef}
      />
      <Caption1 className={styles.notice} role="status" aria-live="polite" as="p">
        {notice}
      </Caption1>
    </div>
  );
}
