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

export const AREA_PAGE = 40;

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
  const targets = years.map((y) => `${y}: ${indicator.targets[String(y)]?.text ?? t.preview.noTarget}`).join(" · ");
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
            {t.preview.weight} {weight(indicator.weight)} · {targets}
          </Caption1>
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
        <Tree>
          {objective.indicators.map((indicator) => (
            <IndicatorItem key={indicator.id} indicator={indicator} years={years} />
          ))}
        </Tree>
      )}
    </TreeItem>
  );
}

export function PlanTree({ plan }: { plan: Plan }): React.JSX.Element {
  const styles = useStyles();
  const { t } = useI18n();
  const groups = React.useMemo(() => groupByArea(plan), [plan]);
  const [openItems, setOpenItems] = React.useState<Set<TreeItemValue>>(() => new Set());
  const [shown, setShown] = React.useState(AREA_PAGE);

  // A new plan starts collapsed again.
  React.useEffect(() => {
    setOpenItems(new Set());
    setShown(AREA_PAGE);
  }, [plan]);

  return (
    <div>
      <Tree
        className={styles.tree}
        aria-label={t.preview.treeLabel}
        openItems={openItems}
        onOpenChange={(_e, data) => setOpenItems(new Set(data.openItems))}
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
                <Tree>
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
          <Button size="small" onClick={() => setShown((n) => n + AREA_PAGE)}>
            {t.preview.showMore}
          </Button>
        </div>
      )}
    </div>
  );
}
