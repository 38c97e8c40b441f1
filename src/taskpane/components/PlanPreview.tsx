// What an import would write, before it is written: counts and the reader's findings first (what
// needs reading before an import), then the tree, which the findings link to.
import { Caption1, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import * as React from "react";
import type { Plan } from "../../domain/model";
import { useI18n } from "../i18n";
import { Diagnostics } from "./Diagnostics";
import { PlanTree, type PlanTreeHandle, type TreeNode } from "./PlanTree";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, margin: 0 },
  counts: {
    display: "grid",
    // Four counts in one row even at 320 px.
    gridTemplateColumns: "repeat(4, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    padding: 0,
    listStyle: "none",
  },
  count: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  number: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase500,
  },
  title: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3 },
});

function Count({ n, label }: { n: number; label: string }): React.JSX.Element {
  const styles = useStyles();
  // The item's own text is what a screen reader reads ("14 obiettivi"): no aria-label on a list
  // item, which some readers ignore in browse mode.
  const words = label.replace(/^\d+\s+/, "");
  return (
    <li className={styles.count} data-count={words}>
      <span className={styles.number}>{n}</span> <Caption1>{words}</Caption1>
    </li>
  );
}

export interface PlanPreviewProps {
  plan: Plan | null;
  pending: boolean;
  /** Selects a line of the source text (a diagnostic's «riga N»). */
  onLine?: (line: number) => void;
}

export function PlanPreview({ plan, pending, onLine }: PlanPreviewProps): React.JSX.Element {
  const styles = useStyles();
  const { t, date } = useI18n();
  const indicators = React.useMemo(
    () => (plan ? plan.objectives.reduce((n, o) => n + o.indicators.length, 0) : 0),
    [plan],
  );
  const tree = React.useRef<PlanTreeHandle>(null);
  const hasNode = React.useMemo(() => {
    const ids = new Set<string>();
    const numbers = new Set<number>();
    for (const o of plan?.objectives ?? []) {
      numbers.add(o.number);
      for (const i of o.indicators) ids.add(i.id);
    }
    return (node: TreeNode) =>
      node.indicator !== undefined ? ids.has(node.indicator) : numbers.has(node.objective ?? NaN);
  }, [plan]);

  return (
    <section className={styles.section} aria-labelledby="pira-preview-heading" aria-busy={pending}>
      <h2 id="pira-preview-heading" className={styles.heading}>
        <Subtitle2>{t.preview.heading}</Subtitle2>
        {pending && <Spinner size="extra-tiny" aria-label={t.source.reading} />}
      </h2>
      {plan === null ? (
        <Caption1 className={styles.muted}>{pending ? t.source.reading : t.preview.empty}</Caption1>
      ) : (
        <>
          <Caption1 className={styles.title}>
            {[
              plan.title,
              plan.date && t.preview.approvedOn(date(plan.date)),
              plan.years.length > 0 && t.preview.yearRange(plan.years[0], plan.years[plan.years.length - 1]),
            ]
              .filter(Boolean)
              .join(" · ")}
          </Caption1>
          <ul className={styles.counts} aria-label={t.preview.counts}>
            <Count n={plan.areas.length} label={t.preview.areas(plan.areas.length)} />
            <Count n={plan.objectives.length} label={t.preview.objectives(plan.objectives.length)} />
            <Count n={indicators} label={t.preview.indicators(indicators)} />
            <Count n={plan.years.length} label={t.preview.years(plan.years.length)} />
          </ul>
          <h3 className={styles.heading}>
            <Subtitle2>{t.diagnostics.heading}</Subtitle2>
          </h3>
          <Diagnostics
            diagnostics={plan.diagnostics}
            onLine={onLine}
            onNode={(node) => tree.current?.reveal(node)}
            hasNode={hasNode}
          />
          {plan.objectives.length === 0 ? (
            <Caption1>{t.preview.nothingFound}</Caption1>
          ) : (
            <>
              <h3 className={styles.heading}>
                <Subtitle2>{t.preview.treeLabel}</Subtitle2>
              </h3>
              <Caption1 className={styles.muted}>{t.preview.treeHint}</Caption1>
              <PlanTree ref={tree} plan={plan} />
            </>
          )}
        </>
      )}
    </section>
  );
}
