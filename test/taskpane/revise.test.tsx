// «Aggiorna piano» through the real Office gateway over the recording fake: a filled workbook,
// the revised 2024 document, the change list before any write, the proposals to confirm, and
// what the workbook holds afterwards (consuntivi at their new ids, the Archivio, the Registro).
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import * as fs from "node:fs";
import * as path from "node:path";
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { buildWorkbook } from "../../src/workbook/build";
import { readWorkbook } from "../../src/workbook/read";
import { SAMPLE, SAMPLE_PLAN, fakeOffice, importSample, renderPane, typeActuals } from "./harness";

jest.setTimeout(60_000);

const REVISED = fs.readFileSync(path.join(__dirname, "../fixtures/revised/cruscotto-pira-2024.txt"), "utf8");
const REVISED_PLAN = readCruscotto(REVISED);

async function filledWorkbook() {
  const office = fakeOffice();
  await importSample(office.gateway);
  typeActuals(office.excel, [
    ["1.1", 2024, 21],
    ["1.4", 2024, 0.74],
    ["1.5", 2024, "46%"],
  ]);
  return office;
}

async function openRevised(): Promise<void> {
  const box = await screen.findByRole("textbox", { name: /Testo del cruscotto/ });
  fireEvent.change(box, { target: { value: REVISED } });
  await screen.findByRole("list", { name: "Contenuto" }, { timeout: 60_000 });
  const show = screen.getByRole("button", { name: "Mostra le modifiche" });
  await waitFor(() => expect(show.getAttribute("aria-disabled")).not.toBe("true"));
  fireEvent.click(show);
  await screen.findByRole("button", { name: "Applica l'aggiornamento" }, { timeout: 60_000 });
}

test("the change list is shown, grouped, before anything is written", async () => {
  const { gateway, excel } = await filledWorkbook();
  renderPane(gateway, { initialTab: "update" });
  const writesBefore = excel.log.writes.length;
  await openRevised();
  expect(excel.log.writes.length).toBe(writesBefore);

  const removed = screen.getByTestId("revise-removed");
  expect(removed.textContent).toContain("1.4");
  expect(removed.textContent).toContain("DFP 3.3");
  const changed = screen.getByTestId("revise-changed");
  expect(changed.textContent).toMatch(/Modificati \(\d+\)/);
  // The indicator 1.5 of 2023 is 1.4 now: its consuntivo moves, the removed one's is archived.
  expect(screen.getByTestId("revise-carried").textContent).toContain(
    "Passano ai nuovi indicatori 2 consuntivi e 0 note.",
  );
  const archived = screen.getByTestId("revise-archived");
  expect(archived.textContent).toContain("Vanno nell'Archivio 1 consuntivo e 0 note:");
  expect(within(archived).getByRole("listitem").textContent).toContain("1.4, 2024: 0.74");
});

test("applying writes the revised plan with the consuntivi at their new ids and the Archivio rows", async () => {
  const { gateway } = await filledWorkbook();
  renderPane(gateway, { initialTab: "update" });
  await openRevised();
  fireEvent.click(screen.getByRole("button", { name: "Applica l'aggiornamento" }));
  await screen.findByText("Piano aggiornato", undefined, { timeout: 60_000 });

  const contents = readWorkbook((await gateway.readWorkbookTables())!);
  expect(contents.plan.years).toEqual(REVISED_PLAN.years);
  expect(contents.actuals["1.1"]["2024"]).toBe(21);
  expect(contents.actuals["1.4"]["2024"]).toBe(0.46);
  expect(contents.archive.map((r) => [r.oldId, r.year, r.actual])).toEqual([["1.4", 2024, 0.74]]);
  expect(contents.register.length).toBeGreaterThan(1);
  expect(contents.register[0].kind).toBe("Importazione iniziale");
  // The follow view shows the revised plan.
  fireEvent.click(screen.getByRole("tab", { name: "Monitoraggio" }));
  await screen.findByTestId("chamber-score", undefined, { timeout: 60_000 });
});

test("a replace-import keeps the Registro: the pane carries it, a bare replace is refused", async () => {
  const { gateway } = fakeOffice();
  await importSample(gateway);
  const wb = buildWorkbook(SAMPLE_PLAN, defaultSettings(SAMPLE_PLAN));
  expect((await gateway.inspect(wb)).historyRows).toBe(1);
  await expect(gateway.importWorkbook(wb, { replace: true })).rejects.toThrow(
    "Le tabelle «tblArchivio» e «tblRegistro» hanno 1 righe che la sostituzione non riporterebbe",
  );

  renderPane(gateway, { initialTab: "import" });
  // The pane opens an imported workbook on its follow view: go back to the import.
  // Generous: reading the workbook back takes seconds on a loaded machine.
  await waitFor(
    () => expect(screen.getByRole("tab", { name: "Monitoraggio" }).getAttribute("aria-selected")).toBe("true"),
    { timeout: 60_000 },
  );
  fireEvent.click(screen.getByRole("tab", { name: "Importa" }));
  const box = await screen.findByRole("textbox", { name: /Testo del cruscotto/ });
  fireEvent.change(box, { target: { value: SAMPLE } });
  await screen.findByRole("list", { name: "Contenuto" }, { timeout: 60_000 });
  const importButton = screen.getByRole("button", { name: "Importa nella cartella" });
  await waitFor(() => expect(importButton.getAttribute("aria-disabled")).not.toBe("true"));
  fireEvent.click(importButton);
  fireEvent.click(await screen.findByRole("button", { name: "Sostituisci" }));
  await screen.findByText("Importazione completata", undefined, { timeout: 60_000 });
  const register = readWorkbook((await gateway.readWorkbookTables())!).register;
  expect(register.map((r) => r.kind)).toEqual(["Importazione iniziale", "Importazione iniziale"]);
});

test("another text after the change list: the list goes, «Mostra le modifiche» comes back", async () => {
  const { gateway } = await filledWorkbook();
  renderPane(gateway, { initialTab: "update" });
  await openRevised();
  const box = screen.getByRole("textbox", { name: /Testo del cruscotto/ });
  fireEvent.change(box, { target: { value: SAMPLE } });
  expect(screen.queryByRole("button", { name: "Applica l'aggiornamento" })).toBeNull();
  expect(screen.queryByTestId("revise-removed")).toBeNull();
  await screen.findByRole("button", { name: "Mostra le modifiche" });
});
