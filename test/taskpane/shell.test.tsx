// The pane's frame: one tab per TABS entry, the error bar, and the error-to-message mapping.
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { GUIDE_KEY } from "../../src/taskpane/components/FirstRunGuide";
import { errorMessage } from "../../src/taskpane/errors";
import { makeI18n, type Lang } from "../../src/taskpane/i18n";
import { TABS } from "../../src/taskpane/tabs";
import { renderPane, stubGateway } from "./harness";

describe.each<Lang>(["it", "en"])("the tab list (%s)", (lang) => {
  const { t } = makeI18n(lang);

  test("shows every registered tab, in order, and each opens its own panel", async () => {
    const user = userEvent.setup();
    renderPane(stubGateway(), { lang });
    const tabs = within(screen.getByRole("tablist", { name: t.tabListLabel })).getAllByRole("tab");
    expect(tabs.map((tab) => tab.id)).toEqual(TABS.map((entry) => `pira-tab-${entry.id}`));
    for (const entry of TABS)
      expect(screen.getByRole("tab", { name: t.tabs[entry.label] }).id).toBe(`pira-tab-${entry.id}`);
    for (const entry of [...TABS].reverse()) {
      await user.click(screen.getByRole("tab", { name: t.tabs[entry.label] }));
      expect(screen.getByRole("tab", { name: t.tabs[entry.label] }).getAttribute("aria-selected")).toBe("true");
      expect(screen.getByRole("tabpanel", { name: t.tabs[entry.label] }).id).toBe(`pira-panel-${entry.id}`);
    }
  });
});

test("the ids of the tabs are distinct", () => {
  expect(new Set(TABS.map((entry) => entry.id)).size).toBe(TABS.length);
});

test("a workbook that cannot be read on opening is announced in one error bar with the adapter's words", async () => {
  renderPane(stubGateway({ readPlan: jest.fn().mockRejectedValue(new Error("Manca la tabella «tblObiettivi».")) }));
  const alert = await screen.findByRole("alert");
  expect(alert.textContent).toBe(
    "Non è stato possibile leggere il cruscotto già presente nella cartellaManca la tabella «tblObiettivi».",
  );
});

test.each<[string, unknown, string]>([
  ["an Error", new Error("Il foglio «Indicatori» è protetto."), "Il foglio «Indicatori» è protetto."],
  ["an Office error object", { code: "InvalidArgument", message: "Argomento non valido." }, "Argomento non valido."],
  ["a string", "Richiesta annullata", "Richiesta annullata"],
])("errorMessage of %s", (_name, error, message) => {
  expect(errorMessage(error)).toBe(message);
});

test("the first-run guide shows once: closing it is remembered", async () => {
  localStorage.removeItem(GUIDE_KEY);
  const first = renderPane(stubGateway());
  expect(screen.getByTestId("first-run-guide").textContent).toContain("Incolla qui sotto il testo del cruscotto");
  fireEvent.click(screen.getByRole("button", { name: "Ho capito" }));
  expect(screen.queryByTestId("first-run-guide")).toBeNull();
  first.unmount();
  renderPane(stubGateway());
  expect(screen.queryByTestId("first-run-guide")).toBeNull();
  localStorage.removeItem(GUIDE_KEY);
});
