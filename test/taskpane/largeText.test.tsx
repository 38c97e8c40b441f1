// A text too long for a text box goes to the read-only view, in blocks of lines, and «riga N»
// still selects its line there (the text box would freeze the pane laying it out).
import { fireEvent, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readCruscotto } from "../../src/domain/reader";
import { LARGE_TEXT_CHARS, VIEW_BLOCK_LINES } from "../../src/taskpane/components/SourceInput";
import { renderPane, stubGateway } from "./harness";
import { syntheticCruscotto } from "../helpers/synthetic";

jest.setTimeout(120_000);

test("a long paste is shown read-only in blocks, whole, and a diagnostic's line is selected in it", async () => {
  const text = syntheticCruscotto(20);
  expect(text.length).toBeGreaterThan(LARGE_TEXT_CHARS);
  const user = userEvent.setup();
  renderPane(stubGateway());
  await user.click(screen.getByRole("textbox", { name: /Testo del cruscotto/ }));
  await user.paste(text);
  const view = screen.getByRole("textbox", { name: /Testo del cruscotto/ });
  expect(view.tagName).toBe("DIV");
  expect(view.getAttribute("aria-readonly")).toBe("true");
  expect(document.querySelector("textarea")).toBeNull();
  expect(view.textContent).toBe(text);
  const lines = text.split("\n");
  expect(view.children).toHaveLength(Math.ceil(lines.length / VIEW_BLOCK_LINES));
  expect(screen.getByText(/^Testo lungo \([\d.]+ righe, \d+ kB\): è mostrato in sola lettura/)).toBeTruthy();

  await screen.findByRole("list", { name: "Contenuto" }, { timeout: 100_000 });
  // The diagnostic shown farthest down the text: past the first block of the view.
  const buttons = screen.getAllByRole("button", { name: /^riga \d+: mostra nel testo$/ });
  const lineOf = (b: HTMLElement) => Number(/riga (\d+)/.exec(b.getAttribute("aria-label")!)![1]);
  const farthest = buttons.reduce((a, b) => (lineOf(b) > lineOf(a) ? b : a));
  const d = { line: lineOf(farthest) };
  expect(d.line).toBeGreaterThan(VIEW_BLOCK_LINES);
  expect(readCruscotto(text).diagnostics.some((x) => x.line === d.line)).toBe(true);
  fireEvent.click(farthest);
  expect(document.activeElement).toBe(view);
  expect(window.getSelection()?.toString()).toBe(lines[d.line - 1]);
  expect(lines[d.line - 1].trim()).not.toBe("");

  // «Svuota» brings the text box back.
  await user.click(screen.getByRole("button", { name: "Svuota" }));
  expect((screen.getByRole("textbox", { name: /Testo del cruscotto/ }) as HTMLTextAreaElement).value).toBe("");
});
