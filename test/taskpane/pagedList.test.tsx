// Long lists a page at a time (the change list of a 100× revision, diagnostics, missing
// consuntivi): what is shown, what «Mostra altri» adds, and where the focus goes.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import * as React from "react";
import { PagedList } from "../../src/taskpane/components/PagedList";

const items = Array.from({ length: 120 }, (_, i) => `voce ${i + 1}`);

test.each([
  // [page, more, shown after each click]
  [50, undefined, [50, 100, 120]],
  [50, 200, [50, 120]],
  [120, undefined, [120]],
  [200, undefined, [120]],
])("page %i, more %s: %j entries shown, click after click", async (page, more, expected) => {
  const user = userEvent.setup();
  render(<PagedList items={items} page={page} more={more} render={(item) => item} />);
  const list = screen.getByRole("list");
  for (const [step, count] of expected.entries()) {
    expect(within(list).getAllByRole("listitem")).toHaveLength(count);
    const button = screen.queryByRole("button", { name: /^Mostra altri/ });
    if (step === expected.length - 1) {
      expect(button).toBeNull();
      break;
    }
    expect(button?.textContent).toBe(`Mostra altri (${items.length - count})`);
    await user.click(button!);
    // The first entry the click added has the focus (a keyboard user reads on from there).
    expect(document.activeElement?.textContent).toBe(items[count]);
  }
});

test("a list that changes while shown keeps each entry's element by its key", () => {
  const view = (list: string[]) => (
    <PagedList items={list} page={50} keyOf={(item) => item} render={(item) => <button>{item}</button>} />
  );
  const { rerender } = render(view(items));
  const third = screen.getByRole("button", { name: "voce 3" });
  rerender(view(items.slice(1)));
  expect(screen.getByRole("button", { name: "voce 3" })).toBe(third);
});

test("named by its heading, and so is its «Mostra altri», so two lists' buttons differ", () => {
  render(
    <>
      <h3 id="added">Aggiunti</h3>
      <PagedList items={items} page={50} labelledBy="added" render={(item) => item} />
      <h3 id="removed">Eliminati</h3>
      <PagedList items={items.slice(0, 60)} page={50} labelledBy="removed" render={(item) => item} />
    </>,
  );
  expect(screen.getByRole("list", { name: "Aggiunti" })).toBeTruthy();
  expect(screen.getByRole("list", { name: "Eliminati" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Mostra altri (70) Aggiunti" })).toBeTruthy();
  expect(screen.getByRole("button", { name: "Mostra altri (10) Eliminati" })).toBeTruthy();
});
