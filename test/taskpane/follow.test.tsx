// Follow: a workbook imported earlier is read back (plan, settings, actuals) and scored for the
// chosen year; missing actuals take the user to the row where they are typed.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { scorePlan } from "../../src/domain/rollup";
import { defaultSettings } from "../../src/domain/settings";
import { columnLetter } from "../../src/workbook/address";
import { indicatorLayout } from "../../src/workbook/layout";
import { actualCell, fakeOffice, importSample, renderPane, SAMPLE_PLAN, stubGateway, typeActuals } from "./harness";

jest.setTimeout(60_000);

async function openedOnSample() {
  const office = fakeOffice();
  await importSample(office.gateway);
  typeActuals(office.excel, [
    ["1.1", 2023, 15], // >= 13 N. → 1
    ["1.2", 2023, "SI"], // Entro 31-12-2023 → 1
    ["1.3", 2023, 350], // >= 700 N. → 0.5
    ["1.5", 2023, "20%"], // >= 25,00 % → 0.8
  ]);
  const user = userEvent.setup();
  renderPane(office.gateway);
  // The pane finds the earlier import and opens on the follow view by itself.
  await screen.findByTestId("chamber-score");
  return { ...office, user };
}

function areaItem(code: string): HTMLElement {
  const item = document.querySelector(`[data-area="${code}"]`);
  if (!item) throw new Error(`no area ${code}`);
  return item as HTMLElement;
}

test("a workbook imported earlier opens on the follow view with the year's scores, status words and coverage", async () => {
  const { user } = await openedOnSample();
  expect(screen.getByRole("tab", { name: "Monitoraggio" }).getAttribute("aria-selected")).toBe("true");
  expect((screen.getByRole("combobox", { name: "Anno" }) as HTMLSelectElement).value).toBe("2023");

  // Objective 1: (14,28·1 + 14,29·1 + 14,28·0,5 + 14,29·0,8) / 57,14 = 82,5 %, on 57,1 % of its weight.
  // It is the only objective with actuals, so area 011 and the chamber have its score. Coverage
  // compounds down the tree: 57,1 % × 14,29 % (its Peso su AS) = 8,2 % for area 011, a quarter of
  // that for the chamber (four areas of equal weight).
  const chamber = screen.getByTestId("chamber-score");
  expect(chamber.textContent).toContain("Camera di commercio · 2023");
  expect(within(chamber).getByLabelText("Punteggio: 82,5%")).toBeTruthy();
  expect(chamber.textContent).toContain("Parzialmente raggiunto");
  expect(chamber.textContent).toContain("copertura 2,0%");

  const area = areaItem("011");
  expect(area.textContent).toContain("011 Utenti, imprese e territorio");
  expect(area.textContent).toContain("82,5%Parzialmente raggiuntocopertura 8,2%");
  expect(areaItem("032").textContent).toContain("—n.d.nessun consuntivo");

  await user.click(within(area).getByRole("button"));
  const objective = area.querySelector('[data-objective="1"]') as HTMLElement;
  expect(objective.textContent).toContain("1 Semplificazione Amministrativa e Digitalizzazione dei Servizi");
  expect(objective.textContent).toContain("82,5%Parzialmente raggiuntocopertura 57,1%");
  expect((area.querySelector('[data-objective="2"]') as HTMLElement).textContent).toContain("n.d.");

  // The same numbers the scoring engine gives for what the workbook holds.
  const expected = scorePlan(
    SAMPLE_PLAN,
    { "1.1": { "2023": 15 }, "1.2": { "2023": "SI" }, "1.3": { "2023": 350 }, "1.5": { "2023": 0.2 } },
    2023,
    defaultSettings(SAMPLE_PLAN),
  );
  expect(expected.chamber.score).toBeCloseTo(0.825, 3);
  expect(expected.chamber.status).toBe("Parzialmente raggiunto");
  expect(expected.chamber.coverage).toBeCloseTo((0.5714 * 0.1429) / 4, 3);
});

test("missing actuals are counted per year and lead to the cell where they are typed", async () => {
  const { user, excel } = await openedOnSample();
  expect(screen.getByRole("heading", { name: "Mancano 54 consuntivi per il 2023" })).toBeTruthy();
  const list = screen.getByTestId("missing-list");
  expect(within(list).queryByRole("button", { name: /indicatore 1\.1:/ })).toBeNull();
  await user.click(within(list).getByRole("button", { name: "Vai all'indicatore 1.4: DFP 3.3" }));
  await waitFor(() =>
    expect(excel.workbook.selection).toEqual({ sheet: "Indicatori", address: actualCell("1.4", 2023) }),
  );
  expect(excel.workbook.activeSheet?.name).toBe("Indicatori");
  expect(actualCell("1.4", 2023)).toBe("I5");

  await user.selectOptions(screen.getByRole("combobox", { name: "Anno" }), "2025");
  // 57 indicators have a 2025 target (1.4 has none).
  expect(screen.getByRole("heading", { name: "Mancano 57 consuntivi per il 2025" })).toBeTruthy();
  expect(within(screen.getByTestId("missing-list")).queryByRole("button", { name: /indicatore 1\.4:/ })).toBeNull();
  expect(within(screen.getByTestId("chamber-score")).getByLabelText("Punteggio: —")).toBeTruthy();
  expect(screen.getByTestId("chamber-score").textContent).toContain("n.d.");
  await user.click(
    within(screen.getByTestId("missing-list")).getByRole("button", { name: /^Vai all'indicatore 2\.1:/ }),
  );
  await waitFor(() =>
    expect(excel.workbook.selection).toEqual({ sheet: "Indicatori", address: actualCell("2.1", 2025) }),
  );
});

test("«Aggiorna dai consuntivi» reads what was typed since", async () => {
  const { user, excel } = await openedOnSample();
  expect(screen.getByRole("heading", { name: "Mancano 54 consuntivi per il 2023" })).toBeTruthy();
  typeActuals(excel, [
    ["1.6", 2023, 0.5],
    ["1.7", 2023, 9],
  ]);
  await user.click(screen.getByRole("button", { name: "Aggiorna dai consuntivi" }));
  expect(await screen.findByRole("heading", { name: "Mancano 52 consuntivi per il 2023" })).toBeTruthy();
});

test("a failing read or a failing jump is reported in words", async () => {
  const gateway = stubGateway({
    readPlan: jest.fn().mockResolvedValue(SAMPLE_PLAN),
    readActuals: jest.fn().mockRejectedValueOnce(new Error("Manca la tabella «tblIndicatori».")).mockResolvedValue({}),
    goToIndicator: jest.fn().mockRejectedValue(new Error("L'indicatore 1.1 non è nella tabella «tblIndicatori».")),
  });
  const user = userEvent.setup();
  renderPane(gateway);
  expect(await screen.findByText("Lettura dei consuntivi non riuscita")).toBeTruthy();
  expect(screen.getByText("Manca la tabella «tblIndicatori».")).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Aggiorna dai consuntivi" }));
  await screen.findByRole("heading", { name: "Mancano 58 consuntivi per il 2023" });
  expect(screen.queryByText("Lettura dei consuntivi non riuscita")).toBeNull();
  await user.click(screen.getByRole("button", { name: /^Vai all'indicatore 1\.1:/ }));
  expect(await screen.findByText("Impossibile andare alla riga dell'indicatore")).toBeTruthy();
  expect(gateway.goToIndicator).toHaveBeenCalledWith("1.1", 2023);
});

test("without an import the follow view points to the import", async () => {
  const user = userEvent.setup();
  renderPane(stubGateway(), { initialTab: "follow" });
  expect(screen.getByText("Importa un cruscotto per seguirne l'andamento.")).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "Importa" }));
  expect(screen.getByRole("tab", { name: "Importa" }).getAttribute("aria-selected")).toBe("true");
});

test("with Office in English the pane speaks English", async () => {
  const office = fakeOffice();
  await importSample(office.gateway);
  typeActuals(office.excel, [["1.1", 2023, 15]]);
  renderPane(office.gateway, { lang: "en" });
  await screen.findByTestId("chamber-score");
  expect(screen.getByRole("tab", { name: "Monitoring" }).getAttribute("aria-selected")).toBe("true");
  expect(screen.getByRole("tab", { name: "Import" })).toBeTruthy();
  expect(screen.getByRole("heading", { name: "57 actuals missing for 2023" })).toBeTruthy();
  expect(screen.getByTestId("chamber-score").textContent).toContain("Achieved");
  expect(screen.getByTestId("chamber-score").textContent).toContain("coverage 0.5%"); // 14,28 % × 14,29 % / 4
});

test("the follow view counts the notes di scostamento still missing, and a typed note counts at once after «Aggiorna»", async () => {
  const { user, excel } = await openedOnSample();
  // 1.3 (0,5) and 1.5 (0,8) are short of «Raggiunto»; 1.1 and 1.2 are met.
  expect(screen.getByRole("heading", { name: "Mancano 2 note di scostamento per il 2023" })).toBeTruthy();
  const list = within(screen.getByTestId("missing-notes-list"));
  expect(list.getAllByRole("button").map((b) => b.textContent?.split(" ")[0])).toEqual(["1.3", "1.5"]);
  const ids = SAMPLE_PLAN.objectives.flatMap((o) => o.indicators.map((i) => i.id));
  const note = indicatorLayout(SAMPLE_PLAN.years).notes.get(2023)!;
  excel.workbook.sheet("Indicatori").type(`${columnLetter(note)}${ids.indexOf("1.3") + 2}`, "Ritardo del fornitore");
  await user.click(screen.getByRole("button", { name: "Aggiorna dai consuntivi" }));
  expect(await screen.findByRole("heading", { name: "Manca 1 nota di scostamento per il 2023" })).toBeTruthy();
});

test("the area scores are also a small bar chart, one image whose label says every value", async () => {
  await openedOnSample();
  const chart = screen.getByRole("img", { name: /^Punteggio per ambito strategico:/ });
  // Area 011 has objective 1's 82,5 %; the others have no actual yet.
  expect(chart.getAttribute("aria-label")).toBe(
    "Punteggio per ambito strategico: 011 82,5%; 032 nessun consuntivo; 012 nessun consuntivo; 016 nessun consuntivo",
  );
  const bars = [...chart.querySelectorAll("rect[data-score]")].map((r) => [
    r.getAttribute("data-score"),
    Number(r.getAttribute("width")),
  ]);
  expect(bars.slice(1).map(([score]) => score)).toEqual(["", "", ""]);
  expect(Number(bars[0][0])).toBeCloseTo(0.825, 3);
  // Bars are proportional to the score on the same track: 82,5 % of it, and none without a score.
  expect(bars[0][1]).toBeCloseTo(0.825 * 196, 0);
  expect(bars.slice(1).every(([, width]) => width === 0)).toBe(true);
});
