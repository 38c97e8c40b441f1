// A proposal ticked or unticked is revised again as a job (in the worker in the pane): until its
// answer is back the old result stays on screen and nothing can be applied, and only the answer
// to the latest toggle is shown.
import { act, renderHook, waitFor } from "@testing-library/react";
import * as fs from "node:fs";
import * as path from "node:path";
import { readCruscotto } from "../../src/domain/reader";
import type { JobRunner } from "../../src/taskpane/jobs";
import { inPageJobs } from "../../src/taskpane/state/planParser";
import { useRevise, type ReviseController } from "../../src/taskpane/state/useRevise";
import { fakeOffice, importSample, typeActuals } from "./harness";

jest.setTimeout(60_000);

const REVISED_PLAN = readCruscotto(
  fs.readFileSync(path.join(__dirname, "../fixtures/revised/cruscotto-pira-2024.txt"), "utf8"),
);

/** The in-page jobs, except that each re-revision waits until the test lets it answer. */
function heldRevisions(): { jobs: JobRunner; release: (index: number) => void; asked: () => number } {
  const real = inPageJobs();
  const held: (() => void)[] = [];
  const jobs: JobRunner = (job, ...args) => {
    const answer = real(job, ...args);
    if (job !== "revise") return answer;
    return new Promise((resolve) => held.push(() => resolve(answer)));
  };
  return { jobs, release: (index) => held[index](), asked: () => held.length };
}

async function preparedRevision(jobs: JobRunner) {
  const office = fakeOffice();
  await importSample(office.gateway);
  // 9.1 is renamed a little in the revised plan: a proposal, accepted at first, carries its consuntivo.
  typeActuals(office.excel, [["9.1", 2024, 5]]);
  const hook = renderHook(() => useRevise(office.gateway, () => undefined, jobs));
  await act(() => hook.result.current.prepare(REVISED_PLAN));
  return { ...office, hook };
}

function preview(reviser: ReviseController) {
  if (reviser.state.kind !== "preview") throw new Error(`state ${reviser.state.kind}`);
  return reviser.state;
}

test("unticking a proposal: the old result stays, apply waits, then the value goes to the Archivio", async () => {
  const held = heldRevisions();
  const { hook, excel } = await preparedRevision(held.jobs);
  const first = preview(hook.result.current);
  const proposal = first.result.summary.acceptedProposals.find((p) => p.oldId === "9.1");
  expect(proposal).toBeDefined();
  expect(first.result.archiveAdded.map((r) => r.oldId)).not.toContain("9.1");

  act(() => hook.result.current.toggle(proposal!, false));
  expect(preview(hook.result.current).updating).toBe(true);
  expect(preview(hook.result.current).result).toBe(first.result);
  const writes = excel.log.writes.length;
  await act(() => hook.result.current.apply());
  expect(excel.log.writes.length).toBe(writes);
  expect(hook.result.current.state.kind).toBe("preview");

  await act(async () => held.release(0));
  await waitFor(() => expect(preview(hook.result.current).updating).toBe(false));
  const after = preview(hook.result.current);
  expect(after.accepted.some((p) => p.oldId === "9.1")).toBe(false);
  expect(after.result.archiveAdded.map((r) => [r.oldId, r.year, r.actual])).toContainEqual(["9.1", 2024, 5]);
});

test("two quick toggles: the answer to the first, arriving last, is not shown", async () => {
  const held = heldRevisions();
  const { hook } = await preparedRevision(held.jobs);
  const proposal = preview(hook.result.current).result.summary.acceptedProposals.find((p) => p.oldId === "9.1")!;
  act(() => hook.result.current.toggle(proposal, false));
  act(() => hook.result.current.toggle(proposal, true));
  expect(held.asked()).toBe(2);
  await act(async () => held.release(1));
  await waitFor(() => expect(preview(hook.result.current).updating).toBe(false));
  const latest = preview(hook.result.current).result;
  expect(latest.archiveAdded.map((r) => r.oldId)).not.toContain("9.1");
  await act(async () => held.release(0));
  // The stale answer (9.1 refused) changed nothing.
  expect(preview(hook.result.current).result).toBe(latest);
  expect(preview(hook.result.current).accepted.some((p) => p.oldId === "9.1")).toBe(true);
});

test("while applying, the state carries the write's progress", async () => {
  const { hook, gateway } = await preparedRevision(inPageJobs());
  let finish: () => void = () => undefined;
  const importWorkbook = gateway.importWorkbook;
  gateway.importWorkbook = async (wb, options) => {
    options.onProgress?.({ stage: "writing", fraction: 0.55 });
    await new Promise<void>((resolve) => (finish = resolve));
    return importWorkbook(wb, options);
  };
  let applying: Promise<void> = Promise.resolve();
  act(() => {
    applying = hook.result.current.apply();
  });
  await waitFor(() => expect(hook.result.current.state).toMatchObject({ kind: "applying", progress: 0.55 }));
  await act(async () => {
    finish();
    await applying;
  });
  expect(hook.result.current.state.kind).toBe("done");
});
