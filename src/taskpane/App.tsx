// The task pane: three sections (import, follow, settings) over one injected gateway.
import { FluentProvider, Subtitle1, Tab, TabList, makeStyles, tokens, type Theme } from "@fluentui/react-components";
import * as React from "react";
import type { Plan } from "../domain/model";
import {
  DEFAULT_PROFILE,
  DEFAULT_THRESHOLDS,
  defaultSettings,
  profileInForce,
  type Settings,
} from "../domain/settings";
import { ErrorBar } from "./components/ErrorBar";
import { FirstRunGuide } from "./components/FirstRunGuide";
import { PANE_MARGIN } from "./components/Footer";
import type { SettingsChoices } from "./components/SettingsView";
import { errorMessage } from "./errors";
import { GatewayContext, useGateway, type PiraGateway } from "./gateway";
import { I18nContext, makeI18n, useI18n, type Lang } from "./i18n";
import { paneWorkbookBuilder } from "./state/planParser";
import { usePlanPreview } from "./state/usePlanPreview";
import { useImport } from "./state/useImport";
import { useRevise } from "./state/useRevise";
import { TABS, type Imported, type PaneState, type TabId } from "./tabs";

export type { TabId } from "./tabs";

const useStyles = makeStyles({
  provider: { minHeight: "100%" },
  app: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    // 20 px side margins, as Office add-in panes have; the views' footers run to the pane's edges.
    padding: `${tokens.spacingVerticalS} ${PANE_MARGIN} 0`,
    maxWidth: "720px",
  },
  // Four tabs do not fit in one row at 320 px with 20 px margins: they wrap rather than overflow.
  tabs: { marginInline: `calc(-1 * ${tokens.spacingHorizontalS})`, flexWrap: "wrap" },
  title: { margin: 0 },
});

export const DEFAULT_CHOICES: SettingsChoices = {
  ...DEFAULT_THRESHOLDS,
  profile: DEFAULT_PROFILE,
  mode: "proporzionale",
  formulaMode: "native",
};

function choicesOf(settings: Settings): SettingsChoices {
  const { greenFrom, amberFrom, mode, formulaMode } = settings;
  return { greenFrom, amberFrom, profile: profileInForce(settings), mode, formulaMode };
}

function settingsFor(plan: Plan, choices: SettingsChoices, base?: Partial<Settings>): Settings {
  return { ...defaultSettings(plan), ...base, ...choices };
}

export function App({ initialTab = "import" }: { initialTab?: TabId }): React.JSX.Element {
  const styles = useStyles();
  const gateway = useGateway();
  const { t } = useI18n();
  const [tab, setTab] = React.useState<TabId>(initialTab);
  const [text, setText] = React.useState("");
  const preview = usePlanPreview(text);
  const [choices, setChoices] = React.useState<SettingsChoices>(DEFAULT_CHOICES);
  const [imported, setImported] = React.useState<Imported | null>(null);

  const onImported = React.useCallback((plan: Plan, settings: Settings) => setImported({ plan, settings }), []);
  const importer = useImport(gateway, onImported);
  const [revisedText, setRevisedText] = React.useState("");
  const revisedPreview = usePlanPreview(revisedText);
  const onRevised = React.useCallback((plan: Plan, settings: Settings) => {
    setImported({ plan, settings });
    setChoices(choicesOf(settings));
  }, []);
  const reviser = useRevise(gateway, onRevised);

  const [readError, setReadError] = React.useState<string | null>(null);

  /** The plan and settings as the workbook holds them now (users edit the sheets too). */
  const readWorkbook = React.useCallback(async (): Promise<Imported | null> => {
    const plan = await gateway.readPlan();
    if (!plan) return null;
    const stored = (await gateway.readSettings()) ?? {};
    return { plan, settings: { ...defaultSettings(plan), ...stored } };
  }, [gateway]);

  // A workbook imported earlier: follow it straight away.
  React.useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const found = await readWorkbook();
        if (!found || !live) return;
        setImported((current) => current ?? found);
        setChoices(choicesOf(found.settings));
        setTab((current) => (current === "import" ? "follow" : current));
      } catch (e) {
        if (live) setReadError(errorMessage(e));
      }
    })();
    return () => {
      live = false;
    };
  }, [readWorkbook]);

  // The shared runtime keeps the pane alive between openings: settings edited in the Impostazioni
  // sheet meanwhile must show here before the user applies anything.
  React.useEffect(() => {
    if (tab !== "settings" || !imported) return undefined;
    let live = true;
    void readWorkbook()
      .then((found) => {
        if (!found || !live) return;
        setImported(found);
        setChoices(choicesOf(found.settings));
      })
      .catch((e: unknown) => live && setReadError(errorMessage(e)));
    return () => {
      live = false;
    };
    // Only on entering the tab (not on every change of `imported`).
  }, [tab, readWorkbook]);

  const onImport = (): void => {
    if (!preview.plan) return;
    void importer.start(preview.plan, settingsFor(preview.plan, choices));
  };

  const onApply = async (next: SettingsChoices): Promise<void> => {
    if (!imported) return;
    // Build from the workbook as it is now: targets edited live, year in view, area weights.
    const current = (await readWorkbook()) ?? imported;
    const settings = settingsFor(current.plan, next, current.settings);
    await gateway.switchFormulas(await paneWorkbookBuilder()(current.plan, settings));
    setImported({ plan: current.plan, settings });
  };

  // A view change asked from inside a view («Vai al monitoraggio») moves the focus to the new
  // view's tab, not to the body when the clicked button disappears.
  const focusTab = React.useRef(false);
  const select = React.useCallback((next: TabId) => {
    focusTab.current = true;
    setTab(next);
  }, []);
  const [focusRequest, setFocusRequest] = React.useState(0);
  React.useEffect(() => {
    if (!focusTab.current) return;
    focusTab.current = false;
    document.getElementById(`pira-tab-${tab}`)?.focus();
  }, [tab, focusRequest]);
  /** The selected tab takes the focus (after something that held it disappears). */
  const focusSelectedTab = React.useCallback(() => {
    focusTab.current = true;
    setFocusRequest((n) => n + 1);
  }, []);

  const pane: PaneState = {
    text,
    setText,
    preview,
    choices,
    setChoices,
    importer,
    onImport,
    imported,
    onApply,
    select,
    revision: { text: revisedText, setText: setRevisedText, preview: revisedPreview, reviser },
  };
  const Panel = (TABS.find((entry) => entry.id === tab) ?? TABS[0]).component;

  return (
    <main className={styles.app}>
      <Subtitle1 as="h1" className={styles.title}>
        {t.appTitle}
      </Subtitle1>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_e, data) => setTab(data.value as TabId)}
        aria-label={t.tabListLabel}
      >
        {TABS.map(({ id, label }) => (
          <Tab key={id} value={id} id={`pira-tab-${id}`} aria-controls={`pira-panel-${id}`}>
            {t.tabs[label]}
          </Tab>
        ))}
      </TabList>
      <FirstRunGuide onClose={focusSelectedTab} />
      {readError !== null && <ErrorBar title={t.readFailed} message={readError} alert />}
      <div role="tabpanel" id={`pira-panel-${tab}`} aria-labelledby={`pira-tab-${tab}`}>
        <Panel {...pane} />
      </div>
    </main>
  );
}

export interface TaskPaneProps {
  gateway: PiraGateway;
  lang: Lang;
  theme: Theme;
  initialTab?: TabId;
}

/** Everything the pane needs from outside: the gateway, Office's language and theme. */
export function TaskPane({ gateway, lang, theme, initialTab }: TaskPaneProps): React.JSX.Element {
  const styles = useStyles();
  const i18n = React.useMemo(() => makeI18n(lang), [lang]);
  return (
    <FluentProvider theme={theme} lang={lang} className={styles.provider}>
      <I18nContext.Provider value={i18n}>
        <GatewayContext.Provider value={gateway}>
          <App initialTab={initialTab} />
        </GatewayContext.Provider>
      </I18nContext.Provider>
    </FluentProvider>
  );
}
