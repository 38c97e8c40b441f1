// Follow: the year's chamber, area and objective scores with status and coverage, and the
// indicators still waiting for an actual; choosing one takes the user to its row.
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Caption1,
  Field,
  Link,
  Select,
  Spinner,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import type { Plan } from "../../domain/model";
import type { Status } from "../../domain/score";
import type { Settings } from "../../domain/settings";
import { useGateway } from "../gateway";
import { useI18n } from "../i18n";
import { errorMessage } from "../errors";
import { ErrorBar } from "./ErrorBar";
import { PagedList } from "./PagedList";
import { useFollow, type MissingActual } from "../state/useFollow";
import { StatusBadge } from "./StatusBadge";
import { AreaScoreChart } from "./AreaScoreChart";

export const MISSING_PAGE = 10;
/** Areas shown at first and added per «Mostra altri»: a 100× plan has 400, a few thousand nodes each page. */
export const FOLLOW_AREA_PAGE = 20;

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  toolbar: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  year: { minWidth: "96px" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  chamber: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  bigScore: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
  },
  scoreLine: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  score: { fontWeight: tokens.fontWeightSemibold, minWidth: "3.5em" },
  muted: { color: tokens.colorNeutralForeground3 },
  headerText: { display: "flex", flexDirection: "column", gap: "2px", paddingBlock: tokens.spacingVerticalXS },
  name: { overflowWrap: "anywhere" },
  objectives: {
    listStyle: "none",
    margin: 0,
    // Lined up with the area's name above, with a rule showing they belong to it.
    marginLeft: "20px",
    padding: `0 0 0 ${tokens.spacingHorizontalM}`,
    borderLeft: `2px solid ${tokens.colorNeutralStroke2}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  objective: { display: "flex", flexDirection: "column", gap: "2px" },
  missingList: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "6px" },
  missingLink: { textAlign: "left" },
  missingId: { fontWeight: tokens.fontWeightSemibold },
  more: { alignSelf: "flex-start" },
  allIn: { color: tokens.colorPaletteGreenForeground1 },
});

interface Result {
  score: number | null;
  coverage: number | null;
  status: Status;
}

/** Score, status word and coverage on one line; "no actual" instead of a number when there is none. */
function ScoreLine({ result, withScore = true }: { result: Result; withScore?: boolean }): React.JSX.Element {
  const styles = useStyles();
  const { t, percent } = useI18n();
  return (
    <span className={styles.scoreLine}>
      {withScore && <span className={styles.score}>{result.score === null ? "—" : percent(result.score)}</span>}
      <StatusBadge status={result.status} />
      <Caption1 className={styles.muted}>
        {result.score === null && result.coverage !== null && result.coverage === 0
          ? t.follow.noScore
          : t.follow.coverage(result.coverage === null ? "—" : percent(result.coverage))}
      </Caption1>
    </span>
  );
}

interface MissingListProps {
  missing: readonly Pick<MissingActual, "indicator">[];
  year: number;
  heading: string;
  /** Distinct per list: the heading's id and the list's test id derive from it. */
  id: string;
}

function MissingList({ missing, year, heading, id }: MissingListProps): React.JSX.Element {
  const styles = useStyles();
  const gateway = useGateway();
  const { t } = useI18n();
  const [goError, setGoError] = React.useState<string | null>(null);
  const go = async (id: string): Promise<void> => {
    setGoError(null);
    try {
      await gateway.goToIndicator(id, year);
    } catch (e) {
      setGoError(errorMessage(e));
    }
  };
  return (
    <section className={styles.section} aria-labelledby={`pira-${id}-heading`}>
      <h3 id={`pira-${id}-heading`} className={styles.heading}>
        <Subtitle2 className={missing.length === 0 ? styles.allIn : undefined}>{heading}</Subtitle2>
      </h3>
      {missing.length > 0 && (
        <>
          <Caption1 className={styles.muted}>{t.follow.missingHint}</Caption1>
          <PagedList
            items={missing}
            page={MISSING_PAGE}
            more={MISSING_PAGE * 5}
            keyOf={({ indicator }) => indicator.id}
            listClassName={styles.missingList}
            listTestId={`${id}-list`}
            labelledBy={`pira-${id}-heading`}
            buttonClassName={styles.more}
            render={({ indicator }) => (
              <Link
                as="button"
                className={styles.missingLink}
                onClick={() => void go(indicator.id)}
                aria-label={t.follow.goTo(indicator.id, indicator.name)}
              >
                <span className={styles.missingId}>{indicator.id}</span> {indicator.name}
              </Link>
            )}
          />
        </>
      )}
      {goError && <ErrorBar title={t.follow.goFailed} message={goError} />}
    </section>
  );
}

export function FollowView({ plan, settings }: { plan: Plan; settings: Settings }): React.JSX.Element {
  const styles = useStyles();
  const gateway = useGateway();
  const { t, lang, percent } = useI18n();
  const follow = useFollow(gateway, plan, settings);
  const { scores } = follow;
  const [areasShown, setAreasShown] = React.useState(FOLLOW_AREA_PAGE);
  const shownAreas = React.useMemo(() => scores?.areas.slice(0, areasShown) ?? [], [scores, areasShown]);
  const chamberScore = scores?.chamber.score == null ? "—" : percent(scores.chamber.score);
  const objectiveScores = React.useMemo(() => new Map(scores?.objectives.map((o) => [o.number, o])), [scores]);
  const areaNames = React.useMemo(() => new Map(plan.areas.map((a) => [a.code, a.name])), [plan]);
  const objectivesByArea = React.useMemo(() => {
    const map = new Map<string, Plan["objectives"]>();
    for (const o of plan.objectives) map.set(o.areaCode, [...(map.get(o.areaCode) ?? []), o]);
    return map;
  }, [plan]);

  return (
    <div className={styles.view}>
      <div className={styles.toolbar}>
        <Field label={t.follow.year} className={styles.year}>
          <Select value={String(follow.year)} onChange={(_e, data) => follow.setYear(Number(data.value))}>
            {plan.years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <Button onClick={() => void follow.refresh()} disabled={follow.loading}>
          {t.follow.refresh}
        </Button>
      </div>
      <div aria-live="polite">
        {follow.loading && <Spinner size="tiny" labelPosition="after" label={t.follow.loading} />}
        {!follow.loading && follow.updatedAt && (
          <Caption1 className={styles.muted}>
            {t.follow.updatedAt(
              follow.updatedAt.toLocaleTimeString(lang === "it" ? "it-IT" : "en-US", {
                hour: "2-digit",
                minute: "2-digit",
              }),
            )}
          </Caption1>
        )}
      </div>
      {follow.error && <ErrorBar title={t.follow.readFailed} message={follow.error} />}

      {scores && (
        <>
          <section className={styles.chamber} aria-labelledby="pira-chamber-heading" data-testid="chamber-score">
            <h2 id="pira-chamber-heading" className={styles.heading}>
              <Subtitle2>
                {t.follow.chamber} · {follow.year}
              </Subtitle2>
            </h2>
            <Text className={styles.bigScore} aria-label={`${t.follow.score}: ${chamberScore}`}>
              {chamberScore}
            </Text>
            <ScoreLine result={scores.chamber} withScore={false} />
            <Caption1 className={styles.muted}>{t.follow.coverageHint}</Caption1>
          </section>

          <section className={styles.section} aria-labelledby="pira-areas-heading">
            <h3 id="pira-areas-heading" className={styles.heading}>
              <Subtitle2>{t.follow.areas}</Subtitle2>
            </h3>
            <AreaScoreChart
              title={t.follow.areaChart}
              bars={shownAreas.map((a) => ({ code: a.code, score: a.score }))}
              percent={percent}
              noScore={t.follow.noScore}
            />
            <Accordion multiple collapsible>
              {shownAreas.map((area) => (
                <AccordionItem key={area.code} value={area.code} data-area={area.code}>
                  <AccordionHeader>
                    <span className={styles.headerText}>
                      <span className={styles.name}>
                        {area.code} {areaNames.get(area.code) ?? ""}
                      </span>
                      <ScoreLine result={area} />
                    </span>
                  </AccordionHeader>
                  <AccordionPanel>
                    <ul className={styles.objectives} aria-label={t.follow.objectives}>
                      {(objectivesByArea.get(area.code) ?? []).map((o) => {
                        const result = objectiveScores.get(o.number);
                        return (
                          <li key={o.number} className={styles.objective} data-objective={o.number}>
                            <Text className={styles.name}>
                              {o.number} {o.title}
                            </Text>
                            {result && <ScoreLine result={result} />}
                          </li>
                        );
                      })}
                    </ul>
                  </AccordionPanel>
                </AccordionItem>
              ))}
            </Accordion>
            {scores.areas.length > areasShown && (
              <Button
                className={styles.more}
                size="small"
                appearance="subtle"
                onClick={() => setAreasShown((n) => n + FOLLOW_AREA_PAGE)}
              >
                {t.preview.showMore} ({scores.areas.length - areasShown})
              </Button>
            )}
          </section>

          <MissingList
            key={follow.year}
            id="missing"
            missing={follow.missing}
            year={follow.year}
            heading={t.follow.missing(follow.missing.length, follow.year)}
          />
          {follow.missingNotes.length > 0 && (
            <MissingList
              key={`notes-${follow.year}`}
              id="missing-notes"
              missing={follow.missingNotes}
              year={follow.year}
              heading={t.follow.missingNotes(follow.missingNotes.length, follow.year)}
            />
          )}
        </>
      )}
    </div>
  );
}
