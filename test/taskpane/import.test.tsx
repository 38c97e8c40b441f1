// Bring in: paste or open the sample, the preview (counts, tree, diagnostics), and the import
// through the real Office gateway into the recording Excel fake.
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SAMPLE, SAMPLE_PLAN, fakeOffice, renderPane, stubGateway, typeActuals } from "./harness";
import { utf16be, utf16le } from "../helpers/encodings";

// Ceilings for a shared, busy machine, not performance assertions.
jest.setTimeout(60_000);

async function pasteSample(user: ReturnType<typeof userEvent.setup>, text = SAMPLE): Promise<void> {
  await user.click(screen.getByRole("textbox", { name: /Testo del cruscotto/ }));
  await user.paste(text);
  // A 100× plan takes a while to read under jsdom: wait for the preview however long it takes.
  await screen.findByRole("list", { name: "Contenuto" }, { timeout: 60_000 });
}

/** The diagnostics list item holding `message`. */
function diagnostic(message: string): string {
  const item = screen.getAllByRole("listitem").find((li) => li.textContent?.includes(message));
  if (!item) throw new Error(`no diagnostic «${message}»`);
  return item.textContent ?? "";
}

/** An indicator's targets as [year, target] pairs, read off its grid. */
function targetGrid(item: HTMLElement): string[][] {
  const cells = [...within(item).getByTestId("targets").children].map((c) => c.textContent ?? "");
  const pairs: string[][] = [];
  for (let i = 0; i < cells.length; i += 2) pairs.push([cells[i], cells[i + 1]]);
  return pairs;
}

/** The count as a screen reader reads the list item: its own text. */
function count(label: string): string | null {
  const list = screen.getByRole("list", { name: "Contenuto" });
  const item = within(list)
    .getAllByRole("listitem")
    .find((li) => li.getAttribute("data-count") === label);
  return item ? (item.textContent ?? "").replace(/\s+/g, " ").trim() : null;
}

describe("preview", () => {
  test("pasting the sample shows its counts, years and title", async () => {
    const user = userEvent.setup();
    renderPane(stubGateway());
    expect(screen.getByText(/L'anteprima compare qui/)).toBeTruthy();
    await pasteSample(user);
    expect(count("ambiti")).toBe("4 ambiti");
    expect(count("obiettivi")).toBe("14 obiettivi");
    expect(count("indicatori")).toBe("58 indicatori");
    expect(count("anni")).toBe("4 anni");
    expect(
      screen.getByText(
        "All.1. 1 D CC 31.10.2023 Cruscotto obiettivi strategici PIRA · Approvato il 31/10/2023 · Anni 2023–2026",
      ),
    ).toBeTruthy();
  });

  test("the tree opens area → objective → indicator with weights and targets, by mouse and keyboard", async () => {
    const user = userEvent.setup();
    renderPane(stubGateway());
    await pasteSample(user);
    const tree = screen.getByRole("tree", { name: "Ambiti, obiettivi e indicatori" });
    // Collapsed: only the four areas are rendered.
    expect(within(tree).getAllByRole("treeitem")).toHaveLength(4);
    const area = within(tree).getByRole("treeitem", { name: /^011 Utenti, imprese e territorio/ });
    expect(area.textContent).toContain("7 obiettivi · 28 indicatori");
    await user.click(area);
    const objective = within(tree).getByRole("treeitem", { name: /^1 Semplificazione Amministrativa/ });
    expect(objective.textContent).toContain("peso sull'ambito 14,29% · 8 indicatori");
    // Keyboard: focus the objective and open it with the right arrow.
    act(() => objective.focus());
    await user.keyboard("{ArrowRight}");
    const indicator = await within(tree).findByRole("treeitem", { name: /^1\.1 Azioni di diffusione/ });
    expect(indicator.textContent).toContain("peso 14,28%");
    // Targets as a small per-year grid, with ≥ for the document's ">=" (display only).
    expect(targetGrid(indicator)).toEqual([
      ["2023", "≥ 13 N."],
      ["2024", "≥ 20 N."],
      ["2025", "≥ 22 N."],
      ["2026", "≥ 25 N."],
    ]);
    expect(indicator.textContent).toContain("OC");
    const dfp = within(tree).getByRole("treeitem", { name: /^1\.4 DFP 3\.3/ });
    expect(dfp.textContent).toContain("peso 0,00%");
    expect(targetGrid(dfp)[2]).toEqual(["2025", "nessun target"]);
  });

  test("diagnostics are grouped by severity with their line numbers", async () => {
    const user = userEvent.setup();
    renderPane(stubGateway());
    await pasteSample(user);
    const warnings = screen.getByRole("button", { name: /Avvisi/ });
    expect(warnings.textContent).toContain("3");
    const notes = screen.getByRole("button", { name: /Note/ });
    expect(notes.textContent).toContain("1");
    expect(screen.queryByRole("button", { name: /Errori/ })).toBeNull();
    // Warnings are open; notes are collapsed until asked for.
    expect(diagnostic("Manca il target 2025 dell'indicatore 1.4 («DFP 3.3»).")).toBe(
      "riga 35indicatore 1.4Manca il target 2025 dell'indicatore 1.4 («DFP 3.3»).",
    );
    expect(diagnostic('Manca il valore di "Risorse economiche"')).toBe(
      'riga 244obiettivo 9Manca il valore di "Risorse economiche" nell\'obiettivo 9.',
    );
    expect(screen.queryByText(/ha peso 0: è solo di monitoraggio/)).toBeNull();
    await user.click(notes);
    expect(diagnostic("ha peso 0: è solo di monitoraggio")).toMatch(/^riga 35indicatore 1\.4L'indicatore 1\.4/);
  });

  test("text that is not a cruscotto says so and cannot be imported", async () => {
    const user = userEvent.setup();
    renderPane(stubGateway());
    await pasteSample(user, "Verbale della riunione del 12 marzo\nNessun obiettivo qui.");
    expect(count("obiettivi")).toBe("0 obiettivi");
    expect(screen.getByText(/Nel testo non è stato trovato nessun obiettivo/)).toBeTruthy();
    expect(screen.getByRole("button", { name: /Errori/ }).textContent).toContain("1");
    expect(screen.getByRole("button", { name: "Importa nella cartella" }).getAttribute("aria-disabled")).toBe("true");
  });

  test("a pasted 100× plan previews its counts while the tree keeps a small DOM", async () => {
    const { syntheticCruscotto } = await import("../helpers/synthetic");
    const user = userEvent.setup();
    renderPane(stubGateway());
    await pasteSample(user, syntheticCruscotto(100));
    expect(count("obiettivi")).toBe("1400 obiettivi");
    expect(count("indicatori")).toBe("5800 indicatori");
    expect(count("ambiti")).toBe("400 ambiti");
    const tree = screen.getByRole("tree");
    // One page of collapsed areas, nothing below them.
    expect(within(tree).getAllByRole("treeitem")).toHaveLength(40);
    expect(screen.getByText("Mostrati 40 ambiti su 400.")).toBeTruthy();
    await userEvent.setup().click(screen.getByRole("button", { name: "Mostra altri" }));
    expect(within(tree).getAllByRole("treeitem")).toHaveLength(80);
    expect(document.getElementsByTagName("*").length).toBeLessThan(5000);
  });
});

describe("opening a file", () => {
  test("the picker reads a .txt file into the box and announces it", async () => {
    const user = userEvent.setup();
    renderPane(stubGateway());
    const file = new File([SAMPLE], "cruscotto-2023.txt", { type: "text/plain" });
    await user.upload(screen.getByLabelText("Apri file…", { selector: "input" }), file);
    await screen.findByText("File «cruscotto-2023.txt» letto.");
    expect((screen.getByRole("textbox", { name: /Testo del cruscotto/ }) as HTMLTextAreaElement).value).toBe(SAMPLE);
    await screen.findByRole("list", { name: "Contenuto" });
    expect(count("indicatori")).toBe("58 indicatori");
  });

  test("a dropped .md file is read; a dropped PDF cut short is refused", async () => {
    renderPane(stubGateway());
    const zone = screen.getByTestId("source-drop-zone");
    // PDFs are read now (test/e2e opens the sample's): this one is only its first line.
    const pdf = new File(["%PDF-1.7"], "cruscotto.pdf", { type: "application/pdf" });
    fireEvent.drop(zone, { dataTransfer: { files: [pdf], types: ["Files"] } });
    await screen.findByText(
      "Il file «cruscotto.pdf» non è stato letto: il PDF è incompleto o danneggiato (manca la fine del file).",
    );
    const md = new File([SAMPLE], "cruscotto.md", { type: "" });
    fireEvent.drop(zone, { dataTransfer: { files: [md], types: ["Files"] } });
    await screen.findByText("File «cruscotto.md» letto.");
    await screen.findByRole("list", { name: "Contenuto" });
    expect(count("obiettivi")).toBe("14 obiettivi");
  });

  test("a file saved as Windows-1252 keeps its accented letters", async () => {
    renderPane(stubGateway());
    // "Capacità" in Windows-1252: à is the single byte 0xE0, invalid as UTF-8.
    const bytes = Uint8Array.from([...Buffer.from(SAMPLE.replace(/Capacità/g, "Capacit")).values()]);
    const text = Buffer.from(bytes)
      .toString("latin1")
      .replace(/Capacit/g, "Capacit\u00e0");
    const latin = Buffer.from(text, "latin1");
    const file = new File([latin], "ansi.txt", { type: "text/plain" });
    fireEvent.drop(screen.getByTestId("source-drop-zone"), { dataTransfer: { files: [file], types: ["Files"] } });
    await screen.findByText("File «ansi.txt» letto con la codifica Windows-1252 (non UTF-8).");
    const box = screen.getByRole("textbox", { name: /Testo del cruscotto/ }) as HTMLTextAreaElement;
    expect(box.value).toContain("Capacità di coinvolgimento negli eventi relativi al PID");
  });

  test.each([
    ["UTF-16 LE", utf16le],
    ["UTF-16 BE", utf16be],
  ])("a file saved as %s (Notepad's «Unicode») is read whole and says so", async (label, save) => {
    renderPane(stubGateway());
    const file = new File([Buffer.from(save(SAMPLE))], "unicode.txt", { type: "text/plain" });
    fireEvent.drop(screen.getByTestId("source-drop-zone"), { dataTransfer: { files: [file], types: ["Files"] } });
    await screen.findByText(`File «unicode.txt» letto con la codifica ${label} (non UTF-8).`);
    const box = screen.getByRole("textbox", { name: /Testo del cruscotto/ }) as HTMLTextAreaElement;
    expect(box.value).toBe(SAMPLE);
    await screen.findByRole("list", { name: "Contenuto" });
    expect(count("indicatori")).toBe("58 indicatori");
  });
});

describe("import", () => {
  test("writes the sample into the workbook and reports the counts", async () => {
    const { gateway, excel } = fakeOffice();
    const user = userEvent.setup();
    renderPane(gateway);
    await pasteSample(user);
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    const status = screen.getByTestId("import-status");
    await within(status).findByText("Importazione completata");
    expect(status.textContent).toContain("Importati 4 ambiti, 14 obiettivi e 58 indicatori in 8 fogli.");
    const book = excel.workbook;
    expect(book.sheetNames()).toEqual(
      expect.arrayContaining(["Cruscotto", "Indicatori", "Obiettivi", "Impostazioni", "Diagnostica"]),
    );
    const table = book.table("tblIndicatori")!;
    expect(table).toBeDefined();
    expect(excel.workbook.names.map((n) => n.name)).toContain("PIRA_SogliaVerde");
    // Native formulas by default: no PIRA.SCORE call anywhere in the Indicatori sheet.
    const formulas = [...book.sheet("Indicatori").cells.values()]
      .map((c) => (c.content?.kind === "formula" ? c.content.formula : ""))
      .filter((f) => f !== "");
    expect(formulas.length).toBeGreaterThan(58 * 4);
    expect(formulas.some((f) => /PIRA\.SCORE/i.test(f))).toBe(false);
    // "Vai al monitoraggio" opens the follow view on the imported plan.
    await user.click(within(status).getByRole("button", { name: "Vai al monitoraggio" }));
    expect(await screen.findByText("Mancano 58 consuntivi per il 2023")).toBeTruthy();
    expect(SAMPLE_PLAN.objectives.length).toBe(14);
  });

  test("the PIRA formula mode writes PIRA.SCORE formulas", async () => {
    const { gateway, excel } = fakeOffice();
    const user = userEvent.setup();
    renderPane(gateway);
    await pasteSample(user);
    await user.click(screen.getByRole("radio", { name: /Funzioni PIRA\.SCORE/ }));
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    await within(screen.getByTestId("import-status")).findByText("Importazione completata");
    const formulas = [...excel.workbook.sheet("Indicatori").cells.values()]
      .map((c) => (c.content?.kind === "formula" ? c.content.formula : ""))
      .filter((f) => /PIRA\.SCORE/i.test(f));
    expect(formulas).toHaveLength(58 * 4);
  });

  test("existing sheets without actuals: the user is asked, and «Sostituisci» recreates them", async () => {
    const { gateway, excel } = fakeOffice();
    const user = userEvent.setup();
    renderPane(gateway);
    await pasteSample(user);
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    await within(screen.getByTestId("import-status")).findByText("Importazione completata");

    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    // Under jsdom, Tabster's modalizer marks the open dialog itself aria-hidden (it does not in
    // Chromium, where the e2e test finds the dialog and its buttons by role), hence `hidden: true`.
    const dialog = await screen.findByRole("alertdialog", { name: "Sostituire i fogli esistenti?", hidden: true });
    expect(dialog.textContent).toContain("«Cruscotto», «Indicatori», «Obiettivi», «Impostazioni», «Diagnostica»");
    await user.click(within(dialog).getByRole("button", { name: "Annulla", hidden: true }));
    await screen.findByText("Importazione annullata: la cartella non è stata modificata.");

    const writesBefore = excel.log.writes.length;
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    await user.click(await screen.findByRole("button", { name: "Sostituisci", hidden: true }));
    await within(screen.getByTestId("import-status")).findByText("Importazione completata");
    expect(excel.log.writes.length).toBeGreaterThan(writesBefore);
    expect(excel.workbook.sheetNames().filter((n) => n === "Indicatori")).toHaveLength(1);
  });

  test("actuals typed while the replace question is open are not deleted either", async () => {
    const { gateway, excel } = fakeOffice();
    const user = userEvent.setup();
    renderPane(gateway);
    await pasteSample(user);
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    await within(screen.getByTestId("import-status")).findByText("Importazione completata");
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    const replace = await screen.findByRole("button", { name: "Sostituisci", hidden: true });
    typeActuals(excel, [["1.1", 2023, 15]]);
    const writesBefore = excel.log.writes.length;
    await user.click(replace);
    expect(
      await within(screen.getByTestId("import-status")).findByText(
        /Nel frattempo è stato inserito 1 consuntivo: la sostituzione lo cancellerebbe/,
      ),
    ).toBeTruthy();
    expect(excel.log.writes.length).toBe(writesBefore);
  });

  test("typed actuals are never deleted: the import is refused with their count", async () => {
    const { gateway, excel } = fakeOffice();
    const user = userEvent.setup();
    renderPane(gateway);
    await pasteSample(user);
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    await within(screen.getByTestId("import-status")).findByText("Importazione completata");
    typeActuals(excel, [
      ["1.1", 2023, 15],
      ["1.3", 2023, 650],
      ["2.1", 2024, "SI"],
    ]);
    const writesBefore = excel.log.writes.length;
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    const status = screen.getByTestId("import-status");
    await within(status).findByText("Importazione annullata");
    expect(status.textContent).toContain(
      "La cartella contiene 3 consuntivi già inseriti: l'importazione li cancellerebbe.",
    );
    expect(screen.queryByRole("alertdialog", { hidden: true })).toBeNull();
    expect(excel.log.writes.length).toBe(writesBefore);
  });

  test("an Excel too old for the adapter is told so, and nothing is written", async () => {
    const { gateway, excel } = fakeOffice(["Foglio1"], "1.7");
    const user = userEvent.setup();
    renderPane(gateway);
    await pasteSample(user);
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    const status = screen.getByTestId("import-status");
    await within(status).findByText(/non offre le funzioni che l'importazione usa \(ExcelApi 1\.8\)/);
    expect(excel.workbook.sheetNames()).toEqual(["Foglio1"]);
  });

  test("Excel 1.8 without page setup (1.9) still imports, leaving the print layout alone", async () => {
    const { gateway, excel } = fakeOffice(["Foglio1"], "1.8");
    const user = userEvent.setup();
    renderPane(gateway);
    await pasteSample(user);
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    await within(screen.getByTestId("import-status")).findByText("Importazione completata");
    expect(excel.log.writes.some((w) => w.op.startsWith("pageLayout."))).toBe(false);
  });

  test("a failing write shows the adapter's message", async () => {
    const gateway = stubGateway({
      importWorkbook: jest
        .fn()
        .mockRejectedValue(new Error("Il cruscotto è troppo grande per una singola richiesta a Excel.")),
    });
    const user = userEvent.setup();
    renderPane(gateway);
    await pasteSample(user);
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    const status = screen.getByTestId("import-status");
    await within(status).findByText("Importazione non riuscita");
    expect(status.textContent).toContain("Il cruscotto è troppo grande per una singola richiesta a Excel.");
    expect(gateway.importWorkbook).toHaveBeenCalledTimes(1);
    expect(gateway.importWorkbook.mock.calls[0][1].replace).toBe(false);
  });

  test("progress is shown while the workbook is written", async () => {
    let finish: () => void = () => undefined;
    const gateway = stubGateway({
      importWorkbook: jest.fn((_wb, options) => {
        options.onProgress?.({ stage: "writing", fraction: 0.4 });
        return new Promise((resolve) => {
          finish = () => resolve({ sheets: ["Cruscotto"], replacedSheets: [] });
        });
      }),
    });
    const user = userEvent.setup();
    renderPane(gateway);
    await pasteSample(user);
    await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
    const bar = await screen.findByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("0.4");
    expect(screen.getByTestId("import-status").textContent).toContain("Scrittura dei fogli…");
    expect(screen.getByRole("button", { name: "Importazione in corso…" }).getAttribute("aria-disabled")).toBe("true");
    act(() => finish());
    await within(screen.getByTestId("import-status")).findByText("Importazione completata");
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
  });
});
