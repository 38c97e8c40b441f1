// The pane's words in English, shown when Office's UI language is English.
import { plural } from "./plural";
import type { Strings } from "./it";

export const en: Strings = {
  appTitle: "PIRA dashboard",
  tabs: { import: "Import", update: "Update plan", follow: "Monitoring", settings: "Settings" },
  tabListLabel: "Dashboard sections",

  source: {
    label: "Dashboard text",
    hint: "Paste the dashboard text approved by the Council, or open or drop its PDF, Word document (.docx) or a .txt or .md file here.",
    placeholder: "Paste the strategic objectives dashboard here…",
    open: "Open file…",
    clear: "Clear",
    dropHere: "Drop the file to read it",
    fileLoaded: (name, encoding) =>
      encoding ? `File "${name}" read with the ${encoding} encoding (not UTF-8).` : `File "${name}" read.`,
    fileLoadedAs: (name, what) => `File "${name}" read: ${what}.`,
    // The reason comes from the domain's sources, in Italian like the document itself.
    fileRefused: (name, why) => `"${name}" was not read: ${why}`,
    fileUnreadable: (name) => `Could not read "${name}".`,
    reading: "Reading the dashboard…",
    largeText: (lines, size) =>
      `Long text (${lines} lines, ${size}): shown read-only so the box stays fast. To change it, fix the document and paste it again, or press "Clear".`,
  },

  preview: {
    heading: "Preview",
    empty: "The preview appears here once you paste or open the dashboard.",
    nothingFound:
      'No objective was found in the text. Check that you pasted the whole dashboard (with its "Ambito strategico" and "Indicatori" lines).',
    counts: "Contents",
    areas: (n) => plural(n, "area", "areas"),
    objectives: (n) => plural(n, "objective", "objectives"),
    indicators: (n) => plural(n, "indicator", "indicators"),
    years: (n) => plural(n, "year", "years"),
    approvedOn: (date) => `Approved on ${date}`,
    yearRange: (from, to) => (from === to ? `Year ${from}` : `Years ${from}–${to}`),
    treeLabel: "Areas, objectives and indicators",
    treeHint: "Open an area or an objective to see its contents (arrow keys move).",
    weight: "weight",
    weightOnArea: "weight in area",
    noTarget: "no target",
    monitoringOnly: "monitoring only",
    monitoringOnlyTitle: "Weight 0%: followed, but not counted in the objective's score",
    common: "OC",
    commonTitle: "Unioncamere common indicator",
    objectiveLabel: (n) => `Objective ${n}`,
    moreAreas: (shown, total) => `Showing ${shown} of ${total} areas.`,
    showMore: "Show more",
  },

  diagnostics: {
    heading: "Checks",
    none: "No problem found in the text.",
    group: { error: "Errors", warning: "Warnings", info: "Notes" },
    line: (n) => (n > 0 ? `line ${n}` : "whole dashboard"),
    showLine: "show in the text",
    indicator: (id) => `indicator ${id}`,
    objective: (n) => `objective ${n}`,
    showInTree: "show in the tree",
    errorsBeforeImport: (n) =>
      `The text has ${n === 1 ? "1 error" : `${n} errors`}: you can import, but the scores concerned may be ` +
      `missing. See the details under "Checks".`,
  },

  formulaMode: {
    label: "Formulas in the workbook",
    native: "Excel formulas (recommended: people without the add-in see the same values)",
    pira: "PIRA.SCORE functions (need the add-in)",
    short: { native: "Excel formulas", pira: "PIRA functions" },
  },

  import: {
    button: "Import into the workbook",
    busy: "Importing…",
    checking: "Checking the workbook…",
    writing: "Writing the sheets…",
    done: "Import complete",
    success: (areas, objectives, indicators, sheets) =>
      `Imported ${plural(areas, "area", "areas")}, ${plural(objectives, "objective", "objectives")} and ` +
      `${plural(indicators, "indicator", "indicators")} into ${plural(sheets, "sheet", "sheets")}.`,
    failed: "Import failed",
    refused: "Import cancelled",
    typedActuals: (n) =>
      `The workbook already holds ${n === 1 ? "1 typed actual" : `${n} typed actuals`}: importing would delete ` +
      `${n === 1 ? "it" : "them"}. Typed actuals are never deleted: import the dashboard into a new workbook.`,
    replaceTitle: "Replace the existing sheets?",
    replaceBody: (sheets) =>
      `The workbook already has ${sheets.length === 1 ? "the sheet" : "the sheets"} ${sheets
        .map((s) => `"${s}"`)
        .join(", ")}. It holds no typed actuals. Replace them with the previewed dashboard?`,
    replace: "Replace",
    cancel: "Cancel",
    cancelled: "Import cancelled: the workbook was not changed.",
    goToFollow: "Go to monitoring",
    noPlan: "Paste or open a dashboard to import it.",
  },

  revise: {
    heading: "Update the plan",
    intro:
      "Paste or open the revised dashboard: before anything is written you see what changes, which actuals and " +
      "notes move to the new indicators and what goes to the Archive.",
    noWorkbook: "The workbook holds no dashboard yet: import one from the «Import» tab.",
    prepare: "Show the changes",
    preparing: "Reading the workbook…",
    apply: "Apply the update",
    applying: "Writing the workbook…",
    updating: "Updating the changes…",
    applyNeedsPreview: "Show the changes first.",
    changesHeading: (n) => (n === 0 ? "No change to the plan" : `${plural(n, "change", "changes")} to the plan`),
    applyBlocked: "Cannot apply: fix the problems listed.",
    added: "Added",
    removed: "Removed",
    changed: "Changed",
    nothing: "None",
    proposals: "Matches to confirm",
    proposalsHint: "Indicators with similar names: tick those that are the same indicator, so their actuals follow.",
    proposal: (oldId: string, oldName: string, newId: string, newName: string) =>
      `${oldId} «${oldName}» → ${newId} «${newName}»`,
    carried: (actuals: number, notes: number) =>
      `${plural(actuals, "actual", "actuals")} and ${plural(notes, "note", "notes")} move to the new indicators.`,
    archived: (actuals: number, notes: number) =>
      actuals + notes === 0
        ? "Nothing goes to the Archive."
        : `${plural(actuals, "actual", "actuals")} and ${plural(notes, "note", "notes")} go to the Archive:`,
    archiveSection: "To archive",
    carriedSection: "Actuals and notes",
    underChangedTarget: (n: number) => `${plural(n, "carried actual has", "carried actuals have")} a changed target.`,
    problems: "Problems that prevent the update",
    failed: "Update failed",
    done: "Plan updated",
    doneBody: (changes: number, carried: number, archived: number) =>
      `${plural(changes, "change", "changes")} applied, ${plural(carried, "value", "values")} carried, ` +
      `${plural(archived, "value", "values")} archived.`,
    archiveRow: (id: string, year: string, value: string) => `${id}, ${year}: ${value}`,
  },

  follow: {
    heading: "Monitoring",
    noPlan: "Import a dashboard to follow its progress.",
    year: "Year",
    refresh: "Refresh from actuals",
    loading: "Reading the actuals…",
    readFailed: "Could not read the actuals",
    chamber: "Chamber of commerce",
    areas: "Strategic areas",
    areaChart: "Score by strategic area",
    objectives: "Objectives",
    score: "Score",
    coverage: (pct) => `coverage ${pct}`,
    noScore: "no actual yet",
    coverageHint: "Coverage is the share of the weight that already has an actual.",
    missing: (n, year) =>
      n === 0 ? `All ${year} actuals are in.` : `${n} ${n === 1 ? "actual" : "actuals"} missing for ${year}`,
    missingNotes: (n, year) =>
      `${n} ${n === 1 ? "variance note" : "variance notes"} missing for ${year} (actuals short of the target)`,
    missingHint: "Select an indicator to go to its row on the Indicatori sheet.",
    goTo: (id, name) => `Go to indicator ${id}: ${name}`,
    goFailed: "Could not go to the indicator's row",
    updatedAt: (time) => `Updated at ${time}`,
  },

  status: {
    Raggiunto: "Achieved",
    "Parzialmente raggiunto": "Partly achieved",
    "Non raggiunto": "Not achieved",
    "n.d.": "n/a",
  },

  settings: {
    heading: "Settings",
    thresholds: "Thresholds",
    profile: "Threshold profile",
    customProfile: "Custom (thresholds set here)",
    greenFrom: '"Achieved" from (%)',
    amberFrom: '"Partly achieved" from (%)',
    thresholdsInvalid: 'The "Partly achieved" threshold must not exceed the "Achieved" one.',
    applyBlockedThresholds: "Cannot apply: the two thresholds are out of order.",
    mode: "Scoring method",
    modes: {
      proporzionale: "Proportional (actual / target)",
      binario: "Binary (achieved or not)",
      lineare: "Linear (distance from target)",
    },
    formulaMode: "Formulas",
    apply: "Apply to the workbook",
    applying: "Updating the workbook…",
    applied: "Settings applied. Typed actuals were kept.",
    applyFailed: "Update failed",
    needImport: "Import a dashboard to change the workbook's settings.",
    share: "Prepare for sharing",
    shareHint: "Switch to Excel formulas, so reviewers without the add-in (e.g. the OIV) see the same scores.",
    shared: "Workbook ready to share: it uses Excel formulas. Typed actuals were kept.",
    alreadyShared: "The workbook already uses Excel formulas.",
  },

  guide: {
    title: "Getting started",
    steps: [
      "Paste the strategic objectives dashboard text below, or open its PDF or Word file.",
      "Check the preview: counts, the objectives tree and the warnings with their line in the text.",
      "Press «Import into the workbook»: the sheets are created; then type the actuals in the Indicatori sheet.",
      "Monitoring shows scores and missing actuals; each year «Update plan» brings in the revised plan.",
    ],
    close: "Got it",
  },
  live: { ready: "Ready" },
  errorPrefix: "Error",
  readFailed: "The dashboard already in the workbook could not be read",
};
