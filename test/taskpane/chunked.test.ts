// The workbook description crosses from the parse worker in slices: what arrives is what left.
import { readCruscotto } from "../../src/domain/reader";
import { defaultSettings } from "../../src/domain/settings";
import { Reassembly, SLICE_ITEMS, slicesOf, splitValue } from "../../src/taskpane/chunked";
import { buildWorkbook } from "../../src/workbook/build";
import { sampleText } from "../helpers/sample";
import { syntheticCruscotto } from "../helpers/synthetic";

/** Through structured clone, as postMessage does, slice by slice. */
function roundTrip(value: unknown): { value: unknown; messages: number; largest: number } {
  const split = structuredClone(splitValue(value));
  const lengths = split.arrays.map((a) => a.length);
  const whole = new Reassembly(split.skeleton, lengths);
  let messages = 0;
  let largest = 0;
  for (const slice of slicesOf(split)) {
    const { array, items } = structuredClone(slice);
    whole.add(array, items);
    messages++;
    largest = Math.max(largest, items.length);
  }
  expect(whole.complete).toBe(true);
  return { value: whole.value(), messages, largest };
}

test.each([
  ["the sample", sampleText()],
  ["the 10× plan", syntheticCruscotto(10)],
])("the workbook description of %s arrives equal to the one built", (_name, text) => {
  const plan = readCruscotto(text);
  const wb = buildWorkbook(plan, defaultSettings(plan));
  const { value, largest } = roundTrip(wb);
  expect(value).toEqual(wb);
  expect(largest).toBeLessThanOrEqual(SLICE_ITEMS);
});

test("long arrays nested in short ones, empty ones, nulls and dates keep their places", () => {
  const long = Array.from({ length: SLICE_ITEMS * 2 + 5 }, (_, i) => ({ i, row: [i, `r${i}`, null] }));
  const value = {
    a: [[], [long, long.slice(0, 3)], null],
    b: { c: long.map((x) => x.i), d: new Date(Date.UTC(2024, 0, 1)), e: undefined },
    f: "testo",
  };
  const { value: back, messages } = roundTrip(value);
  expect(back).toEqual(value);
  // Each long array comes as three slices: the same array twice is sent twice, never shared.
  expect(messages).toBe(6);
});
