// The yearly cycle: a revised plan matched to the workbook's plan, the change list between them,
// and where every typed consuntivo and note goes.
//
//   const match = matchPlans(workbookPlan, revisedPlan);          // proposals await the user
//   const confirmed = acceptProposals(workbookPlan, revisedPlan, match, chosen);
//   confirmed.changes.map((c) => describeChange(c, "it"));        // the Registro
//   planCarryOver(workbookPlan, revisedPlan, confirmed, actuals, notes); // carried + archived
//
// Objectives match by normalised title, then by number (when the title or an indicator agrees);
// indicators by normalised name inside their matched objective, then anywhere (moved), then by
// Dice similarity ≥ DEFAULT_SIMILARITY_THRESHOLD as a proposal. Never by position.

export {
  acceptProposals,
  DEFAULT_MAX_SIMILARITY_PAIRS,
  DEFAULT_SIMILARITY_THRESHOLD,
  matchPlans,
  OBJECTIVE_NUMBER_TITLE_MIN,
  type IndicatorMatch,
  type MatchOptions,
  type MatchStatus,
  type ObjectiveMatch,
  type PlanMatch,
  type Proposal,
} from "./matchPlans";
export { planChanges, sameTarget, type AcceptedMatch, type Change, type ChangeKind } from "./changes";
export { CHANGE_KIND_LABELS, describeChange, type Language } from "./describe";
export {
  planCarryOver,
  type ArchiveReason,
  type ArchivedValue,
  type CarriedValue,
  type CarryOver,
  type Notes,
  type ValueSource,
} from "./carryOver";
export { normaliseName, sameDisplayText } from "./normalise";
export { similarity } from "./similarity";
