#!/usr/bin/env node
// npm run test:e2e: the built taskpane.html in headless Chromium with a fake Office host. Pastes
// the sample, checks the preview, imports, checks what the (recording) workbook received, types
// actuals, follows them, and saves screenshots to test-artifacts/. Fails, never skips, when
// Chromium is missing (CI included).
/* global window, document, getComputedStyle, DataTransfer, ClipboardEvent -- page.evaluate callbacks run in the browser */
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const {
  ROOT,
  buildAddin,
  chromiumPath,
  fakeExcelBundle,
  launch,
  officeHostScript,
  openPane,
  serve,
} = require("./browser");

const { AxeBuilder } = require("@axe-core/playwright");

const ARTIFACTS = path.join(ROOT, "test-artifacts");
const SAMPLE = fs.readFileSync(path.join(ROOT, "samples/cruscotto-pira-2023.txt"), "utf8");
const REVISED = fs.readFileSync(path.join(ROOT, "test/fixtures/revised/cruscotto-pira-2024.txt"), "utf8");
// Generous ceilings for a shared 2-core machine; nothing is asserted about time.
const WAIT = { timeout: 60_000 };

const results = [];
let failed = false;

async function check(name, fn) {
  if (failed) {
    results.push({ name, status: "not run" });
    return;
  }
  try {
    await fn();
    results.push({ name, status: "passed" });
    process.stdout.write(`  ✓ ${name}\n`);
  } catch (error) {
    failed = true;
    results.push({ name, status: "failed", error });
    process.stdout.write(
      `  ✗ ${name}\n    ${String(error && error.stack ? error.stack : error).replace(/\n/g, "\n    ")}\n`,
    );
  }
}

function expectEqual(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}: expected ${e}, got ${a}`);
}

function expectContains(text, part, what) {
  if (!String(text).includes(part)) throw new Error(`${what}: expected to contain «${part}», got «${text}»`);
}

/** Runs in the page: the recording workbook, summarised. */
function workbookSummary() {
  const book = window.__pira.fake.workbook;
  const table = book.table("tblIndicatori");
  const sheet = book.sheet("Indicatori");
  const headers = table.headers();
  const formulaCells = (header) => {
    const col = headers.indexOf(header);
    let n = 0;
    for (let r = 1; r < table.rect.rows; r++) {
      if (/^=/.test(String(sheet.formulaAt(table.rect.row + r, table.rect.column + col)))) n++;
    }
    return n;
  };
  return {
    sheets: book.sheetNames(),
    tables: book.tables.map((t) => t.name).sort(),
    names: book.names.map((n) => n.name).sort(),
    indicatorRows: table.rect.rows - 1,
    firstIds: [1, 2, 3].map((r) =>
      sheet.valueAt(table.rect.row + r, table.rect.column + headers.indexOf("Indicatore")),
    ),
    scoreFormulas: formulaCells("Punteggio 2023"),
    statusFormulas: formulaCells("Stato 2023"),
    piraCalls: [...sheet.cells.values()].filter(
      (c) => c.content && c.content.kind === "formula" && /PIRA\./.test(c.content.formula),
    ).length,
    protectedSheets: book.sheets.filter((s) => s.protection.protected).map((s) => s.name),
    syncs: window.__pira.fake.log.syncs,
  };
}

/** Runs in the page: types actuals into the Indicatori table as a user would; returns the cells typed. */
function typeActuals(entries) {
  const book = window.__pira.fake.workbook;
  const table = book.table("tblIndicatori");
  const sheet = book.sheet("Indicatori");
  const headers = table.headers();
  const letters = (c) => {
    let n = c + 1;
    let s = "";
    while (n > 0) {
      s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const idCol = table.rect.column + headers.indexOf("Indicatore");
  return entries.map(([id, year, value]) => {
    let row = -1;
    for (let r = 1; r < table.rect.rows; r++)
      if (sheet.valueAt(table.rect.row + r, idCol) === id) row = table.rect.row + r;
    const address = `${letters(table.rect.column + headers.indexOf(`Consuntivo ${year}`))}${row + 1}`;
    sheet.type(address, value);
    return address;
  });
}

/**
 * axe-core on the page as it is: fails on any violation except Tabster's `aria-hidden-focus`,
 * a known false positive of Fluent's focus-trap dummy inputs (microsoft/tabster#288), listed by name.
 */
const TOLERATED = { "aria-hidden-focus": "Fluent's Tabster dummy inputs (microsoft/tabster#288)" };
async function expectAccessible(page, view) {
  // Colours measured in the middle of a fade (the dialog's, a message bar's) are not the colours shown.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, WAIT);
  const { violations } = await new AxeBuilder({ page }).analyze();
  for (const v of violations.filter((x) => TOLERATED[x.id])) {
    process.stdout.write(`    axe ${view}: tolerated ${v.id} (${v.nodes.length}) — ${TOLERATED[v.id]}\n`);
  }
  const real = violations.filter((x) => !TOLERATED[x.id]);
  if (real.length > 0) {
    throw new Error(
      `axe ${view}: ` +
        real
          .map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help} — ` +
              v.nodes.map((n) => `${n.target.join(" ")} ${n.html.slice(0, 160)} ${n.failureSummary || ""}`).join("; "),
          )
          .join("\n"),
    );
  }
}

/** The focused element as the accessibility tree names it: { role, name } ("body" when nothing is). */
async function focused(page) {
  if (await page.evaluate(() => document.activeElement === null || document.activeElement === document.body)) {
    return { role: "body", name: "" };
  }
  const snap = await page.locator(":focus").ariaSnapshot({ timeout: 5_000 });
  // The snapshot is YAML: its first line is `- role "name"`, single-quoted when it holds a colon.
  let line = snap.split("\n")[0].replace(/^- /, "");
  if (line.startsWith("'")) line = line.slice(1, line.lastIndexOf("'")).replace(/''/g, "'");
  const m = /^([\w-]+)(?: "((?:[^"\\]|\\.)*)")?/.exec(line);
  if (!m) throw new Error(`focused element not understood: ${snap.slice(0, 200)}`);
  return { role: m[1], name: (m[2] || "").replace(/\\(.)/g, "$1") };
}

function nameMatches(name, expected) {
  return expected instanceof RegExp ? expected.test(name) : name === expected;
}

/**
 * Asserts the focused element's role and accessible name (a string, exact, or a RegExp), as a
 * web-first assertion: React and Fluent move the focus in effects after a key press (a dialog
 * focuses its surface, then its first button), so the focus is looked at for up to 3 s until it
 * settles where expected; anywhere else at the end fails, naming what was focused.
 */
async function expectFocus(page, role, name, what) {
  const until = Date.now() + 3_000;
  for (;;) {
    let f;
    try {
      f = await focused(page);
    } catch (error) {
      f = { role: "?", name: String(error && error.message).slice(0, 120) };
    }
    if (f.role === role && nameMatches(f.name, name)) return;
    if (Date.now() > until) {
      throw new Error(`${what}: expected focus on ${role} «${name}», got ${f.role} «${f.name}»`);
    }
    await page.waitForTimeout(100);
  }
}

/**
 * Runs in the page: whether the focused element shows (on screen, not under the pinned footer or
 * anything else, with the focus-visible ring a keyboard user sees).
 */
function focusShows() {
  const el = document.activeElement;
  const r = el.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + Math.min(r.width / 2, 12), 0), window.innerWidth - 1);
  const y = Math.min(Math.max(r.top + Math.min(r.height / 2, 12), 0), window.innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const onScreen = r.bottom > 0 && r.top < window.innerHeight && r.width > 0 && r.height > 0;
  return {
    onScreen,
    uncovered: hit !== null && (el === hit || el.contains(hit) || hit.contains(el)),
    ring: el.matches(":focus-visible"),
    what: `${el.tagName.toLowerCase()} «${(el.getAttribute("aria-label") || el.textContent || "").slice(0, 40)}»`,
    at: [Math.round(x), Math.round(y)],
    hit: hit
      ? `${hit.tagName.toLowerCase()}.${String(hit.className).slice(0, 60)} «${(hit.textContent || "").slice(0, 30)}»`
      : null,
  };
}

async function expectFocusShows(page, what) {
  // A branch opening moves what is below it for a moment (Fluent's open motion): allow it a second.
  let shows;
  for (let i = 0; i < 10; i++) {
    shows = await page.evaluate(focusShows);
    if (shows.onScreen && shows.uncovered && shows.ring) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${what}: the focused ${shows.what} does not show: ${JSON.stringify(shows)}`);
}

/**
 * Presses Tab (or Shift+Tab) until the focus reaches `role` «name», checking at every stop that the
 * focused element shows; fails with the stops it went through when `max` presses do not reach it.
 */
async function tabTo(page, role, name, { back = false, max = 40 } = {}) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    const f = await focused(page);
    stops.push(`${f.role} «${f.name.slice(0, 40)}»`);
    if (f.role !== "body") await expectFocusShows(page, `Tab stop ${i + 1}`);
    if (f.role === role && nameMatches(f.name, name)) return stops;
  }
  throw new Error(`${back ? "Shift+Tab" : "Tab"} never reached ${role} «${name}»: ${stops.join(" → ")}`);
}

/** Runs in the page: a paste of `text` into the focused element, as a user's Ctrl+V gives it. */
function pasteIntoFocused(text) {
  const data = new DataTransfer();
  data.setData("text/plain", text);
  document.activeElement.dispatchEvent(
    new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
  );
}

/** The pane's words the tours look for, in each language (i18n.ts has them all). */
const WORDS = {
  it: {
    tablist: "Sezioni del cruscotto",
    text: /Testo del cruscotto/,
    counts: "Contenuto",
    import: "Importa nella cartella",
    done: "Importazione completata",
    replaceTitle: "Sostituire i fogli esistenti?",
    tabs: { import: "Importa", update: "Aggiorna piano", follow: "Monitoraggio", settings: "Impostazioni" },
    prepare: "Mostra le modifiche",
    apply: "Applica l'aggiornamento",
    notes: /^Note/,
    area: /^011 Utenti, imprese e territorio/,
    objective: /^1 Semplificazione Amministrativa/,
  },
  en: {
    tablist: "Dashboard sections",
    text: /Dashboard text/,
    counts: "Contents",
    import: "Import into the workbook",
    done: "Import complete",
    replaceTitle: "Replace the existing sheets?",
    tabs: { import: "Import", update: "Update plan", follow: "Monitoring", settings: "Settings" },
    prepare: "Show the changes",
    apply: "Apply the update",
    notes: /^Notes/,
    area: /^011 Utenti, imprese e territorio/,
    objective: /^1 Semplificazione Amministrativa/,
  },
};

/**
 * axe-core on every view of a fresh pane: the first-run guide over the empty import, the empty
 * follow and update views, the preview, the tree open, every diagnostic group open, the import
 * done, the replace dialog, the follow view, the settings, and the update's change list.
 */
async function axeTour(browser, serverUrl, bundle, { lang, dark, viewport }, pageErrors) {
  const w = WORDS[lang];
  const label = `${lang}${dark ? ", dark" : ""}, ${viewport.width}×${viewport.height}`;
  const { context, page } = await openPane(
    browser,
    serverUrl,
    officeHostScript(bundle, {
      displayLanguage: lang === "en" ? "en-US" : "it-IT",
      bodyBackgroundColor: dark ? "#262626" : "#FFFFFF",
    }),
    viewport,
  );
  page.on("pageerror", (error) => pageErrors.push(error));
  try {
    await page.goto(`${serverUrl}taskpane.html`);
    await page.getByRole("tablist", { name: w.tablist }).waitFor(WAIT);
    await page.getByTestId("first-run-guide").waitFor(WAIT);
    await expectAccessible(page, `import empty with the first-run guide (${label})`);
    await page.getByRole("tab", { name: w.tabs.follow }).click();
    await expectAccessible(page, `follow before any import (${label})`);
    await page.getByRole("tab", { name: w.tabs.update }).click();
    await expectAccessible(page, `update with no workbook (${label})`);
    await page.getByRole("tab", { name: w.tabs.import }).click();

    await page.getByRole("textbox", { name: w.text }).fill(SAMPLE);
    await page.getByRole("list", { name: w.counts }).waitFor(WAIT);
    await expectAccessible(page, `import with preview (${label})`);
    await page.getByRole("treeitem", { name: w.area }).click();
    await page.getByRole("treeitem", { name: w.objective }).click();
    await page.getByRole("treeitem", { name: /^1\.4 DFP 3\.3/ }).waitFor(WAIT);
    await expectAccessible(page, `import with the tree open (${label})`);
    await page.getByRole("button", { name: w.notes }).click();
    await expectAccessible(page, `import with the diagnostics open (${label})`);
    await page.screenshot({
      path: path.join(ARTIFACTS, `taskpane-preview-${lang}${dark ? "-dark" : ""}-${viewport.width}.png`),
      animations: "disabled",
    });

    await page.getByRole("button", { name: w.import }).click();
    await page.getByTestId("import-status").getByText(w.done).waitFor(WAIT);
    await expectAccessible(page, `import done (${label})`);
    await page.getByRole("button", { name: w.import }).click();
    await page.getByRole("alertdialog", { name: w.replaceTitle }).waitFor(WAIT);
    await expectAccessible(page, `replace dialog (${label})`);
    await page.keyboard.press("Escape");
    await page.getByRole("alertdialog").waitFor({ state: "detached", ...WAIT });

    await page.getByRole("tab", { name: w.tabs.follow }).click();
    await page.getByTestId("chamber-score").waitFor(WAIT);
    await expectAccessible(page, `follow (${label})`);
    await page.getByRole("tab", { name: w.tabs.settings }).click();
    await page.getByRole("spinbutton").first().waitFor(WAIT);
    await expectAccessible(page, `settings (${label})`);

    await page.getByRole("tab", { name: w.tabs.update }).click();
    await page.getByRole("textbox", { name: w.text }).fill(REVISED);
    await page.getByRole("list", { name: w.counts }).waitFor(WAIT);
    await page.getByRole("button", { name: w.prepare }).click();
    await page.getByRole("button", { name: w.apply }).waitFor(WAIT);
    await expectAccessible(page, `update with the change list (${label})`);
    await page.screenshot({
      path: path.join(ARTIFACTS, `taskpane-update-${lang}${dark ? "-dark" : ""}-${viewport.width}.png`),
      animations: "disabled",
    });
  } finally {
    await context.close();
  }
}

/** Runs in the page: one column of a table of the recording workbook, by header, keyed by another column. */
function tableColumn([tableName, keyHeader, header]) {
  const book = window.__pira.fake.workbook;
  const table = book.table(tableName);
  if (!table) return null;
  const sheet = table.sheet;
  const headers = table.headers();
  const key = headers.indexOf(keyHeader);
  const col = headers.indexOf(header);
  if (key < 0 || col < 0) return null;
  const out = [];
  for (let r = 1; r < table.rect.rows; r++) {
    out.push([
      sheet.valueAt(table.rect.row + r, table.rect.column + key),
      sheet.valueAt(table.rect.row + r, table.rect.column + col),
    ]);
  }
  return out;
}

async function main() {
  chromiumPath(); // fail before the build when there is nothing to run it in
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  process.stdout.write("e2e: building the add-in (webpack --mode development)…\n");
  const out = await buildAddin("development");
  const server = await serve(out);
  const browser = await launch();
  const pageErrors = [];
  try {
    const bundle = fakeExcelBundle();
    const functionIds = JSON.parse(fs.readFileSync(path.join(out, "functions.json"), "utf8")).functions.map(
      (f) => f.id,
    );
    const { page } = await openPane(browser, server.url, officeHostScript(bundle));
    page.on("pageerror", (error) => pageErrors.push(error));
    const workers = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    await page.goto(`${server.url}taskpane.html`);

    await check("the page loads Office (faked), the functions and the pane, in Italian", async () => {
      await page.getByRole("tablist", { name: "Sezioni del cruscotto" }).waitFor(WAIT);
      expectEqual(await page.evaluate(() => document.documentElement.lang), "it", "page language");
      expectEqual(await page.evaluate(() => window.__pira.associated), functionIds, "custom functions associated");
    });

    await check("pasting the sample previews 4 areas, 14 objectives, 58 indicators, 4 years", async () => {
      await page.getByRole("textbox", { name: /Testo del cruscotto/ }).fill(SAMPLE);
      const counts = page.getByRole("list", { name: "Contenuto" });
      await counts.waitFor(WAIT);
      const labels = await counts
        .getByRole("listitem")
        .evaluateAll((items) => items.map((i) => i.textContent.replace(/\s+/g, " ").trim()));
      expectEqual(labels, ["4 ambiti", "14 obiettivi", "58 indicatori", "4 anni"], "preview counts");
      // The text was read off the UI thread, by the parse worker the build ships.
      expectEqual(
        workers.map((url) => url.slice(server.url.length)),
        ["parse-worker.js"],
        "workers started by the pane",
      );
    });

    await check("the tree opens to indicators with weights and targets; diagnostics carry line numbers", async () => {
      await page.getByRole("treeitem", { name: /^011 Utenti, imprese e territorio/ }).click();
      await page.getByRole("treeitem", { name: /^1 Semplificazione Amministrativa/ }).click();
      const indicator = page.getByRole("treeitem", { name: /^1\.1 Azioni di diffusione/ });
      await indicator.waitFor(WAIT);
      const text = await indicator.textContent();
      expectContains(text, "peso 14,28%", "indicator 1.1");
      // Targets as a per-year grid, ≥ for the document's ">=".
      expectContains(await indicator.getByTestId("targets").textContent(), "2023≥ 13 N.2024≥ 20 N.", "indicator 1.1");
      const warnings = await page.getByRole("button", { name: /Avvisi/ }).textContent();
      expectContains(warnings, "3", "warnings group");
      expectContains(
        await page.getByText("Manca il target 2025 dell'indicatore 1.4").locator("..").first().textContent(),
        "riga 35",
        "diagnostic line",
      );
      await page.screenshot({
        path: path.join(ARTIFACTS, "taskpane-preview.png"),
        fullPage: true,
        animations: "disabled",
      });
      await expectAccessible(page, "import (it)");
    });

    await check(
      "importing writes the six sheets, 58 indicator rows and native formulas into the workbook",
      async () => {
        await page.getByRole("button", { name: "Importa nella cartella" }).click();
        const status = page.getByTestId("import-status");
        await status.getByText("Importazione completata").waitFor(WAIT);
        expectContains(
          await status.textContent(),
          "Importati 4 ambiti, 14 obiettivi e 58 indicatori in 8 fogli.",
          "result",
        );
        const wb = await page.evaluate(workbookSummary);
        for (const sheet of [
          "Cruscotto",
          "Indicatori",
          "Obiettivi",
          "Impostazioni",
          "Diagnostica",
          "Rendicontazione",
        ]) {
          if (!wb.sheets.includes(sheet)) throw new Error(`sheet ${sheet} missing: ${wb.sheets.join(", ")}`);
        }
        expectEqual(wb.indicatorRows, 58, "tblIndicatori body rows");
        expectEqual(wb.firstIds, ["1.1", "1.2", "1.3"], "first indicator ids");
        expectEqual([wb.scoreFormulas, wb.statusFormulas], [58, 58], "2023 score and status formulas");
        expectEqual(wb.piraCalls, 0, "PIRA.* calls in native mode");
        for (const t of ["tblIndicatori", "tblObiettivi", "tblPesiAmbiti"]) {
          if (!wb.tables.includes(t)) throw new Error(`table ${t} missing: ${wb.tables.join(", ")}`);
        }
        for (const n of ["PIRA_SogliaVerde", "PIRA_SogliaGialla", "PIRA_Anno"]) {
          if (!wb.names.includes(n)) throw new Error(`name ${n} missing: ${wb.names.join(", ")}`);
        }
        if (!wb.protectedSheets.includes("Indicatori")) throw new Error("Indicatori is not protected");
      },
    );

    await check("importing again asks before replacing the sheets; «Annulla» leaves the workbook alone", async () => {
      const syncsBefore = await page.evaluate(() => window.__pira.fake.log.syncs);
      await page.getByRole("button", { name: "Importa nella cartella" }).click();
      const dialog = page.getByRole("alertdialog", { name: "Sostituire i fogli esistenti?" });
      await dialog.waitFor(WAIT);
      expectContains(await dialog.textContent(), "«Cruscotto», «Indicatori», «Obiettivi»", "dialog text");
      // Focus is inside the dialog, on the safe answer, ready for the keyboard.
      expectEqual(
        await page.evaluate(() => document.activeElement && document.activeElement.textContent),
        "Annulla",
        "focused button",
      );
      await page.keyboard.press("Escape");
      await page.getByText("Importazione annullata: la cartella non è stata modificata.").waitFor(WAIT);
      const writes = await page.evaluate(
        (before) => window.__pira.fake.log.writes.filter((w) => w.sync > before).length,
        syncsBefore,
      );
      expectEqual(writes, 0, "writes after «Annulla»");
      // Focus returns to the import button the dialog came from.
      expectEqual(
        await page.evaluate(() => document.activeElement && document.activeElement.textContent),
        "Importa nella cartella",
        "focus after the dialog",
      );
    });

    await check("typed actuals are scored in the follow view; missing ones are counted", async () => {
      const cells = await page.evaluate(typeActuals, [
        ["1.1", 2023, 15],
        ["1.2", 2023, "SI"],
        ["1.3", 2023, 350],
        ["1.5", 2023, "20%"],
      ]);
      expectEqual(cells, ["I2", "I3", "I4", "I6"], "cells typed");
      await page.getByRole("tab", { name: "Monitoraggio" }).click();
      const chamber = page.getByTestId("chamber-score");
      await chamber.waitFor(WAIT);
      await page.getByRole("heading", { name: "Mancano 54 consuntivi per il 2023" }).waitFor(WAIT);
      await chamber.getByLabel("Punteggio: 82,5%").waitFor(WAIT);
      const text = await chamber.textContent();
      expectContains(text, "Parzialmente raggiunto", "chamber status");
      // Coverage compounds down the tree: 57,1 % × 14,29 % (Peso su AS) for area 011, a quarter of that for the chamber.
      expectContains(text, "copertura 2,0%", "chamber coverage");
      const area = page.locator('[data-area="011"]');
      await area.getByRole("button").click();
      expectContains(await area.textContent(), "82,5%Parzialmente raggiuntocopertura 8,2%", "area 011");
      expectContains(await page.locator('[data-area="032"]').textContent(), "n.d.", "area 032");
    });

    await check("choosing a missing indicator selects its actual cell in the Indicatori sheet", async () => {
      await page.getByRole("button", { name: "Vai all'indicatore 1.4: DFP 3.3" }).click();
      await page.waitForFunction(() => window.__pira.fake.workbook.selection !== null, undefined, WAIT);
      expectEqual(
        await page.evaluate(() => window.__pira.fake.workbook.selection),
        { sheet: "Indicatori", address: "I5" },
        "selection",
      );
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: path.join(ARTIFACTS, "taskpane-follow.png"),
        fullPage: true,
        animations: "disabled",
      });
      await expectAccessible(page, "follow (it)");
    });

    await check(
      "typing a consuntivo into the workbook updates the follow view within a second, by itself",
      async () => {
        await page.getByRole("heading", { name: "Mancano 54 consuntivi per il 2023" }).waitFor(WAIT);
        await page.evaluate(typeActuals, [["1.6", 2023, 0.5]]);
        await page.getByRole("heading", { name: "Mancano 53 consuntivi per il 2023" }).waitFor({ timeout: 1_000 });
      },
    );

    await check("the settings show the workbook's thresholds, method and formulas", async () => {
      await page.getByRole("tab", { name: "Impostazioni" }).click();
      const green = page.getByRole("spinbutton", { name: "«Raggiunto» da (%)" });
      await green.waitFor(WAIT);
      expectEqual(await green.inputValue(), "100", "green threshold");
      expectEqual(
        await page.getByRole("spinbutton", { name: "«Parzialmente raggiunto» da (%)" }).inputValue(),
        "70",
        "amber threshold",
      );
      expectEqual(await page.getByRole("radio", { name: /^Proporzionale/ }).isChecked(), true, "scoring method");
      expectEqual(await page.getByRole("radio", { name: /^Formule di Excel/ }).isChecked(), true, "formula mode");
      await page.screenshot({
        path: path.join(ARTIFACTS, "taskpane-settings.png"),
        fullPage: true,
        animations: "disabled",
      });
      await expectAccessible(page, "settings (it)");
    });

    await check("«Aggiorna piano» shows the change list before writing, then carries the consuntivi", async () => {
      await page.evaluate(typeActuals, [
        ["1.4", 2024, 0.74],
        ["1.5", 2024, "46%"],
      ]);
      await page.getByRole("tab", { name: "Aggiorna piano" }).click();
      await page.getByRole("textbox", { name: /Testo del cruscotto/ }).fill(REVISED);
      await page.getByRole("list", { name: "Contenuto" }).waitFor(WAIT);
      const syncsBefore = await page.evaluate(() => window.__pira.fake.log.syncs);
      await page.getByRole("button", { name: "Mostra le modifiche" }).click();
      const apply = page.getByRole("button", { name: "Applica l'aggiornamento" });
      await apply.waitFor(WAIT);
      expectContains(await page.getByTestId("revise-removed").textContent(), "DFP 3.3", "removed indicators");
      expectContains(
        await page.getByTestId("revise-archived").textContent(),
        "Vanno nell'Archivio 6 consuntivi e 0 note:",
        "archived values",
      );
      const writes = await page.evaluate(
        (before) => window.__pira.fake.log.writes.filter((w) => w.sync > before).length,
        syncsBefore,
      );
      expectEqual(writes, 0, "writes before «Applica»");
      // A proposal unticked is revised again in the worker: 9.1 then counts as removed (and
      // added anew); ticked again, it is the same indicator once more.
      const proposal = page.getByRole("checkbox", { name: /^9\.1 «/ });
      const removed = page.getByTestId("revise-removed");
      expectEqual(await proposal.isChecked(), true, "proposal 9.1 accepted at first");
      expectEqual(/\b9\.1\b/.test(await removed.textContent()), false, "9.1 not removed while accepted");
      await proposal.uncheck();
      await page.waitForFunction(
        () => /\b9\.1\b/.test(document.querySelector('[data-testid="revise-removed"]').textContent),
        undefined,
        WAIT,
      );
      await proposal.check();
      await page.waitForFunction(
        () => !/\b9\.1\b/.test(document.querySelector('[data-testid="revise-removed"]').textContent),
        undefined,
        WAIT,
      );
      await page.waitForFunction(
        () => document.querySelector('[data-testid="pane-footer"] button')?.getAttribute("aria-disabled") !== "true",
        undefined,
        WAIT,
      );
      await page.screenshot({
        path: path.join(ARTIFACTS, "taskpane-update.png"),
        fullPage: true,
        animations: "disabled",
      });
      await expectAccessible(page, "update (it)");
      await apply.click();
      await page.getByText("Piano aggiornato").waitFor(WAIT);
      const carried = Object.fromEntries(
        (await page.evaluate(tableColumn, ["tblIndicatori", "Indicatore", "Consuntivo 2024"])).filter(
          ([, v]) => v !== "" && v !== null,
        ),
      );
      // 1.5 of the 2023 plan is 1.4 in the revised one: its consuntivo follows it; DFP 3.3's is
      // archived, and so are those of 2023, a year the revised plan no longer has.
      expectEqual(carried, { 1.4: 0.46 }, "Consuntivo 2024 after the update");
      const archive = await page.evaluate(tableColumn, ["tblArchivio", "Indicatore (vecchio)", "Consuntivo"]);
      expectEqual(
        archive,
        [
          ["1.1", 15],
          ["1.2", "SI"],
          ["1.3", 350],
          ["1.4", 0.74],
          ["1.5", 0.2],
          ["1.6", 0.5],
        ],
        "Archivio rows",
      );
      await page.getByRole("tab", { name: "Monitoraggio" }).click();
      await page.getByTestId("chamber-score").waitFor(WAIT);
    });

    await check(
      "keyboard only, at 320×700: paste, tree, diagnostic links, import, the replace dialog, tabs, settings",
      async () => {
        const { context, page: pane } = await openPane(browser, server.url, officeHostScript(bundle), {
          width: 320,
          height: 700,
        });
        pane.on("pageerror", (error) => pageErrors.push(error));
        try {
          await pane.goto(`${server.url}taskpane.html`);
          await pane.getByRole("tablist", { name: "Sezioni del cruscotto" }).waitFor(WAIT);
          await pane.getByTestId("first-run-guide").waitFor(WAIT);
          await expectFocus(pane, "body", "", "first render");
          await pane.keyboard.press("Tab");
          await expectFocus(pane, "tab", "Importa", "first Tab");
          await expectFocusShows(pane, "first Tab");
          await pane.keyboard.press("Tab");
          await expectFocus(pane, "button", "Ho capito", "the first-run guide");
          await pane.keyboard.press("Enter");
          await pane.getByTestId("first-run-guide").waitFor({ state: "detached", ...WAIT });
          await expectFocus(pane, "tab", "Importa", "after closing the guide");

          await pane.keyboard.press("Tab");
          await expectFocus(pane, "textbox", /^Testo del cruscotto/, "the text box");
          await pane.evaluate(pasteIntoFocused, SAMPLE);
          await pane.getByRole("list", { name: "Contenuto" }).waitFor(WAIT);
          await expectFocus(pane, "textbox", /^Testo del cruscotto/, "after the paste");
          // The primary action is in view at once, pinned to the bottom of the pane.
          const footer = await pane.getByTestId("pane-footer").boundingBox();
          if (!footer || footer.y + footer.height > 700 || footer.y < 500) {
            throw new Error(`the footer is not pinned to the bottom: ${JSON.stringify(footer)}`);
          }
          await pane.screenshot({ path: path.join(ARTIFACTS, "taskpane-320-pasted.png"), animations: "disabled" });

          // A warning's indicator link opens the tree to it and moves the focus there.
          await tabTo(pane, "button", "indicatore 1.4: mostra nell'albero");
          await pane.keyboard.press("Enter");
          await pane.waitForFunction(
            () => document.activeElement && document.activeElement.getAttribute("data-indicator") === "1.4",
            undefined,
            WAIT,
          );
          await expectFocus(pane, "treeitem", /^1\.4 DFP 3\.3/, "after the indicator link");
          await expectFocusShows(pane, "the indicator in the tree");
          await pane.screenshot({ path: path.join(ARTIFACTS, "taskpane-320-tree.png") });
          // Arrows move in the tree: up a sibling, left to the objective and closed, right open again, down to 1.1.
          await pane.keyboard.press("ArrowUp");
          await expectFocus(pane, "treeitem", /^1\.3 /, "ArrowUp");
          await pane.keyboard.press("ArrowLeft");
          await expectFocus(pane, "treeitem", /^1 Semplificazione Amministrativa/, "ArrowLeft to the objective");
          await pane.keyboard.press("ArrowLeft");
          expectEqual(
            await pane.evaluate(() => document.activeElement.getAttribute("aria-expanded")),
            "false",
            "objective 1 closed by ArrowLeft",
          );
          await pane.keyboard.press("ArrowRight");
          await pane.keyboard.press("ArrowDown");
          await expectFocus(pane, "treeitem", /^1\.1 Azioni di diffusione/, "ArrowRight, ArrowDown");

          // Back to the findings: the objective link of the line-244 warning, then its line.
          await tabTo(pane, "button", "obiettivo 9: mostra nell'albero", { back: true });
          await pane.keyboard.press("Enter");
          await pane.waitForFunction(
            () => document.activeElement && document.activeElement.getAttribute("data-objective") === "9",
            undefined,
            WAIT,
          );
          await expectFocus(pane, "treeitem", /^9 /, "after the objective link");
          await expectFocusShows(pane, "objective 9 in the tree");
          await tabTo(pane, "button", "riga 35: mostra nel testo", { back: true });
          await pane.keyboard.press("Space");
          await expectFocus(pane, "textbox", /^Testo del cruscotto/, "after «riga 35»");
          expectEqual(
            await pane.evaluate(() => {
              const box = document.activeElement;
              return box.value.slice(0, box.selectionStart).split("\n").length;
            }),
            35,
            "line selected in the text box",
          );

          // Import: the focus goes to «Vai al monitoraggio» when it is done.
          await tabTo(pane, "button", "Importa nella cartella");
          await pane.keyboard.press("Enter");
          await pane.getByTestId("import-status").getByText("Importazione completata").waitFor(WAIT);
          await pane.waitForFunction(
            () => document.activeElement.textContent === "Vai al monitoraggio",
            undefined,
            WAIT,
          );
          await expectFocus(pane, "button", "Vai al monitoraggio", "import done");
          await expectFocusShows(pane, "import done");

          // Again: the replace dialog opens on «Annulla»; Escape, then Space on «Annulla», leave the workbook alone.
          await tabTo(pane, "button", "Importa nella cartella");
          await pane.keyboard.press("Enter");
          await pane.getByRole("alertdialog", { name: "Sostituire i fogli esistenti?" }).waitFor(WAIT);
          // The dialog appears a moment before it moves the focus to «Annulla» (its surface, then the
          // button): wait for that, as a keyboard user sees it, before asserting and pressing keys.
          await pane.waitForFunction(() => document.activeElement?.textContent === "Annulla", undefined, WAIT);
          await expectFocus(pane, "button", "Annulla", "the replace dialog");
          await pane.keyboard.press("Escape");
          await pane.getByText("Importazione annullata: la cartella non è stata modificata.").waitFor(WAIT);
          await expectFocus(pane, "button", "Importa nella cartella", "after Escape");
          await pane.keyboard.press("Enter");
          await pane.getByRole("alertdialog", { name: "Sostituire i fogli esistenti?" }).waitFor(WAIT);
          // The dialog appears a moment before it moves the focus to «Annulla» (its surface, then the
          // button): wait for that, as a keyboard user sees it, before asserting and pressing keys.
          await pane.waitForFunction(() => document.activeElement?.textContent === "Annulla", undefined, WAIT);
          await expectFocus(pane, "button", "Annulla", "the replace dialog, again");
          await pane.keyboard.press("Tab");
          await expectFocus(pane, "button", "Sostituisci", "Tab in the dialog");
          await pane.keyboard.press("Shift+Tab");
          await expectFocus(pane, "button", "Annulla", "Shift+Tab in the dialog");
          await pane.keyboard.press("Space");
          await pane.getByRole("alertdialog").waitFor({ state: "detached", ...WAIT });
          await expectFocus(pane, "button", "Importa nella cartella", "after «Annulla»");

          // The tabs: one Tab stop, arrows between them, Enter or Space to open one.
          await tabTo(pane, "tab", "Importa", { back: true, max: 80 });
          await pane.keyboard.press("ArrowRight");
          await expectFocus(pane, "tab", "Aggiorna piano", "ArrowRight on the tabs");
          await pane.keyboard.press("ArrowRight");
          await expectFocus(pane, "tab", "Monitoraggio", "ArrowRight again");
          await pane.keyboard.press("Enter");
          await pane.getByTestId("chamber-score").waitFor(WAIT);
          await expectFocus(pane, "tab", "Monitoraggio", "the follow view open");
          expectEqual(
            await pane.evaluate(() => document.activeElement.getAttribute("aria-selected")),
            "true",
            "Monitoraggio selected",
          );
          await pane.keyboard.press("ArrowRight");
          await pane.keyboard.press("Space");
          await expectFocus(pane, "tab", "Impostazioni", "the settings tab");
          await tabTo(pane, "spinbutton", "«Raggiunto» da (%)");
          await pane.screenshot({ path: path.join(ARTIFACTS, "taskpane-320-settings.png"), animations: "disabled" });
          // Apply by keyboard: the focus is still on the button when the write is done (never on the page).
          await tabTo(pane, "button", "Applica alla cartella");
          await pane.keyboard.press("Enter");
          await pane.getByTestId("settings-status").getByText("Impostazioni applicate").waitFor(WAIT);
          await expectFocus(pane, "button", "Applica alla cartella", "settings applied");
        } finally {
          await context.close();
        }
      },
    );

    for (const tour of [
      { lang: "it", dark: false, viewport: { width: 320, height: 700 } },
      { lang: "en", dark: false, viewport: { width: 450, height: 800 } },
      { lang: "en", dark: true, viewport: { width: 320, height: 700 } },
      { lang: "it", dark: true, viewport: { width: 450, height: 800 } },
    ]) {
      await check(
        `axe finds nothing on any view (${tour.lang}${tour.dark ? ", dark" : ""}, ${tour.viewport.width} px)`,
        () => axeTour(browser, server.url, bundle, tour, pageErrors),
      );
    }

    await check("with Office in English and a dark theme the pane is English and dark", async () => {
      const { page: dark } = await openPane(
        browser,
        server.url,
        officeHostScript(bundle, { displayLanguage: "en-US", bodyBackgroundColor: "#262626" }),
      );
      dark.on("pageerror", (error) => pageErrors.push(error));
      await dark.goto(`${server.url}taskpane.html`);
      await dark.getByRole("tablist", { name: "Dashboard sections" }).waitFor(WAIT);
      expectEqual(await dark.evaluate(() => document.documentElement.lang), "en", "page language");
      await dark.getByRole("textbox", { name: /Dashboard text/ }).fill(SAMPLE);
      await dark.getByRole("list", { name: "Contents" }).waitFor(WAIT);
      const background = await dark.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = background.match(/\d+/g).map(Number);
      if (r + g + b > 3 * 80) throw new Error(`background is not dark: ${background}`);
      await dark.screenshot({
        path: path.join(ARTIFACTS, "taskpane-preview-dark-en.png"),
        fullPage: false,
        animations: "disabled",
      });
      await expectAccessible(dark, "import (en, dark)");
    });

    for (const [file, what] of [
      ["cruscotto-pira-2023.pdf", "PDF, 7 pagine"],
      ["cruscotto-pira-2023.docx", "Word, 28 tabelle"],
    ]) {
      await check(
        `opening the sample's ${what.split(",")[0]} previews the same counts as pasting its text`,
        async () => {
          const { context, page: pane } = await openPane(browser, server.url, officeHostScript(bundle));
          pane.on("pageerror", (error) => pageErrors.push(error));
          const scripts = [];
          // Requests of the worker too (importScripts of its chunks), not only the page's.
          context.on("request", (request) => scripts.push(request.url()));
          await pane.goto(`${server.url}taskpane.html`);
          await pane.getByRole("tablist", { name: "Sezioni del cruscotto" }).waitFor(WAIT);
          await pane.getByLabel("Apri file…", { exact: true }).setInputFiles(path.join(ROOT, "samples", file));
          await pane.getByText(`File «${file}» letto: ${what}.`).waitFor(WAIT);
          const counts = pane.getByRole("list", { name: "Contenuto" });
          await counts.waitFor(WAIT);
          const labels = await counts
            .getByRole("listitem")
            .evaluateAll((items) => items.map((i) => i.textContent.replace(/\s+/g, " ").trim()));
          expectEqual(labels, ["4 ambiti", "14 obiettivi", "58 indicatori", "4 anni"], "preview counts");
          // The PDF library came as a chunk of its own, loaded only now, by the worker.
          const lazy = scripts.map((url) => url.slice(server.url.length)).filter((u) => /^(pdfjs|mammoth)/.test(u));
          expectEqual(lazy, [file.endsWith(".pdf") ? "pdfjs.js" : "mammoth.js"], "chunks loaded for the file");
          await context.close();
        },
      );
    }

    await check("no uncaught error in the pages", async () => {
      if (pageErrors.length > 0) throw new Error(pageErrors.map((e) => e.stack || String(e)).join("\n"));
    });

    if (failed) {
      await page
        .screenshot({ path: path.join(ARTIFACTS, "taskpane-failure.png"), fullPage: true, animations: "disabled" })
        .catch(() => {});
    }
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

main()
  .catch((error) => {
    failed = true;
    results.push({ name: "set-up", status: "failed", error });
    process.stdout.write(`  ✗ set-up\n    ${String(error && error.stack ? error.stack : error)}\n`);
  })
  .finally(() => {
    const passed = results.filter((r) => r.status === "passed").length;
    const failures = results.filter((r) => r.status === "failed").length;
    const notRun = results.filter((r) => r.status === "not run").length;
    process.stdout.write(
      `e2e: ${passed} passed, ${failures} failed${notRun ? `, ${notRun} not run` : ""}` +
        (failures === 0 ? ` (screenshots in ${path.relative(ROOT, ARTIFACTS)}/)` : "") +
        "\n",
    );
    process.exitCode = failures > 0 || passed === 0 ? 1 : 0;
  });
