// The pane's sections, in order: App renders the tab list and the selected panel from TABS. A new
// section is one entry here (its label under `tabs` in i18n.ts) and a component taking PaneState.
import { Button, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Plan } from "../domain/model";
import type { Settings } from "../domain/settings";
import { FollowView } from "./components/FollowView";
import { ImportView } from "./components/ImportView";
import { ReviseView } from "./components/ReviseView";
import { SettingsView, type SettingsChoices } from "./components/SettingsView";
import { useI18n, type Strings } from "./i18n";
import type { PlanPreview } from "./state/usePlanPreview";
import type { ImportController } from "./state/useImport";
import type { ReviseController } from "./state/useRevise";

export type TabId = "import" | "update" | "follow" | "settings";

/** The plan and settings the workbook holds (after an import, or found on opening). */
export interface Imported {
  plan: Plan;
  settings: Settings;
}

/** What App keeps for every section: the pasted text and its preview, the choices, the import. */
export interface PaneState {
  text: string;
  setText(text: string): void;
  preview: PlanPreview;
  choices: SettingsChoices;
  setChoices(choices: SettingsChoices): void;
  importer: ImportController;
  onImport(): void;
  imported: Imported | null;
  onApply(next: SettingsChoices): Promise<void>;
  select(tab: TabId): void;
  /** «Aggiorna piano»: the revised document's own text and preview, and the revision. */
  revision: { text: string; setText(text: string): void; preview: PlanPreview; reviser: ReviseController };
}

export interface PaneTab {
  id: TabId;
  label: keyof Strings["tabs"];
  component: React.ComponentType<PaneState>;
}

const useStyles = makeStyles({
  empty: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, alignItems: "flex-start" },
});

function ImportTab(pane: PaneState): React.JSX.Element {
  const { choices, setChoices } = pane;
  return (
    <ImportView
      text={pane.text}
      onTextChange={pane.setText}
      plan={pane.preview.plan}
      pending={pane.preview.pending}
      formulaMode={choices.formulaMode}
      onFormulaModeChange={(formulaMode) => setChoices({ ...choices, formulaMode })}
      importer={pane.importer}
      onImport={pane.onImport}
      onGoToFollow={() => pane.select("follow")}
    />
  );
}

function UpdateTab({ revision, imported, select }: PaneState): React.JSX.Element {
  return (
    <ReviseView
      text={revision.text}
      onTextChange={revision.setText}
      plan={revision.preview.plan}
      pending={revision.preview.pending}
      reviser={revision.reviser}
      hasWorkbook={imported !== null}
      onGoToFollow={() => select("follow")}
    />
  );
}

function FollowTab({ imported, select }: PaneState): React.JSX.Element {
  const styles = useStyles();
  const { t } = useI18n();
  if (imported) return <FollowView plan={imported.plan} settings={imported.settings} />;
  return (
    <div className={styles.empty}>
      <Caption1>{t.follow.noPlan}</Caption1>
      <Button onClick={() => select("import")}>{t.tabs.import}</Button>
    </div>
  );
}

function SettingsTab({ choices, setChoices, imported, onApply }: PaneState): React.JSX.Element {
  return (
    <SettingsView
      choices={choices}
      onChange={setChoices}
      imported={imported !== null}
      workbookFormulaMode={imported?.settings.formulaMode ?? null}
      onApply={onApply}
    />
  );
}

export const TABS: readonly PaneTab[] = [
  { id: "import", label: "import", component: ImportTab },
  { id: "update", label: "update", component: UpdateTab },
  { id: "follow", label: "follow", component: FollowTab },
  { id: "settings", label: "settings", component: SettingsTab },
];
