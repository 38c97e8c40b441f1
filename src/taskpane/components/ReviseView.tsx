// «Aggiorna piano»: the revised document in, the change list out (grouped, proposals to confirm,
// what moves and what is archived), and only then the write.
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import * as React from "react";
import { describeChange, type Change, type Proposal } from "../../domain/match";
import type { Plan } from "../../domain/model";
import { useI18n } from "../i18n";
import type { ReviseController } from "../state/useRevise";
import { DocumentInput } from "./DocumentInput";
import { ErrorBar } from "./ErrorBar";
import { Footer } from "./Footer";
import { PagedList } from "./PagedList";
import { PlanPreview } from "./PlanPreview";
import { selectLine } from "./SourceInput";

const useStyles = makeStyles({
  view: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  plainList: { margin: 0, padding: 0, listStyleType: "none" },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Group = "added" | "removed" | "changed";

/** Entries of each list shown at first and per «Mostra altri» (a 100× revision has thousands). */
export const REVISE_PAGE = 50;

function groupOf(change: Change): Group {
  if (change.kind.endsWith("Added")) return "added";
  if (change.kind.endsWith("Removed") || change.kind.endsWith("Dropped")) return "removed";
  return "changed";
}

function indicatorName(plan: Plan, id: string): string {
  for (const o of plan.objectives) for (const i of o.indicators) if (i.id === id) return i.name;
  return "";
}

export interface ReviseViewProps {
  text: string;
  onTextChange: (text: string) => void;
  plan: Plan | null;
  pending: boolean;
  reviser: ReviseController;
  hasWorkbook: boolean;
  onGoToFollow: () => void;
}

export function ReviseView(props: ReviseViewProps): React.JSX.Element {
  const { text, onTextChange, plan, pending, reviser, hasWorkbook, onGoToFollow } = props;
  const styles = useStyles();
  const { t, lang } = useI18n();
  const textarea = React.useRef<HTMLTextAreaElement>(null);
  const state = reviser.state;
  const busy = state.kind === "reading" || state.kind === "applying";
  const canPrepare = hasWorkbook && plan !== null && plan.objectives.length > 0 && !pending && !busy;
  const headingId = React.useId();
  const hasChanges = state.kind === "preview" || state.kind === "applying";
  const blocked = hasChanges && state.result.problems.length > 0;
  const updating = hasChanges && state.updating;
  // The footer's button changes from «Mostra le modifiche» to «Applica»: the change list takes
  // the focus when it appears (read it first), «Vai al monitoraggio» once applied.
  const changes = React.useRef<HTMLHeadingElement>(null);
  const goToFollow = React.useRef<HTMLButtonElement>(null);
  const prepareButton = React.useRef<HTMLButtonElement>(null);
  const previous = React.useRef(state.kind);
  React.useEffect(() => {
    const was = previous.current;
    previous.current = state.kind;
    if (state.kind === "preview" && was === "reading") changes.current?.focus();
    if (state.kind === "done") goToFollow.current?.focus();
    if (state.kind === "noWorkbook") prepareButton.current?.focus();
  }, [state.kind]);

  return (
    <section className={styles.view} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.heading}>
        {t.revise.heading}
      </Subtitle2>
      <Caption1>{hasWorkbook ? t.revise.intro : t.revise.noWorkbook}</Caption1>
      <DocumentInput
        text={text}
        onTextChange={(next) => {
          // The change list is of the text it was prepared from: another text needs its own.
          if (state.kind !== "idle") reviser.reset();
          onTextChange(next);
        }}
        disabled={busy}
        textareaRef={textarea}
      />
      <PlanPreview plan={plan} pending={pending} onLine={(line) => selectLine(textarea.current, line)} />
      <div aria-live="polite" data-testid="revise-status" className={styles.section}>
        <ReviseStatus
          reviser={reviser}
          lang={lang}
          onGoToFollow={onGoToFollow}
          changesRef={changes}
          goToFollowRef={goToFollow}
        />
      </div>
      <Footer>
        {hasChanges ? (
          <>
            <Button
              appearance="primary"
              size="large"
              disabledFocusable={blocked || updating || state.kind === "applying"}
              aria-describedby={blocked || updating ? "pira-revise-blocked" : undefined}
              onClick={() => void reviser.apply()}
            >
              {state.kind === "applying" ? t.revise.applying : t.revise.apply}
            </Button>
            {(blocked || updating) && (
              <Caption1 id="pira-revise-blocked">{blocked ? t.revise.applyBlocked : t.revise.updating}</Caption1>
            )}
            {state.kind === "applying" && <ProgressBar value={state.progress} aria-label={t.revise.applying} />}
          </>
        ) : (
          <Button
            ref={prepareButton}
            appearance="primary"
            size="large"
            disabledFocusable={!canPrepare}
            onClick={() => plan && void reviser.prepare(plan)}
          >
            {t.revise.prepare}
          </Button>
        )}
      </Footer>
    </section>
  );
}

function ReviseStatus({
  reviser,
  lang,
  onGoToFollow,
  changesRef,
  goToFollowRef,
}: {
  reviser: ReviseController;
  lang: "it" | "en";
  onGoToFollow: () => void;
  changesRef: React.Ref<HTMLHeadingElement>;
  goToFollowRef: React.Ref<HTMLButtonElement>;
}): React.JSX.Element {
  const styles = useStyles();
  const { t } = useI18n();
  const state = reviser.state;
  switch (state.kind) {
    case "reading":
      return (
        <Field validationMessage={t.revise.preparing} validationState="none">
          <ProgressBar aria-label={t.revise.preparing} />
        </Field>
      );
    case "noWorkbook":
      return <Caption1>{t.revise.noWorkbook}</Caption1>;
    case "done": {
      const { summary } = state.result;
      return (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t.revise.done}</MessageBarTitle>
            {t.revise.doneBody(
              summary.changes,
              summary.carriedActuals + summary.carriedNotes,
              summary.archivedActuals + summary.archivedNotes,
            )}{" "}
            <Button ref={goToFollowRef} onClick={onGoToFollow}>
              {t.import.goToFollow}
            </Button>
          </MessageBarBody>
        </MessageBar>
      );
    }
    case "preview":
    case "applying": {
      const { result, contents, plan, accepted } = state;
      const groups: Record<Group, Change[]> = { added: [], removed: [], changed: [] };
      for (const c of result.changes) groups[groupOf(c)].push(c);
      const proposals: Proposal[] = [...result.summary.acceptedProposals, ...result.summary.refusedProposals].sort(
        (a, b) => a.oldId.localeCompare(b.oldId, "it", { numeric: true }),
      );
      const isAccepted = (p: Proposal) => accepted.some((a) => a.oldId === p.oldId && a.newId === p.newId);
      const blocked = result.problems.length > 0;
      const applying = state.kind === "applying";
      const total = result.changes.length;
      const { summary } = result;
      return (
        <>
          <h3 className={styles.heading} ref={changesRef} tabIndex={-1}>
            <Subtitle2>{t.revise.changesHeading(total)}</Subtitle2>
          </h3>
          {(["added", "removed", "changed"] as const).map((group) => (
            <div key={group} className={styles.section} data-testid={`revise-${group}`}>
              <Subtitle2 as="h3" id={`pira-revise-${group}-heading`} className={styles.heading}>
                {t.revise[group]} ({groups[group].length})
              </Subtitle2>
              {groups[group].length === 0 ? (
                <Caption1 className={styles.muted}>{t.revise.nothing}</Caption1>
              ) : (
                <PagedList
                  items={groups[group]}
                  page={REVISE_PAGE}
                  labelledBy={`pira-revise-${group}-heading`}
                  listClassName={styles.list}
                  render={(c) => describeChange(c, lang)}
                />
              )}
            </div>
          ))}
          {proposals.length > 0 && (
            <fieldset className={styles.section} data-testid="revise-proposals">
              <legend>
                <Subtitle2 as="h3" id="pira-revise-proposals-heading" className={styles.heading}>
                  {t.revise.proposals} ({proposals.length})
                </Subtitle2>
              </legend>
              <Caption1>{t.revise.proposalsHint}</Caption1>
              <PagedList
                items={proposals}
                page={REVISE_PAGE}
                keyOf={(p) => `${p.oldId}→${p.newId}`}
                labelledBy="pira-revise-proposals-heading"
                listClassName={styles.plainList}
                render={(p) => (
                  <Checkbox
                    checked={isAccepted(p)}
                    disabled={applying}
                    onChange={(_e, data) => reviser.toggle(p, data.checked === true)}
                    label={t.revise.proposal(
                      p.oldId,
                      indicatorName(contents.plan, p.oldId),
                      p.newId,
                      indicatorName(plan, p.newId),
                    )}
                  />
                )}
              />
            </fieldset>
          )}
          <div className={styles.section} data-testid="revise-carried">
            <Subtitle2 as="h3" className={styles.heading}>
              {t.revise.carriedSection}
            </Subtitle2>
            <Caption1>{t.revise.carried(summary.carriedActuals, summary.carriedNotes)}</Caption1>
            {summary.underChangedTarget > 0 && (
              <Caption1>{t.revise.underChangedTarget(summary.underChangedTarget)}</Caption1>
            )}
          </div>
          <div className={styles.section} data-testid="revise-archived">
            <Subtitle2 as="h3" id="pira-revise-archive-heading" className={styles.heading}>
              {t.revise.archiveSection} ({result.archiveAdded.length})
            </Subtitle2>
            <Caption1>{t.revise.archived(summary.archivedActuals, summary.archivedNotes)}</Caption1>
            {result.archiveAdded.length > 0 && (
              <PagedList
                items={result.archiveAdded}
                page={REVISE_PAGE}
                labelledBy="pira-revise-archive-heading"
                listClassName={styles.list}
                render={(row) => (
                  <>
                    {t.revise.archiveRow(
                      row.oldId,
                      row.year === null ? "—" : String(row.year),
                      row.note ?? String(row.actual ?? ""),
                    )}{" "}
                    <span className={styles.muted}>({row.reason})</span>
                  </>
                )}
              />
            )}
          </div>
          {blocked && <ErrorBar title={t.revise.problems} message={result.problems.join(" ")} />}
        </>
      );
    }
    case "failed":
      return <ErrorBar title={t.revise.failed} message={state.message} focus />;
    default:
      return <></>;
  }
}
