// Settings: thresholds, scoring method and formula mode written into the imported workbook, and
// "Prepara per la condivisione"; typed actuals survive every change.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { RecordingExcel } from "../fakes/recordingExcel";
import { actualCell, fakeOffice, importSample, renderPane, stubGateway, typeActuals } from "./harness";

jest.setTimeout(60_000);

function scoreFormulas(excel: RecordingExcel): string[] {
  // Punteggio 2023 is column J of tblIndicatori, rows 2..59.
  const sheet = excel.workbook.sheet("Indicatori");
  return Array.from({ length: 58 }, (_, i) => sheet.cell(`J${i + 2}`).formula ?? "");
}

async function openSettings(formulaMode: "pira" | "native") {
  const office = fakeOffice();
  await importSample(office.gateway, { formulaMode });
  typeActuals(office.excel, [
    ["1.1", 2023, 15],
    ["1.3", 2023, 350],
  ]);
  const user = userEvent.setup();
  renderPane(office.gateway);
  await screen.findByTestId("chamber-score");
  await user.click(screen.getByRole("tab", { name: "Impostazioni" }));
  return { ...office, user };
}

test("the settings show the workbook's values and apply new ones, keeping the actuals", async () => {
  const { user, excel } = await openSettings("native");
  const green = screen.getByRole("spinbutton", { name: "«Raggiunto» da (%)" }) as HTMLInputElement;
  const amber = screen.getByRole("spinbutton", { name: "«Parzialmente raggiunto» da (%)" }) as HTMLInputElement;
  expect(green.value).toBe("100");
  expect(amber.value).toBe("70");
  expect((screen.getByRole("radio", { name: /Proporzionale/ }) as HTMLInputElement).checked).toBe(true);
  expect((screen.getByRole("radio", { name: /^Formule di Excel/ }) as HTMLInputElement).checked).toBe(true);

  await user.clear(amber);
  await user.type(amber, "50");
  await user.tab();
  await user.click(screen.getByRole("radio", { name: /Binario/ }));
  await user.click(screen.getByRole("button", { name: "Applica alla cartella" }));
  await within(screen.getByTestId("settings-status")).findByText(
    "Impostazioni applicate. I consuntivi inseriti sono stati mantenuti.",
  );
  const settings = excel.workbook.sheet("Impostazioni");
  // The thresholds in force come from the profile: editing one made them the custom profile's.
  expect(settings.cell("B9").value).toBe("Personalizzato");
  expect(settings.cell("I5").value).toBe(1);
  expect(settings.cell("J5").value).toBe(0.5);
  expect(settings.cell("B4").formula).toMatch(/^=INDEX\(.*MATCH\(PIRA_Profilo/);
  expect(settings.cell("B6").value).toBe("binario");
  expect(settings.cell("B7").value).toBe("native");
  expect(settings.cell("B8").formula).toMatch(/^=MATCH\(PIRA_Anno/);
  expect(excel.workbook.sheet("Impostazioni").protection.protected).toBe(true);
  const indicators = excel.workbook.sheet("Indicatori");
  expect(indicators.cell(actualCell("1.1", 2023)).value).toBe(15);
  expect(indicators.cell(actualCell("1.3", 2023)).value).toBe(350);

  // The follow view scores with the applied method: binary, so 1.3 (350 of 700) counts 0.
  await user.click(screen.getByRole("tab", { name: "Monitoraggio" }));
  await screen.findByTestId("chamber-score");
  expect(screen.getByTestId("chamber-score").textContent).toContain("Parzialmente raggiunto");
  expect(screen.getByLabelText("Punteggio: 50,0%")).toBeTruthy();
});

test("«Prepara per la condivisione» turns PIRA.SCORE formulas into native ones and keeps the actuals", async () => {
  const { user, excel } = await openSettings("pira");
  expect(scoreFormulas(excel).every((f) => /PIRA\.SCORE\(/.test(f))).toBe(true);
  expect(excel.workbook.sheet("Impostazioni").cell("B7").value).toBe("PIRA");
  expect((screen.getByRole("radio", { name: /^Funzioni PIRA\.SCORE/ }) as HTMLInputElement).checked).toBe(true);

  await user.click(screen.getByRole("button", { name: "Prepara per la condivisione" }));
  await within(screen.getByTestId("settings-status")).findByText(
    "Cartella pronta per la condivisione: usa formule di Excel. I consuntivi inseriti sono stati mantenuti.",
  );
  const formulas = scoreFormulas(excel);
  expect(formulas.every((f) => f.startsWith("=") && !/PIRA\.SCORE/i.test(f))).toBe(true);
  expect(excel.workbook.sheet("Impostazioni").cell("B7").value).toBe("native");
  expect((screen.getByRole("radio", { name: /^Formule di Excel/ }) as HTMLInputElement).checked).toBe(true);
  const indicators = excel.workbook.sheet("Indicatori");
  expect(indicators.cell(actualCell("1.1", 2023)).value).toBe(15);
  expect(indicators.cell(actualCell("1.3", 2023)).value).toBe(350);
  expect(indicators.protection.protected).toBe(true);
});

test("thresholds in the wrong order are refused before anything is written", async () => {
  const gateway = stubGateway();
  const user = userEvent.setup();
  renderPane(gateway, { initialTab: "settings" });
  expect(screen.getByText("Importa un cruscotto per modificare le impostazioni della cartella.")).toBeTruthy();
  expect(screen.queryByRole("button", { name: "Applica alla cartella" })).toBeNull();
  const green = screen.getByRole("spinbutton", { name: "«Raggiunto» da (%)" });
  await user.clear(green);
  await user.type(green, "60");
  await user.tab();
  expect(screen.getByRole("alert").textContent).toBe(
    "La soglia di «Parzialmente raggiunto» deve essere minore o uguale a quella di «Raggiunto».",
  );
  // The field edited carries the error: aria-invalid, and the message as its description.
  expect(green.getAttribute("aria-invalid")).toBe("true");
  expect(
    screen.getByRole("spinbutton", { name: "«Parzialmente raggiunto» da (%)" }).getAttribute("aria-invalid"),
  ).toBeNull();
  expect(document.getElementById(green.getAttribute("aria-describedby")!.split(" ")[0])?.textContent).toBe(
    "La soglia di «Parzialmente raggiunto» deve essere minore o uguale a quella di «Raggiunto».",
  );
  expect(gateway.switchFormulas).not.toHaveBeenCalled();
});

test("a threshold above 100 % is brought back to 100 %", async () => {
  const gateway = stubGateway();
  const user = userEvent.setup();
  renderPane(gateway, { initialTab: "settings" });
  const amber = screen.getByRole("spinbutton", { name: "«Parzialmente raggiunto» da (%)" }) as HTMLInputElement;
  await user.clear(amber);
  await user.type(amber, "120");
  await user.tab();
  expect(amber.value).toBe("100");
});

test("a failing update says why", async () => {
  const office = fakeOffice();
  await importSample(office.gateway);
  const gateway = {
    ...office.gateway,
    switchFormulas: jest
      .fn()
      .mockRejectedValue(new Error("Mancano foglio «Indicatori»: importa di nuovo il cruscotto con «Sostituisci».")),
  };
  const user = userEvent.setup();
  renderPane(gateway);
  await screen.findByTestId("chamber-score");
  await user.click(screen.getByRole("tab", { name: "Impostazioni" }));
  await user.click(screen.getByRole("button", { name: "Applica alla cartella" }));
  const status = screen.getByTestId("settings-status");
  await within(status).findByText("Aggiornamento non riuscito");
  expect(status.textContent).toContain("Mancano foglio «Indicatori»");
  // The failure takes the focus: it follows the action that failed.
  await waitFor(() => expect(status.contains(document.activeElement)).toBe(true));
});

test("the settings tab shows values edited in the Impostazioni sheet since the pane opened", async () => {
  const office = fakeOffice();
  await importSample(office.gateway);
  const user = userEvent.setup();
  renderPane(office.gateway);
  await screen.findByTestId("chamber-score");
  // Edited in the sheet while the pane stays open (the shared runtime keeps it alive).
  const sheet = office.excel.workbook.sheet("Impostazioni");
  // B4 (the green threshold) is the profile's: users choose the profile in B9.
  sheet.type("B9", "Tolleranza 90 %");
  sheet.type("B6", "binario");
  await user.click(screen.getByRole("tab", { name: "Impostazioni" }));
  const green = screen.getByRole("spinbutton", { name: "«Raggiunto» da (%)" }) as HTMLInputElement;
  await waitFor(() => expect(green.value).toBe("90"));
  expect((screen.getByRole("radio", { name: /Binario/ }) as HTMLInputElement).checked).toBe(true);
});

test("choosing a band profile sets both thresholds and writes the profile into the workbook", async () => {
  const { user, excel } = await openSettings("native");
  expect((screen.getByRole("radio", { name: /^Standard/ }) as HTMLInputElement).checked).toBe(true);
  await user.click(screen.getByRole("radio", { name: /^Tolleranza 90 %/ }));
  const green = screen.getByRole("spinbutton", { name: "«Raggiunto» da (%)" }) as HTMLInputElement;
  const amber = screen.getByRole("spinbutton", { name: "«Parzialmente raggiunto» da (%)" }) as HTMLInputElement;
  expect([green.value, amber.value]).toEqual(["90", "70"]);
  await user.click(screen.getByRole("button", { name: "Applica alla cartella" }));
  await within(screen.getByTestId("settings-status")).findByText(
    "Impostazioni applicate. I consuntivi inseriti sono stati mantenuti.",
  );
  expect(excel.workbook.sheet("Impostazioni").cell("B9").value).toBe("Tolleranza 90 %");
});

test("with the thresholds out of order, «Applica» is disabled and says why beside it", async () => {
  const { user, excel } = await openSettings("native");
  const amber = screen.getByRole("spinbutton", { name: "«Parzialmente raggiunto» da (%)" });
  await user.clear(amber);
  await user.type(amber, "100");
  await user.clear(screen.getByRole("spinbutton", { name: "«Raggiunto» da (%)" }));
  await user.type(screen.getByRole("spinbutton", { name: "«Raggiunto» da (%)" }), "90");
  await user.tab();
  const apply = screen.getByRole("button", { name: "Applica alla cartella" });
  expect(apply.getAttribute("aria-disabled")).toBe("true");
  const reason = document.getElementById(apply.getAttribute("aria-describedby")!);
  expect(reason?.textContent).toBe("Non si può applicare: le due soglie non sono in ordine.");
  const writes = excel.log.writes.length;
  await user.click(apply);
  expect(excel.log.writes.length).toBe(writes);
});
