// The preview you can follow: «riga N» selects that line in the text box; the English pane shows
// the English messages (diagnosticMessage), not the reader's Italian ones.
import { fireEvent, screen, within } from "@testing-library/react";
import { diagnosticMessage } from "../../src/domain/reader";
import { SAMPLE, SAMPLE_PLAN, renderPane, stubGateway } from "./harness";

jest.setTimeout(60_000);

test("a diagnostic's line button selects that line of the pasted text", async () => {
  renderPane(stubGateway());
  const box = screen.getByRole("textbox", { name: /Testo del cruscotto/ }) as HTMLTextAreaElement;
  fireEvent.change(box, { target: { value: SAMPLE } });
  await screen.findByRole("list", { name: "Contenuto" }, { timeout: 60_000 });
  const d = SAMPLE_PLAN.diagnostics.find((x) => x.line > 0 && x.severity === "warning")!;
  fireEvent.click(screen.getAllByRole("button", { name: `riga ${d.line}: mostra nel testo` })[0]);
  expect(document.activeElement).toBe(box);
  const line = SAMPLE.split("\n")[d.line - 1];
  expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe(line);
  expect(line.trim()).not.toBe("");
});

test("the English pane shows the diagnostics in English", async () => {
  renderPane(stubGateway(), { lang: "en" });
  fireEvent.change(screen.getByRole("textbox", { name: /Dashboard text/ }), { target: { value: SAMPLE } });
  await screen.findByRole("list", { name: "Contents" }, { timeout: 60_000 });
  const d = SAMPLE_PLAN.diagnostics.find((x) => x.severity === "warning")!;
  const english = diagnosticMessage(d, "en");
  expect(english).not.toBe(d.message);
  expect(screen.getAllByText(english, { exact: false }).length).toBeGreaterThan(0);
  expect(screen.queryByText(d.message, { exact: false })).toBeNull();
});

test("an indicator weighing 0% is tagged «solo monitoraggio», the others are not", async () => {
  renderPane(stubGateway());
  fireEvent.change(screen.getByRole("textbox", { name: /Testo del cruscotto/ }), { target: { value: SAMPLE } });
  const tree = await screen.findByRole("tree", undefined, { timeout: 60_000 });
  fireEvent.click(within(tree).getByRole("treeitem", { name: /^011 Utenti, imprese e territorio/ }));
  fireEvent.click(within(tree).getByRole("treeitem", { name: /^1 Semplificazione Amministrativa/ }));
  const dfp = await within(tree).findByRole("treeitem", { name: /^1\.4 DFP 3\.3/ });
  expect(dfp.textContent).toContain("solo monitoraggio");
  const first = within(tree).getByRole("treeitem", { name: /^1\.1 Azioni di diffusione/ });
  expect(first.textContent).not.toContain("solo monitoraggio");
});
