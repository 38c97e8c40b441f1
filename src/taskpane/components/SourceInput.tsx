// Where the cruscotto comes in: a text box to paste into, a file picker and a drop zone (PDF, Word,
// .txt/.md, told apart by content; see state/sourceReader.ts).
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { ENCODING_LABELS } from "../../domain/encoding";
import { SourceError } from "../../domain/sources/document";
import { useI18n } from "../i18n";
import { createSourceReader, type SourceReader } from "../state/sourceReader";

const useStyles = makeStyles({
  zone: {
    position: "relative",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  textarea: {
    width: "100%",
    "& textarea": { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, minHeight: "120px" },
  },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  dropOverlay: {
    position: "absolute",
    inset: 0,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackgroundAlpha2,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightSemibold,
    pointerEvents: "none",
  },
  hiddenInput: { display: "none" },
});

/** One reader for the pane: its worker starts on the first PDF or Word file opened. */
let sharedReader: SourceReader | null = null;

export interface SourceInputProps {
  /** Reads an opened file (default: the parse worker for PDF and Word, the page for texts). */
  readFile?: SourceReader;
  text: string;
  onTextChange: (text: string) => void;
  /** A line for the live region: file read, rejected or unreadable. */
  onNotice: (message: string) => void;
  disabled?: boolean;
  /** The text box, for selecting a line from elsewhere (selectLine). */
  textareaRef?: React.Ref<HTMLTextAreaElement>;
}

/** Focuses the text box and selects its line `line` (1-based), scrolled into view. */
export function selectLine(textarea: HTMLTextAreaElement | null, line: number): void {
  if (!textarea) return;
  const lines = textarea.value.split("\n");
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  let start = 0;
  for (let i = 0; i < index; i++) start += lines[i].length + 1;
  textarea.focus();
  textarea.setSelectionRange(start, start + lines[index].length);
  const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 16;
  textarea.scrollTop = Math.max(0, index * lineHeight - textarea.clientHeight / 2);
}

export function SourceInput(props: SourceInputProps): React.JSX.Element {
  const { text, onTextChange, onNotice, disabled, readFile, textareaRef } = props;
  const styles = useStyles();
  const { t } = useI18n();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);

  const load = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      const read = readFile ?? (sharedReader ??= createSourceReader());
      const reading = await read(file);
      onTextChange(reading.text);
      onNotice(
        reading.kind === "text"
          ? t.source.fileLoaded(file.name, reading.encoding === "utf-8" ? null : ENCODING_LABELS[reading.encoding])
          : t.source.fileLoadedAs(file.name, reading.summary),
      );
    } catch (error) {
      onNotice(
        error instanceof SourceError
          ? t.source.fileRefused(file.name, error.message)
          : t.source.fileUnreadable(file.name),
      );
    }
  };

  return (
    <div
      className={styles.zone}
      onDragOver={(e) => {
        if (disabled || !e.dataTransfer.types.includes("Files")) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = "copy";
        setDragging(true);
      }}
      onDragLeave={(e) => {
        // Leaving for a child element is not leaving the zone.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(e) => {
        if (disabled) return;
        e.preventDefault();
        setDragging(false);
        void load(e.dataTransfer.files[0]);
      }}
      data-testid="source-drop-zone"
    >
      <Field label={t.source.label} hint={t.source.hint}>
        <Textarea
          className={styles.textarea}
          value={text}
          onChange={(_e, data) => onTextChange(data.value)}
          onPaste={(e) => {
            // A pasted document goes in through the DOM in one step (setRangeText), not key by key
            // through the editor: a 1.4 MB paste then costs one input, and a synthetic paste
            // event (the benchmark's) behaves as a real one.
            const pasted = e.clipboardData.getData("text/plain");
            if (pasted === "") return;
            e.preventDefault();
            const box = e.currentTarget;
            box.setRangeText(pasted, box.selectionStart, box.selectionEnd, "end");
            onTextChange(box.value);
          }}
          placeholder={t.source.placeholder}
          resize="vertical"
          rows={6}
          spellCheck={false}
          textarea={{ ref: textareaRef }}
          disabled={disabled}
        />
      </Field>
      <div className={styles.actions}>
        <Button onClick={() => fileInput.current?.click()} disabled={disabled}>
          {t.source.open}
        </Button>
        <Button appearance="subtle" onClick={() => onTextChange("")} disabled={disabled || text === ""}>
          {t.source.clear}
        </Button>
        <input
          ref={fileInput}
          className={styles.hiddenInput}
          type="file"
          accept=".pdf,.docx,.txt,.md,.markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
          aria-label={t.source.open}
          tabIndex={-1}
          onChange={(e) => {
            void load(e.target.files?.[0]);
            // The same file can be chosen again after editing it.
            e.target.value = "";
          }}
        />
      </div>
      {dragging && (
        <div className={styles.dropOverlay} aria-hidden="true">
          {t.source.dropHere}
        </div>
      )}
    </div>
  );
}
