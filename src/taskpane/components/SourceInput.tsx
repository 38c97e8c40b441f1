// Where the cruscotto comes in: a text box to paste into, a file picker and a drop zone (PDF, Word,
// .txt/.md, told apart by content; see state/sourceReader.ts). A text too long for a text box
// (Chromium lays out all of a textarea's text at once: about a second for a 100× plan's 1.4 MB)
// is shown read-only in blocks of lines that are laid out only when scrolled into view.
import { Button, Caption1, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
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
  view: {
    maxHeight: "240px",
    overflowY: "auto",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  block: { whiteSpace: "pre-wrap", overflowWrap: "anywhere", contentVisibility: "auto" },
});

/** Above this many characters the text is shown in the read-only view (the sample has ~15,000). */
export const LARGE_TEXT_CHARS = 200_000;
/** Lines per block of the read-only view: each block is laid out only when it comes into view. */
export const VIEW_BLOCK_LINES = 100;
/** The read-only view's line height in px (tokens.lineHeightBase200), for blocks not laid out yet. */
const VIEW_LINE_PX = 16;

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

/**
 * Focuses the text box and selects its line `line` (1-based), scrolled into view. A long text has
 * no text box: then the line is selected in the read-only view shown instead (one at a time).
 */
export function selectLine(textarea: HTMLTextAreaElement | null, line: number): void {
  if (!textarea || !textarea.isConnected) {
    const view = document.querySelector<HTMLElement>("[data-source-view]");
    if (view) selectViewLine(view, line);
    return;
  }
  const lines = textarea.value.split("\n");
  const index = Math.min(Math.max(line, 1), lines.length) - 1;
  let start = 0;
  for (let i = 0; i < index; i++) start += lines[i].length + 1;
  textarea.focus();
  textarea.setSelectionRange(start, start + lines[index].length);
  const lineHeight = Number.parseFloat(getComputedStyle(textarea).lineHeight) || 16;
  textarea.scrollTop = Math.max(0, index * lineHeight - textarea.clientHeight / 2);
}

/** Selects line `line` (1-based) of the read-only view: its block is laid out, the line centred. */
function selectViewLine(view: HTMLElement, line: number): void {
  const blocks = view.children;
  if (blocks.length === 0) return;
  const blockIndex = Math.min(Math.floor((Math.max(line, 1) - 1) / VIEW_BLOCK_LINES), blocks.length - 1);
  const node = blocks[blockIndex].firstChild;
  if (!node || node.nodeType !== Node.TEXT_NODE) return;
  const lines = (node.textContent ?? "").split("\n");
  const index = Math.min(Math.max(line, 1) - 1 - blockIndex * VIEW_BLOCK_LINES, lines.length - 1);
  let start = 0;
  for (let i = 0; i < index; i++) start += lines[i].length + 1;
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, start + lines[index].length);
  view.focus({ preventScroll: true });
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  view.scrollTop = (blocks[blockIndex] as HTMLElement).offsetTop - view.offsetTop;
  // Centred on the line itself once its block is laid out (a DOM without layout has no rects).
  if (typeof range.getBoundingClientRect !== "function") return;
  const rect = range.getBoundingClientRect();
  view.scrollTop += rect.top - view.getBoundingClientRect().top - view.clientHeight / 2;
}

/** A long text, read-only, in blocks of VIEW_BLOCK_LINES lines (content-visibility: auto). */
function LargeTextView({ text, label, onPaste }: { text: string; label: string; onPaste: (pasted: string) => void }) {
  const styles = useStyles();
  const blocks = React.useMemo(() => {
    const lines = text.split("\n");
    const out: { text: string; lines: number }[] = [];
    for (let i = 0; i < lines.length; i += VIEW_BLOCK_LINES) {
      const chunk = lines.slice(i, i + VIEW_BLOCK_LINES);
      // Each block but the last ends with its newline, so a copied selection keeps the lines apart.
      out.push({ text: chunk.join("\n") + (i + VIEW_BLOCK_LINES < lines.length ? "\n" : ""), lines: chunk.length });
    }
    return out;
  }, [text]);
  return (
    <div
      className={styles.view}
      role="textbox"
      aria-readonly="true"
      aria-multiline="true"
      aria-label={label}
      tabIndex={0}
      data-source-view=""
      onPaste={(e) => {
        // A new paste replaces the long text (there is no caret to insert at).
        const pasted = e.clipboardData.getData("text/plain");
        if (pasted === "") return;
        e.preventDefault();
        onPaste(pasted);
      }}
    >
      {blocks.map((block, i) => (
        <div key={i} className={styles.block} style={{ containIntrinsicSize: `auto ${block.lines * VIEW_LINE_PX}px` }}>
          {block.text}
        </div>
      ))}
    </div>
  );
}

/** The text's size for people: kB or MB of UTF-16 characters, close enough to the file's. */
function sizeOf(text: string): string {
  return text.length >= 1_000_000
    ? `${(text.length / 1_000_000).toFixed(1)} MB`
    : `${Math.round(text.length / 1000)} kB`;
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

export function SourceInput(props: SourceInputProps): React.JSX.Element {
  const { text, onTextChange, onNotice, disabled, readFile, textareaRef } = props;
  const styles = useStyles();
  const { t, lang } = useI18n();
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
      {text.length > LARGE_TEXT_CHARS ? (
        <Field label={t.source.label} hint={t.source.hint}>
          <LargeTextView text={text} label={t.source.label} onPaste={onTextChange} />
          <Caption1>
            {t.source.largeText(lineCount(text).toLocaleString(lang === "it" ? "it-IT" : "en-US"), sizeOf(text))}
          </Caption1>
        </Field>
      ) : (
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
              const { selectionStart, selectionEnd, value } = box;
              if (value.length - (selectionEnd - selectionStart) + pasted.length > LARGE_TEXT_CHARS) {
                // Goes to the read-only view: never into the text box, whose layout would freeze the pane.
                onTextChange(value.slice(0, selectionStart) + pasted + value.slice(selectionEnd));
                return;
              }
              box.setRangeText(pasted, selectionStart, selectionEnd, "end");
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
      )}
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
