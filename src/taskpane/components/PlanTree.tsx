// The plan as a keyboard-navigable tree: areas → objectives → indicators with weights and targets.
// Only open branches render their children, and areas come in pages, so a 100× plan (1,400
// objectives, 5,800 indicators) keeps a small DOM.
import {
  Badge,
  Button,
  Caption1,
  Tree,
  TreeItem,
  TreeItemLayout,
  makeStyles,
  tokens,
  type TreeItemValue,
} from "@fluentui/react-components";
import * as React from "react";
import type { Indicator, Objective, Plan } from "../../domain/model";
import { useI18n } from "../i18n";
import { useNarrow } from "./useNarrow";

export const AREA_PAGE = 40;

/** A node of the tree a diagnostic names: an indicator, or else an objective. */
export interface TreeNode {
  objective?: number;
  indicator?: string;
}

export interface PlanTreeHandle {
  /** Opens the node's area and objective, scrolls to the node and focuses it; false when the plan has no such node. */
  reveal(node: TreeNode): boolean;
}

/** Targets as users read them: "≥ 13 N." for the document's ">= 13 N." (display only; the plan keeps its text). */
export function displayTarget(text: string): string {
  return text.replace(/>=/g, "≥").replace(/<=/g, "≤");
}

const useStyles = makeStyles({
  tree: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    paddingBlock: tokens.spacingVerticalXS,
  },
  main: { display: "flex", flexDirection: "column", paddingBlock: "2px", minWidth: 0 },
  title: { overflowWrap: "anywhere" },
  code: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  common: { marginLeft: tokens.spacingHorizontalXS, verticalAlign: "middle" },
  targets: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    color: tokens.colorNeutralForeground3,
  },
  year: { fontWeight: tokens.fontWeightSemibold },
  target: { margin: 0, overflowWrap: "anywhere" },
  more: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalXS },
});

interface AreaGroup {
  code: string;
  name: string;
  objectives: Objective[];
}

/** Areas in the plan's order with their objectives; objectives of an unlisted area get a group of their own. */
export function groupByArea(plan: Plan): AreaGroup[] {
  const groups = new Map<string, AreaGroup>();
  for (const area of plan.areas) groups.set(area.code, { code: area.code, name: area.name, objectives: [] });
  for (const objective of plan.objectives) {
    let group = groups.get(objective.areaCode);
    if (!group) {
      group = { code: objective.areaCode, name: "", objectives: [] };
      groups.set(objective.areaCode, group);
    }
    group.objectives.push(objective);
  }
  return [...groups.values()];
}

function IndicatorItem({ indicator, years }: { indicator: Indicator; years: number[] }): React.JSX.Element {
  const styles = useStyles();
  const { t, weight } = useI18n();
  return (
    <TreeItem itemType="leaf" value={`i:${indicator.id}`} data-indicator={indicator.id}>
      <TreeItemLayout>
        <div className={styles.main}>
          <span className={styles.title}>
            <span className={styles.code}>{indicator.id}</span> {indicator.name}
            {indicator.common && (
              <Badge className={styles.common} size="small" appearance="outline" title={t.preview.commonTitle}>
                {t.preview.common}
              </Badge>
            )}
            {indicator.weight === 0 && (
              <Badge className={styles.common} size="small" appearance="tint" title={t.preview.monitoringOnlyTitle}>
                {t.preview.monitoringOnly}
              </Badge>
            )}
          </span>
          <Caption1 className={styles.meta}>
            {t.preview.weight} {weight(indicator.weight)}
          </Caption1>
          {years.length > 0 && (
            <Caption1 as="span" className={styles.targets} data-testid="targets">
              {years.map((y) => {
                const target = indicator.targets[String(y)];
                return (
                  <React.Fragment key={y}>
                    <span className={styles.year}>{y}</span>
                    <span className={styles.target}>{target ? displayTarget(target.text) : t.preview.noTarget}</span>
                  </React.Fragment>
                );
              })}
            </Caption1>
          )}
        </div>
      </TreeItemLayout>
    </TreeItem>
  );
}

function ObjectiveItem({
  objective,
  years,
  open,
}: {
  objective: Objective;
  years: number[];
  open: boolean;
}): React.JSX.Element {
  const styles = useStyles();
  const { t, weight } = useI18n();
  return (
    <TreeItem itemType="branch" value={`o:${objective.number}`} data-objective={objective.number}>
      <TreeItemLayout>
        <div className={styles.main}>
          <span className={styles.title}>
            <span className={styles.code}>{objective.number}</span> {objective.title}
          </span>
          <Caption1 className={styles.meta}>
            {t.preview.weightOnArea} {weight(objective.weightOnArea)} ·{" "}
            {t.preview.indicators(objective.indicators.length)}
          </Caption1>
        </div>
      </TreeItemLayout>
      {open && (
        // No open motion: the branch is mounted only while open (so it never plays its close), and a
        // diagnostic's link scrolls to a node that must not move after the scroll.
        <Tree collapseMotion={null}>
          {objective.indicators.map((indicator) => (
            <IndicatorItem key={indicator.id} indicator={indicator} years={years} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
}

/** The area, objective and page of a node, or null when the plan has none such. */
function locate(groups: AreaGroup[], node: TreeNode): { area: number; objective: Objective } | null {
  for (let a = 0; a < groups.length; a++) {
    for (const objective of groups[a].objectives) {
      const found =
        node.indicator !== undefined
          ? objective.indicators.some((i) => i.id === node.indicator)
          : objective.number === node.objective;
      if (found) return { area: a, objective };
    }
  }
  return null;
}

function isArea(value: TreeItemValue): boolean {
  return String(value).startsWith("a:");
}

export const PlanTree = React.forwardRef<PlanTreeHandle, { plan: Plan }>(function PlanTree({ plan }, ref) {
  const styles = useStyles();
  const { t } = useI18n();
  const narrow = useNarrow();
  const groups = React.useMemo(() => groupByArea(plan), [plan]);
  const [openItems, setOpenItems] = React.useState<Set<TreeItemValue>>(() => new Set());
  const [shown, setShown] = React.useState(AREA_PAGE);
  const root = React.useRef<HTMLDivElement>(null);
  // The node to focus once it is rendered (reveal opens its branches first).
  const [toFocus, setToFocus] = React.useState<string | null>(null);

  // A new plan starts collapsed again.
  React.useEffect(() => {
    setOpenItems(new Set());
    setShown(AREA_PAGE);
  }, [plan]);

  React.useImperativeHandle(
    ref,
    () => ({
      reveal(node) {
        const place = locate(groups, node);
        if (!place) return false;
        const area = `a:${groups[place.area].code}`;
        setShown((n) => Math.max(n, Math.ceil((place.area + 1) / AREA_PAGE) * AREA_PAGE));
        setOpenItems((current) => {
          const next = new Set([...current].filter((v) => !narrow || !isArea(v) || v === area));
          next.add(area);
          if (node.indicator !== undefined) next.add(`o:${place.objective.number}`);
          return next;
        });
        setToFocus(
          node.indicator !== undefined
            ? `[data-indicator="${node.indicator.replace(/["\\]/g, "\\$&")}"]`
            : `[data-objective="${place.objective.number}"]`,
        );
        return true;
      },
    }),
    [groups, narrow],
  );

  // Fluent mounts an opened branch's children a moment after the open state (its open motion):
  // wait for the node to appear, then scroll to it and focus it.
  React.useEffect(() => {
    const container = root.current;
    if (toFocus === null || !container) return undefined;
    const land = (): boolean => {
      const item = container.querySelector<HTMLElement>(toFocus);
      if (!item) return false;
      setToFocus(null);
      item.scrollIntoView?.({ block: "center" });
      item.focus();
      return true;
    };
    if (land()) return undefined;
    const observer = new MutationObserver(() => {
      if (land()) observer.disconnect();
    });
    observer.observe(container, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [toFocus]);

  return (
    <div ref={root}>
      <Tree
        className={styles.tree}
        aria-label={t.preview.treeLabel}
        openItems={openItems}
        onOpenChange={(_e, data) => {
          const next = new Set(data.openItems);
          // Narrow pane: one area open at a time, as an accordion, so the page stays short.
          if (narrow && data.open && isArea(data.value)) {
            for (const v of next) if (isArea(v) && v !== data.value) next.delete(v);
          }
          setOpenItems(next);
        }}
      >
        {groups.slice(0, shown).map((group) => {
          const value = `a:${group.code}`;
          return (
            <TreeItem key={group.code} itemType="branch" value={value} data-area={group.code}>
              <TreeItemLayout>
                <div className={styles.main}>
                  <span className={styles.title}>
                    <span className={styles.code}>{group.code}</span> {group.name}
                  </span>
                  <Caption1 className={styles.meta}>
                    {t.preview.objectives(group.objectives.length)} ·{" "}
                    {t.preview.indicators(group.objectives.reduce((n, o) => n + o.indicators.length, 0))}
                  </Caption1>
                </div>
              </TreeItemLayout>
              {openItems.has(value) && (
                <Tree collapseMotion={null}>
                  {group.objectives.map((objective) => (
                    <ObjectiveItem
                      key={objective.number}
                      objective={objective}
                      years={plan.years}
                      open={openItems.has(`o:${objective.number}`)}
                    />
                  ))}
                </Tree>
              )}
            </TreeItem>
          );
        })}
      </Tree>
      {groups.length > shown && (
        <div className={styles.more}>
          <Caption1>{t.preview.moreAreas(shown, groups.length)}</Caption1>
          <Button
            size="small"
            onClick={() => {
              // The first area of the new page takes the focus (the button may go with the last page).
              setToFocus(`[data-area="${groups[shown].code.replace(/["\\]/g, "\\$&")}"]`);
              setShown((n) => n + AREA_PAGE);
            }}
          >
            {t.preview.showMore}
          </Button>
        </div>
      )}
    </div>
  );
});
