// Settings: thresholds, scoring method and formula mode, applied to the imported workbook without
// touching the actuals; "Prepara per la condivisione" switches to native Excel formulas.
import {
  Button,
  Caption1,
  Field,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  SpinButton,
  Spinner,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import {
  BAND_PROFILES,
  CUSTOM_PROFILE,
  SCORING_MODES,
  profileInForce,
  profileThresholds,
  type FormulaMode,
  type ScoringMode,
  type Settings,
} from "../../domain/settings";
import { useI18n } from "../i18n";
import { errorMessage } from "../errors";
import { ErrorBar } from "./ErrorBar";
import { FormulaModeField } from "./FormulaModeField";

/** What the user chooses; the rest of Settings (year, area weights) comes from the plan. */
export type SettingsChoices = Pick<Settings, "greenFrom" | "amberFrom" | "profile" | "mode" | "formulaMode">;

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  row: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  spin: { width: "120px" },
  button: { alignSelf: "flex-start" },
  applyRow: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  muted: { color: tokens.colorNeutralForeground3 },
  share: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

type ApplyState =
  { kind: "idle" } | { kind: "applying" } | { kind: "done"; message: string } | { kind: "failed"; message: string };

export interface SettingsViewProps {
  choices: SettingsChoices;
  onChange: (choices: SettingsChoices) => void;
  /** Whether a workbook was imported (the settings can then be applied to it). */
  imported: boolean;
  /** The formula mode the imported workbook uses now. */
  workbookFormulaMode: FormulaMode | null;
  /** Writes the choices into the imported workbook (formulas and settings; actuals kept). */
  onApply: (choices: SettingsChoices) => Promise<void>;
}

function percentOf(fraction: number): number {
  return Math.round(fraction * 1000) / 10;
}

export function SettingsView(props: SettingsViewProps): React.JSX.Element {
  const { choices, onChange, imported, onApply, workbookFormulaMode } = props;
  const styles = useStyles();
  const { t } = useI18n();
  const [state, setState] = React.useState<ApplyState>({ kind: "idle" });
  const invalid = choices.amberFrom > choices.greenFrom;
  // The threshold just edited is the one out of place (the amber one when none was edited here).
  const [edited, setEdited] = React.useState<"greenFrom" | "amberFrom">("amberFrom");
  // A named profile sets both thresholds; editing one makes them the custom profile's.
  const chooseProfile = (profile: string): void => {
    const thresholds = profileThresholds(profile, choices) ?? choices;
    onChange({ ...choices, ...thresholds, profile });
  };
  const busy = state.kind === "applying";

  const apply = async (next: SettingsChoices, done: string): Promise<void> => {
    setState({ kind: "applying" });
    try {
      await onApply(next);
      setState({ kind: "done", message: done });
    } catch (e) {
      setState({ kind: "failed", message: errorMessage(e) });
    }
  };

  const threshold = (key: "greenFrom" | "amberFrom", label: string): React.JSX.Element => (
    <Field
      label={label}
      className={styles.spin}
      validationState={invalid && key === edited ? "error" : "none"}
      validationMessage={invalid && key === edited ? t.settings.thresholdsInvalid : undefined}
    >
      <SpinButton
        value={percentOf(choices[key])}
        min={0}
        max={100}
        step={5}
        disabled={busy}
        onChange={(_e, data) => {
          const value =
            data.value ?? (data.displayValue === undefined ? NaN : Number(data.displayValue.replace(",", ".")));
          // A threshold is a score: 0 % to 100 % (PIRA.STATUS refuses anything else).
          if (!Number.isFinite(value)) return;
          const next = { ...choices, [key]: Math.min(100, Math.max(0, value)) / 100 };
          setEdited(key);
          onChange({ ...next, profile: profileInForce({ greenFrom: next.greenFrom, amberFrom: next.amberFrom }) });
        }}
      />
    </Field>
  );

  return (
    <div className={styles.view}>
      <section className={styles.section} aria-labelledby="pira-thresholds-heading">
        <h2 id="pira-thresholds-heading" className={styles.heading}>
          <Subtitle2>{t.settings.thresholds}</Subtitle2>
        </h2>
        <Field label={t.settings.profile}>
          <RadioGroup value={choices.profile} disabled={busy} onChange={(_e, data) => chooseProfile(data.value)}>
            {BAND_PROFILES.map((p) => (
              <Radio
                key={p.name}
                value={p.name}
                label={`${p.name} (${percentOf(p.greenFrom)} % / ${percentOf(p.amberFrom)} %)`}
              />
            ))}
            <Radio value={CUSTOM_PROFILE} label={t.settings.customProfile} />
          </RadioGroup>
        </Field>
        <div className={styles.row}>
          {threshold("greenFrom", t.settings.greenFrom)}
          {threshold("amberFrom", t.settings.amberFrom)}
        </div>
      </section>

      <section className={styles.section}>
        <Field label={t.settings.mode}>
          <RadioGroup
            value={choices.mode}
            disabled={busy}
            onChange={(_e, data) => onChange({ ...choices, mode: data.value as ScoringMode })}
          >
            {SCORING_MODES.map((mode) => (
              <Radio key={mode} value={mode} label={t.settings.modes[mode]} />
            ))}
          </RadioGroup>
        </Field>
        <FormulaModeField
          label={t.settings.formulaMode}
          value={choices.formulaMode}
          disabled={busy}
          onChange={(formulaMode) => onChange({ ...choices, formulaMode })}
        />
        {imported ? (
          <div className={styles.applyRow}>
            <Button
              className={styles.button}
              appearance="primary"
              disabledFocusable={busy || invalid}
              aria-describedby={invalid ? "pira-apply-blocked" : undefined}
              onClick={() => void apply(choices, t.settings.applied)}
            >
              {t.settings.apply}
            </Button>
            {invalid && (
              <Caption1 id="pira-apply-blocked" className={styles.muted}>
                {t.settings.applyBlockedThresholds}
              </Caption1>
            )}
          </div>
        ) : (
          <Caption1 className={styles.muted}>{t.settings.needImport}</Caption1>
        )}
      </section>

      {imported && (
        <section className={styles.share} aria-labelledby="pira-share-heading">
          <h2 id="pira-share-heading" className={styles.heading}>
            <Subtitle2>{t.settings.share}</Subtitle2>
          </h2>
          <Caption1>{t.settings.shareHint}</Caption1>
          <Button
            className={styles.button}
            disabledFocusable={busy || invalid}
            onClick={() => {
              const next = { ...choices, formulaMode: "native" as const };
              onChange(next);
              void apply(next, workbookFormulaMode === "native" ? t.settings.alreadyShared : t.settings.shared);
            }}
          >
            {t.settings.share}
          </Button>
        </section>
      )}

      <div aria-live="polite" data-testid="settings-status">
        {state.kind === "applying" && <Spinner size="tiny" labelPosition="after" label={t.settings.applying} />}
        {state.kind === "done" && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{state.message}</MessageBarBody>
          </MessageBar>
        )}
        {state.kind === "failed" && <ErrorBar title={t.settings.applyFailed} message={state.message} focus />}
      </div>
    </div>
  );
}
