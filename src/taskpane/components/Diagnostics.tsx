// The reader's findings, grouped by severity, each with its line in the pasted text.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  CounterBadge,
  makeStyles,
  tokens,
  type AccordionToggleData,
} from "@fluentui/react-components";
import * as React from "react";
import type { Diagnostic, Severity } from "../../domain/model";
import { diagnosticMessage } from "../../domain/reader";
import { useI18n } from "../i18n";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
/** A 100× plan has hundreds of findings; a group shows this many until asked for more. */
export const DIAGNOSTICS_PAGE = 50;

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: "4px" },
  line: { fontWeight: tokens.fontWeightSemibold, marginRight: tokens.spacingHorizontalXS, whiteSpace: "nowrap" },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  none: { color: tokens.colorNeutralForeground3 },
});

const BADGE: Record<Severity, "danger" | "important" | "informative"> = {
  error: "danger",
  warning: "important",
  info: "informative",
};

interface GroupProps {
  severity: Severity;
  items: Diagnostic[];
  onLine?: (line: number) => void;
}

function Group({ severity, items, onLine }: GroupProps): React.JSX.Element {
  const styles = useStyles();
  const { t, lang } = useI18n();
  const [shown, setShown] = React.useState(DIAGNOSTICS_PAGE);
  return (
    <AccordionItem value={severity} data-severity={severity}>
      <AccordionHeader>
        <span className={styles.header}>
          {t.diagnostics.group[severity]}
          <CounterBadge count={items.length} color={BADGE[severity]} appearance="ghost" overflowCount={9999} />
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <ul className={styles.list}>
          {items.slice(0, shown).map((d, i) => (
            <li key={i}>
              {onLine && d.line > 0 ? (
                <Button
                  size="small"
                  appearance="transparent"
                  className={styles.line}
                  aria-label={`${t.diagnostics.line(d.line)}: ${t.diagnostics.showLine}`}
                  onClick={() => onLine(d.line)}
                >
                  {t.diagnostics.line(d.line)}
                </Button>
              ) : (
                <span className={styles.line}>{t.diagnostics.line(d.line)}</span>
              )}
              {diagnosticMessage(d, lang)}
            </li>
          ))}
        </ul>
        {items.length > shown && (
          <Button size="small" appearance="subtle" onClick={() => setShown((n) => n + DIAGNOSTICS_PAGE * 4)}>
            {t.preview.showMore} ({items.length - shown})
          </Button>
        )}
      </AccordionPanel>
    </AccordionItem>
  );
}

export interface DiagnosticsProps {
  diagnostics: Diagnostic[];
  /** Shows a line of the text the diagnostics were read from (selects it in the text box). */
  onLine?: (line: number) => void;
}

export function Diagnostics({ diagnostics, onLine }: DiagnosticsProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = useI18n();
  const groups = React.useMemo(
    () =>
      SEVERITIES.map((severity) => ({ severity, items: diagnostics.filter((d) => d.severity === severity) })).filter(
        (g) => g.items.length > 0,
      ),
    [diagnostics],
  );
  // Errors and warnings need reading before an import; notes can wait.
  const [open, setOpen] = React.useState<Severity[]>(() => ["error", "warning"]);
  if (groups.length === 0) return <Caption1 className={styles.none}>{t.diagnostics.none}</Caption1>;
  return (
    <Accordion
      multiple
      collapsible
      openItems={open}
      onToggle={(_e, data: AccordionToggleData<Severity>) => setOpen(data.openItems)}
    >
      {groups.map((g) => (
        <Group key={g.severity} severity={g.severity} items={g.items} onLine={onLine} />
      ))}
    </Accordion>
  );
}
