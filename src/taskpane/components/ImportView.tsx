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
import { DocumentInput } from "./DocumentInput";
import { ErrorBar } from "./ErrorBar";
import { Footer } from "./Footer";
import { FormulaModeField } from "./FormulaModeField";
import { PlanPreview } from "./PlanPreview";
import { selectLine } from "./SourceInput";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  importBlock: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
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
  // The outcome of an import takes the focus: «Vai al monitoraggio» when it is done, the message
  // when it was refused (the keyboard user is told at once, and goes on from there).
  const goToFollow = React.useRef<HTMLButtonElement>(null);
  const refused = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (state.kind === "done") goToFollow.current?.focus();
    if (state.kind === "refused") refused.current?.focus();
  }, [state.kind]);
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
            <Button ref={goToFollow} onClick={onGoToFollow}>
              {t.import.goToFollow}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
    }
    case "refused":
      return (
        <MessageBar intent="warning" layout="multiline" ref={refused} tabIndex={-1}>
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
      return <ErrorBar title={t.import.failed} message={state.message} focus />;
    default:
      return <></>;
  }
}

export function ImportView(props: ImportViewProps): React.JSX.Element {
  const { text, onTextChange, plan, pending, importer, onImport, onGoToFollow } = props;
  const styles = useStyles();
  const { t } = useI18n();
  const textarea = React.useRef<HTMLTextAreaElement>(null);
  const state = importer.state;
  const busy = state.kind === "running" || state.kind === "confirmReplace";
  const canImport = plan !== null && plan.objectives.length > 0 && !pending && !busy;
  const errors = plan ? plan.diagnostics.filter((d) => d.severity === "error").length : 0;
  // The replace dialog has no trigger for Fluent to return focus to: after any answer, focus
  // goes back to the import button, where the keyboard user was.
  const importButton = React.useRef<HTMLButtonElement>(null);
  const noPlanId = React.useId();
  const wasAsking = React.useRef(false);
  React.useEffect(() => {
    const asking = state.kind === "confirmReplace";
    if (wasAsking.current && !asking) importButton.current?.focus();
    wasAsking.current = asking;
  }, [state.kind]);

  return (
    <div className={styles.view}>
      <DocumentInput text={text} onTextChange={onTextChange} disabled={busy} textareaRef={textarea} />

      <PlanPreview plan={plan} pending={pending} onLine={(line) => selectLine(textarea.current, line)} />

      <div className={styles.importBlock}>
        <FormulaModeField value={props.formulaMode} onChange={props.onFormulaModeChange} disabled={busy} />
        {errors > 0 && <Caption1 className={styles.warning}>{t.diagnostics.errorsBeforeImport(errors)}</Caption1>}
        <div className={styles.status} aria-live="polite" data-testid="import-status">
          <ImportStatus state={state} onGoToFollow={onGoToFollow} />
        </div>
      </div>

      <Footer>
        <Button
          ref={importButton}
          appearance="primary"
          size="large"
          disabledFocusable={!canImport}
          aria-describedby={plan === null && !pending ? noPlanId : undefined}
          onClick={onImport}
        >
          {state.kind === "running" ? t.import.busy : t.import.button}
        </Button>
        {plan === null && !pending && <Caption1 id={noPlanId}>{t.import.noPlan}</Caption1>}
      </Footer>

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
