// The reader's findings, grouped by severity, each with its line in the pasted text and, when it
// names an objective or indicator, a link to that node of the tree.
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
import { PagedList } from "./PagedList";
import type { TreeNode } from "./PlanTree";
import { useNarrow } from "./useNarrow";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
/** A 100× plan has hundreds of findings; a group shows this many until asked for more. */
export const DIAGNOSTICS_PAGE = 50;

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  // Where the finding is (its line, its node of the tree) above what it says: the 44 px buttons
  // get a row of their own instead of stretching the message's lines.
  item: { display: "flex", flexDirection: "column", alignItems: "flex-start" },
  line: {
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    paddingInline: tokens.spacingHorizontalXS,
    minWidth: 0,
  },
  links: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  plain: { fontWeight: tokens.fontWeightSemibold },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS },
  none: { color: tokens.colorNeutralForeground3 },
});

const BADGE: Record<Severity, "danger" | "important" | "informative"> = {
  error: "danger",
  warning: "important",
  info: "informative",
};

/** The tree node a diagnostic names: its indicator, else its objective. */
export function nodeOf(d: Diagnostic): TreeNode | null {
  if (d.indicator !== undefined) return { indicator: d.indicator };
  if (d.objective !== undefined) return { objective: d.objective };
  return null;
}

interface GroupProps {
  severity: Severity;
  items: Diagnostic[];
  onLine?: (line: number) => void;
  onNode?: (node: TreeNode) => void;
  hasNode?: (node: TreeNode) => boolean;
}

function Group({ severity, items, onLine, onNode, hasNode }: GroupProps): React.JSX.Element {
  const styles = useStyles();
  const { t, lang } = useI18n();
  return (
    <AccordionItem value={severity} data-severity={severity}>
      <AccordionHeader>
        <span className={styles.header} id={`pira-diagnostics-${severity}-heading`}>
          {t.diagnostics.group[severity]}
          <CounterBadge count={items.length} color={BADGE[severity]} appearance="ghost" overflowCount={9999} />
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <PagedList
          items={items}
          page={DIAGNOSTICS_PAGE}
          more={DIAGNOSTICS_PAGE * 4}
          labelledBy={`pira-diagnostics-${severity}-heading`}
          listClassName={styles.list}
          itemClassName={styles.item}
          render={(d) => (
            <>
              <span className={styles.links}>
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
                  <span className={styles.plain}>{t.diagnostics.line(d.line)}</span>
                )}
                <NodeLink node={nodeOf(d)} onNode={onNode} hasNode={hasNode} />
              </span>
              <span>{diagnosticMessage(d, lang)}</span>
            </>
          )}
        />
      </AccordionPanel>
    </AccordionItem>
  );
}

function NodeLink({
  node,
  onNode,
  hasNode,
}: {
  node: TreeNode | null;
  onNode?: (node: TreeNode) => void;
  hasNode?: (node: TreeNode) => boolean;
}): React.JSX.Element | null {
  const styles = useStyles();
  const { t } = useI18n();
  if (!node || !onNode || (hasNode && !hasNode(node))) return null;
  const label =
    node.indicator !== undefined
      ? t.diagnostics.indicator(node.indicator)
      : t.diagnostics.objective(node.objective ?? 0);
  return (
    <Button
      size="small"
      appearance="transparent"
      className={styles.line}
      aria-label={`${label}: ${t.diagnostics.showInTree}`}
      onClick={() => onNode(node)}
    >
      {label}
    </Button>
  );
}

export interface DiagnosticsProps {
  diagnostics: Diagnostic[];
  /** Shows a line of the text the diagnostics were read from (selects it in the text box). */
  onLine?: (line: number) => void;
  /** Shows an objective or indicator in the tree (opens its branches and focuses it). */
  onNode?: (node: TreeNode) => void;
  /** Whether the tree has the node (a finding may name an objective the reader dropped). */
  hasNode?: (node: TreeNode) => boolean;
}

export function Diagnostics({ diagnostics, onLine, onNode, hasNode }: DiagnosticsProps): React.JSX.Element {
  const styles = useStyles();
  const { t } = useI18n();
  const groups = React.useMemo(
    () =>
      SEVERITIES.map((severity) => ({ severity, items: diagnostics.filter((d) => d.severity === severity) })).filter(
        (g) => g.items.length > 0,
      ),
    [diagnostics],
  );
  const narrow = useNarrow();
  // Errors and warnings need reading before an import; notes can wait. A narrow pane opens one
  // group at a time (the most severe), so the tree and the import button stay near.
  const [chosen, setOpen] = React.useState<Severity[] | null>(null);
  const open = React.useMemo(() => {
    if (chosen !== null) return narrow ? chosen.slice(-1) : chosen;
    const first = groups.find((g) => g.severity !== "info");
    return narrow ? (first ? [first.severity] : []) : (["error", "warning"] as Severity[]);
  }, [chosen, narrow, groups]);
  if (groups.length === 0) return <Caption1 className={styles.none}>{t.diagnostics.none}</Caption1>;
  return (
    <Accordion
      multiple={!narrow}
      collapsible
      openItems={open}
      onToggle={(_e, data: AccordionToggleData<Severity>) => setOpen(data.openItems)}
    >
      {groups.map((g) => (
        <Group
          key={g.severity}
          severity={g.severity}
          items={g.items}
          onLine={onLine}
          onNode={onNode}
          hasNode={hasNode}
        />
      ))}
    </Accordion>
  );
}
