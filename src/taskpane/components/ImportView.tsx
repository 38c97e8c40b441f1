// Bring in: paste or open the cruscotto, look at the preview, choose the formulas, import.
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Divider,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Plan } from "../../domain/model";
import type { FormulaMode } from "../../domain/settings";
import { useI18n } from "../i18n";
import type { ImportController, ImportState } from "../state/useImport";
import { ErrorBar } from "./ErrorBar";
import { FormulaModeField } from "./FormulaModeField";
import { PlanPreview } from "./PlanPreview";
import { SourceInput, selectLine } from "./SourceInput";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  notice: { color: tokens.colorNeutralForeground2, minHeight: "1em" },
  importBlock: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  importButton: { alignSelf: "flex-start" },
  status: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface ImportViewProps {
  text: string;
  onTextChange: (text: string) => void;
  plan: Plan | null;
  pending: boolean;
  formulaMode: FormulaMode;
  onFormulaModeChange: (mode: FormulaMode) => void;
  importer: ImportController;
  onImport: () => void;
  onGoToFollow: () => void;
}

function ImportStatus({ state, onGoToFollow }: { state: ImportState; onGoToFollow: () => void }): React.JSX.Element {
  const { t } = useI18n();
  switch (state.kind) {
    case "running": {
      const label =
        state.progress.stage === "checking"
          ? t.import.checking
          : state.progress.stage === "writing"
            ? t.import.writing
            : t.import.done;
      return (
        <Field validationMessage={label} validationState="none">
          <ProgressBar value={state.progress.fraction} aria-label={label} />
        </Field>
      );
    }
    case "done": {
      const { plan, outcome } = state;
      const indicators = plan.objectives.reduce((n, o) => n + o.indicators.length, 0);
      return (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.import.done}</MessageBarTitle>
            {t.import.success(plan.areas.length, plan.objectives.length, indicators, outcome.sheets.length)}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onGoToFollow}>
              {t.import.goToFollow}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    }
    case "refused":
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.import.refused}</MessageBarTitle>
            {t.import.typedActuals(state.typedActuals)}
          </MessageBarBody>
        </MessageBar>
      );
    case "cancelled":
      return (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.import.cancelled}</MessageBarBody>
        </MessageBar>
      );
    case "failed":
      return <ErrorBar title={t.import.failed} message={state.message} />;
    default:
      return <></>;
  }
}

export function ImportView(props: ImportViewProps): React.JSX.Element {
  const { text, onTextChange, plan, pending, importer, onImport, onGoToFollow } = props;
  const styles = useStyles();
  const { t } = useI18n();
  const [notice, setNotice] = React.useState("");
  const textarea = React.useRef<HTMLTextAreaElement>(null);
  const state = importer.state;
  const busy = state.kind === "running" || state.kind === "confirmReplace";
  const canImport = plan !== null && plan.objectives.length > 0 && !pending && !busy;
  const errors = plan ? plan.diagnostics.filter((d) => d.severity === "error").length : 0;
  // The replace dialog has no trigger for Fluent to return focus to: after any answer, focus
  // goes back to the import button, where the keyboard user was.
  const importButton = React.useRef<HTMLButtonElement>(null);
  const wasAsking = React.useRef(false);
  React.useEffect(() => {
    const asking = state.kind === "confirmReplace";
    if (wasAsking.current && !asking) importButton.current?.focus();
    wasAsking.current = asking;
  }, [state.kind]);

  return (
    <div className={styles.view}>
      <div>
        <SourceInput
          text={text}
          onTextChange={onTextChange}
          onNotice={setNotice}
          disabled={busy}
          textareaRef={textarea}
        />
        <Caption1 className={styles.notice} role="status" aria-live="polite" as="p">
          {notice}
        </Caption1>
      </div>

      <PlanPreview plan={plan} pending={pending} onLine={(line) => selectLine(textarea.current, line)} />

      <Divider />

      <div className={styles.importBlock}>
        <FormulaModeField value={props.formulaMode} onChange={props.onFormulaModeChange} disabled={busy} />
        {errors > 0 && <Caption1 className={styles.warning}>{t.diagnostics.errorsBeforeImport(errors)}</Caption1>}
        <Button
          ref={importButton}
          className={styles.importButton}
          appearance="primary"
          disabledFocusable={!canImport}
          onClick={onImport}
        >
          {state.kind === "running" ? t.import.busy : t.import.button}
        </Button>
        {plan === null && !pending && <Caption1>{t.import.noPlan}</Caption1>}
        <div className={styles.status} aria-live="polite" data-testid="import-status">
          <ImportStatus state={state} onGoToFollow={onGoToFollow} />
        </div>
      </div>

      <Dialog
        open={state.kind === "confirmReplace"}
        modalType="alert"
        onOpenChange={(_e, data) => {
          if (!data.open) void importer.confirmReplace(false);
        }}
      >
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.import.replaceTitle}</DialogTitle>
            <DialogContent>{state.kind === "confirmReplace" && t.import.replaceBody(state.sheets)}</DialogContent>
            <DialogActions>
              {/* The safe answer comes first and has the focus (Fluent focuses the first button;
                  autoFocus is not honoured after another focusable): Enter by habit never replaces. */}
              <Button onClick={() => void importer.confirmReplace(false)}>{t.import.cancel}</Button>
              <Button appearance="primary" onClick={() => void importer.confirmReplace(true)}>
                {t.import.replace}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
