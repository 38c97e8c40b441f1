// Matching a revised plan to the workbook's plan, the change list, and the carry-over of typed values.

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
export { describeChange, type Language } from "./describe";
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
