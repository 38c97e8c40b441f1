// The live follow view: an edit in the Indicatori sheet refreshes it by itself, once typing
// pauses; the handlers go when the view does.
import { screen, waitFor } from "@testing-library/react";
import { fakeOffice, importSample, renderPane, typeActuals } from "./harness";

jest.setTimeout(60_000);

test("typing a consuntivo updates the follow view without pressing anything", async () => {
  const { gateway, excel } = fakeOffice();
  await importSample(gateway);
  const { unmount } = renderPane(gateway);
  const before = await screen.findByRole(
    "heading",
    { name: /^Mancano \d+ consuntivi per il 2023$/ },
    { timeout: 30_000 },
  );
  const missing = Number(/\d+/.exec(before.textContent ?? "")![0]);
  await waitFor(() =>
    expect(excel.workbook.changeHandlers.map((h) => h.sheet.name).sort()).toEqual(["Impostazioni", "Indicatori"]),
  );
  const reads = excel.log.syncs;
  typeActuals(excel, [["1.1", 2023, 15]]);
  typeActuals(excel, [["1.2", 2023, "SI"]]);
  await screen.findByRole("heading", { name: `Mancano ${missing - 2} consuntivi per il 2023` }, { timeout: 2_000 });
  // Two edits in a row, one re-read (readActuals and readNotes: one batch each, one sync apiece).
  expect(excel.log.syncs - reads).toBeLessThanOrEqual(4);
  unmount();
  await waitFor(() => expect(excel.workbook.changeHandlers).toHaveLength(0));
});
