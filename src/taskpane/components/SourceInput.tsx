// Where the cruscotto comes in: a text box to paste into, a file picker and a drop zone (.txt/.md).
import { Button, Field, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import { decodeText, ENCODING_LABELS, type DecodedText } from "../../domain/encoding";
import { useI18n } from "../i18n";

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

const TEXT_FILE = /\.(txt|md|markdown|text)$/i;

export function isTextFile(file: { name: string; type: string }): boolean {
  return TEXT_FILE.test(file.name) || file.type.startsWith("text/");
}

function readBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsArrayBuffer(file);
  });
}

/**
 * A file's text, decoded as the CLI decodes it (src/domain/encoding.ts): UTF-8, Windows-1252 (a
 * file saved as "ANSI" by Notepad, so "è" stays "è") or UTF-16 with its byte-order mark.
 */
export async function readTextFile(file: Blob): Promise<DecodedText> {
  return decodeText(await readBytes(file));
}

export interface SourceInputProps {
  text: string;
  onTextChange: (text: string) => void;
  /** A line for the live region: file read, rejected or unreadable. */
  onNotice: (message: string) => void;
  disabled?: boolean;
}

export function SourceInput({ text, onTextChange, onNotice, disabled }: SourceInputProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = useI18n();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = React.useState(false);

  const load = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    if (!isTextFile(file)) {
      onNotice(t.source.fileRejected(file.name));
      return;
    }
    try {
      const { text, encoding } = await readTextFile(file);
      onTextChange(text);
      onNotice(t.source.fileLoaded(file.name, encoding === "utf-8" ? null : ENCODING_LABELS[encoding]));
    } catch {
      onNotice(t.source.fileUnreadable(file.name));
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
          placeholder={t.source.placeholder}
          resize="vertical"
          rows={6}
          spellCheck={false}
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
          accept=".txt,.md,.markdown,text/plain,text/markdown"
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
