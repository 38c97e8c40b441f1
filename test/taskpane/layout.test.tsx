// The pane at 320 px: the primary action in the footer, diagnostics that lead to their node of the
// tree, one group open at a time where the pane is narrow, and the focus never left on the page.
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Diagnostics } from "../../src/taskpane/components/Diagnostics";
import { I18nContext, makeI18n } from "../../src/taskpane/i18n";
import { NARROW_QUERY } from "../../src/taskpane/components/useNarrow";
import { SAMPLE, SAMPLE_PLAN, fakeOffice, importSample, renderPane, stubGateway } from "./harness";

jest.setTimeout(60_000);
// Ceilings for a shared, busy machine, not performance assertions.
const SLOW = { timeout: 20_000 };

async function paste(text = SAMPLE): Promise<void> {
  fireEvent.change(screen.getByRole("textbox", { name: /Testo del cruscotto/ }), { target: { value: text } });
  await screen.findByRole("list", { name: "Contenuto" }, { timeout: 60_000 });
}

/** A pane `width` px wide, as matchMedia tells it (jsdom has none). */
function paneWidth(width: number): void {
  const max = Number(/max-width:\s*(\d+)px/.exec(NARROW_QUERY)![1]);
  Object.defineProperty(window, "matchMedia", {
    configurable: true,
    value: (query: string) => ({
      matches: query === NARROW_QUERY && width <= max,
      media: query,
      addEventListener: () => {},
      removeEventListener: () => {},
    }),
  });
}

afterEach(() => {
  delete (window as { matchMedia?: unknown }).matchMedia;
});

const linked = SAMPLE_PLAN.diagnostics.filter((d) => d.indicator !== undefined || d.objective !== undefined);

test("the sample has diagnostics naming objectives and indicators", () => {
  expect(linked.some((d) => d.indicator !== undefined)).toBe(true);
  expect(linked.some((d) => d.indicator === undefined && d.objective !== undefined)).toBe(true);
});

test.each(
  linked.map((d) => [d.indicator ? `indicatore ${d.indicator}` : `obiettivo ${d.objective}`, d.code, d] as const),
)("the «%s» link of a %s diagnostic opens the tree to that node and focuses it", async (label, _code, d) => {
  renderPane(stubGateway());
  await paste();
  const tree = screen.getByRole("tree", { name: "Ambiti, obiettivi e indicatori" });
  // The notes group starts collapsed: open every group so each link is there.
  for (const header of screen.getAllByRole("button", { name: /Avvisi|Note|Errori/ })) {
    if (header.getAttribute("aria-expanded") === "false") fireEvent.click(header);
  }
  fireEvent.click(screen.getAllByRole("button", { name: `${label}: mostra nell'albero` })[0]);
  const selector = d.indicator ? `[data-indicator="${d.indicator}"]` : `[data-objective="${d.objective}"]`;
  await waitFor(() => expect(document.activeElement).toBe(tree.querySelector(selector)), SLOW);
  const focused = document.activeElement as HTMLElement;
  expect(focused.getAttribute("role")).toBe("treeitem");
  const id = d.indicator ?? String(d.objective);
  expect(within(focused).getAllByText(id)[0]).toBeTruthy();
});

test("the import button sits in the footer, after the preview; counts and warnings come before the tree", async () => {
  renderPane(stubGateway());
  await paste();
  const footer = screen.getByTestId("pane-footer");
  expect(within(footer).getByRole("button", { name: "Importa nella cartella" })).toBeTruthy();
  const order = [
    screen.getByRole("list", { name: "Contenuto" }),
    screen.getByRole("button", { name: /Avvisi/ }),
    screen.getByRole("tree"),
    footer,
  ];
  for (let i = 1; i < order.length; i++) {
    expect(order[i - 1].compareDocumentPosition(order[i]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  }
});

test.each([
  [320, 1],
  [450, 2],
])("at %i px, %i diagnostic group(s) can be open at once", async (width, most) => {
  paneWidth(width);
  renderPane(stubGateway());
  await paste();
  const warnings = screen.getByRole("button", { name: /Avvisi/ });
  const notes = screen.getByRole("button", { name: /Note/ });
  expect(warnings.getAttribute("aria-expanded")).toBe("true");
  expect(notes.getAttribute("aria-expanded")).toBe("false");
  fireEvent.click(notes);
  expect(notes.getAttribute("aria-expanded")).toBe("true");
  const open = [warnings, notes].filter((b) => b.getAttribute("aria-expanded") === "true");
  expect(open).toHaveLength(most);
});

test.each([
  [320, ["012"]],
  [450, ["011", "012"]],
])("at %i px, opening a second area leaves open %j", async (width, expected) => {
  paneWidth(width);
  renderPane(stubGateway());
  await paste();
  const tree = screen.getByRole("tree");
  const area = (code: string) => tree.querySelector<HTMLElement>(`[data-area="${code}"]`)!;
  fireEvent.click(within(area("011")).getAllByText("011")[0]);
  fireEvent.click(within(area("012")).getAllByText("012")[0]);
  const open = SAMPLE_PLAN.areas.map((a) => a.code).filter((c) => area(c).getAttribute("aria-expanded") === "true");
  expect(open).toEqual(expected);
});

test("targets show ≥ and ≤ while the plan keeps its text", async () => {
  renderPane(stubGateway());
  await paste();
  const withLe = SAMPLE_PLAN.objectives
    .flatMap((o) => o.indicators.map((i) => ({ o, i })))
    .find(({ i }) => Object.values(i.targets).some((t) => t?.text.startsWith("<=")))!;
  expect(withLe).toBeTruthy();
  const tree = screen.getByRole("tree");
  fireEvent.click(tree.querySelector(`[data-area="${withLe.o.areaCode}"]`)!.firstElementChild!);
  fireEvent.click(await waitFor(() => tree.querySelector(`[data-objective="${withLe.o.number}"]`)!.firstElementChild!));
  const item = await waitFor(() => tree.querySelector<HTMLElement>(`[data-indicator="${withLe.i.id}"]`)!);
  const shown = within(item).getByTestId("targets").textContent ?? "";
  expect(shown).toContain("≤");
  expect(shown).not.toMatch(/<=|>=/);
  expect(Object.values(withLe.i.targets).some((t) => t?.text.startsWith("<="))).toBe(true);
});

test("a finished import moves the focus to «Vai al monitoraggio»", async () => {
  const user = userEvent.setup();
  const { gateway } = fakeOffice();
  renderPane(gateway);
  await paste();
  await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
  const go = await within(screen.getByTestId("import-status")).findByRole("button", { name: "Vai al monitoraggio" });
  await waitFor(() => expect(document.activeElement).toBe(go), SLOW);
});

test("a failed import moves the focus to its error bar", async () => {
  const user = userEvent.setup();
  renderPane(stubGateway({ importWorkbook: jest.fn().mockRejectedValue(new Error("Scrittura non riuscita.")) }));
  await paste();
  await user.click(screen.getByRole("button", { name: "Importa nella cartella" }));
  const status = screen.getByTestId("import-status");
  await within(status).findByText("Importazione non riuscita");
  await waitFor(() => expect(status.contains(document.activeElement)).toBe(true), SLOW);
  expect(document.activeElement?.textContent).toContain("Scrittura non riuscita.");
});

test("«Svuota» leaves the focus in the emptied text box, not on the page", async () => {
  const user = userEvent.setup();
  renderPane(stubGateway());
  await paste();
  await user.click(screen.getByRole("button", { name: "Svuota" }));
  const box = screen.getByRole("textbox", { name: /Testo del cruscotto/ });
  await waitFor(() => expect(document.activeElement).toBe(box), SLOW);
  expect((box as HTMLTextAreaElement).value).toBe("");
});

test("closing the first-run guide moves the focus to the selected tab", async () => {
  localStorage.clear();
  const user = userEvent.setup();
  renderPane(stubGateway());
  await user.click(screen.getByRole("button", { name: "Ho capito" }));
  await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("tab", { name: "Importa" })), SLOW);
  act(() => localStorage.clear());
});

test("empty views say what to do", async () => {
  renderPane(stubGateway(), { initialTab: "follow" });
  expect(screen.getByText("Importa un cruscotto per seguirne l'andamento.")).toBeTruthy();
  fireEvent.click(screen.getByRole("tab", { name: "Aggiorna piano" }));
  expect(
    screen.getAllByText("La cartella non contiene ancora un cruscotto: importalo dalla scheda «Importa».").length,
  ).toBeGreaterThan(0);
  fireEvent.click(screen.getByRole("tab", { name: "Importa" }));
  expect(screen.getByText(/L'anteprima compare qui/)).toBeTruthy();
  expect(screen.getByText("Incolla o apri un cruscotto per importarlo.")).toBeTruthy();
});

test("a text with nothing to report says «nessun problema», in either language", () => {
  for (const [lang, words] of [
    ["it", "Nessun problema trovato nel testo."],
    ["en", "No problem found in the text."],
  ] as const) {
    const { unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <I18nContext.Provider value={makeI18n(lang)}>
          <Diagnostics diagnostics={[]} />
        </I18nContext.Provider>
      </FluentProvider>,
    );
    expect(screen.getByText(words)).toBeTruthy();
    unmount();
  }
});

test("«Aggiorna piano»: the change list takes the focus, then «Vai al monitoraggio» once applied", async () => {
  const fs = await import("node:fs");
  const path = await import("node:path");
  const revised = fs.readFileSync(path.join(__dirname, "../fixtures/revised/cruscotto-pira-2024.txt"), "utf8");
  const { gateway } = fakeOffice();
  await importSample(gateway);
  renderPane(gateway, { initialTab: "update" });
  fireEvent.change(await screen.findByRole("textbox", { name: /Testo del cruscotto/ }), {
    target: { value: revised },
  });
  await screen.findByRole("list", { name: "Contenuto" }, { timeout: 60_000 });
  const footer = screen.getByTestId("pane-footer");
  const show = within(footer).getByRole("button", { name: "Mostra le modifiche" });
  await waitFor(() => expect(show.getAttribute("aria-disabled")).not.toBe("true"), SLOW);
  fireEvent.click(show);
  const apply = await within(footer).findByRole("button", { name: "Applica l'aggiornamento" }, { timeout: 60_000 });
  await waitFor(() => expect(document.activeElement?.textContent).toMatch(/^\d+ modific[ah]e? al piano$/), SLOW);
  fireEvent.click(apply);
  const go = await within(screen.getByTestId("revise-status")).findByRole(
    "button",
    { name: "Vai al monitoraggio" },
    { timeout: 60_000 },
  );
  await waitFor(() => expect(document.activeElement).toBe(go), SLOW);
});

test("«Mostra altri» in the tree moves the focus to the first area it shows", async () => {
  const { syntheticCruscotto } = await import("../helpers/synthetic");
  const user = userEvent.setup();
  renderPane(stubGateway());
  await paste(syntheticCruscotto(11));
  const tree = screen.getByRole("tree");
  const before = within(tree).getAllByRole("treeitem", { name: /./ });
  await user.click(screen.getByRole("button", { name: "Mostra altri" }));
  await waitFor(() => expect(screen.queryByRole("button", { name: "Mostra altri" })).toBeNull(), SLOW);
  const after = within(tree).getAllByRole("treeitem", { name: /./ });
  expect(after.length).toBeGreaterThan(before.length);
  await waitFor(() => expect(document.activeElement).toBe(after[before.length]), SLOW);
});
