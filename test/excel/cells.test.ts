// Pure helpers of the adapter: literal text encoding, addresses, payload batching.
import fc from "fast-check";
import { blockAddress, columnIndex, columnLetter, parseCell, splitSheetAddress } from "../../src/workbook/address";
import { jsonBytes, MAX_REQUEST_BYTES, planBatches, SyncLedger } from "../../src/excel/batch";
import { WriteQueue } from "../../src/excel/writeQueue";
import { literalText, needsQuotePrefix, toFormulaInput } from "../../src/excel/cells";
import { createRecordingExcel, interpretInput } from "../fakes/recordingExcel";

describe("literal text", () => {
  it("quotes exactly the strings Excel would reinterpret", () => {
    for (const s of [
      "=SOMMA(A1)",
      "+5%",
      "-10 giorni",
      "@entro",
      "1.1",
      "82",
      "31/12/2023",
      "#N/A",
      "TRUE",
      "vero",
      "'x",
    ]) {
      expect(needsQuotePrefix(s)).toBe(true);
    }
    for (const s of ["Raggiunto", "Indicatore di sintesi", "Costi € per pratica", "Comune (OC)", ""]) {
      expect(needsQuotePrefix(s)).toBe(false);
    }
  });

  it("survives Excel's input parsing unchanged, whatever the string (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom("=1", "+1", "-1", "@a", "1e5", "12%", "2023-01-31", "TRUE")),
        (s) => {
          const stored = interpretInput(literalText(s), "General");
          if (s === "") expect(stored).toBeNull();
          else expect(stored).toMatchObject({ kind: "text", value: s });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("passes numbers, booleans and formulas through, empties as blank, and refuses bad ones", () => {
    expect(toFormulaInput(0.82)).toBe(0.82);
    expect(toFormulaInput(false)).toBe(false);
    expect(toFormulaInput(null)).toBe("");
    expect(toFormulaInput({ formula: "=A1*2" })).toBe("=A1*2");
    expect(() => toFormulaInput({ formula: "A1*2" })).toThrow(/senza "="/);
    expect(() => toFormulaInput(Number.NaN)).toThrow(/Numero non valido/);
  });
});

describe("addresses", () => {
  it("converts column letters both ways (fast-check)", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (n) => expect(columnIndex(columnLetter(n))).toBe(n)));
    expect(columnLetter(39)).toBe("AN");
  });

  it("builds block addresses and splits sheet references", () => {
    expect(blockAddress(parseCell("$B$3"), 1, 1)).toBe("B3");
    expect(blockAddress(parseCell("A1"), 59, 40)).toBe("A1:AN59");
    expect(splitSheetAddress("='Il mio foglio'!$A$1:$A$4")).toEqual({ sheet: "Il mio foglio", address: "$A$1:$A$4" });
    expect(splitSheetAddress("Cruscotto!B5:B8")).toEqual({ sheet: "Cruscotto", address: "B5:B8" });
    expect(() => splitSheetAddress("B5:B8")).toThrow(/senza foglio/);
  });
});

describe("payload batching", () => {
  it("measures UTF-8 JSON bytes", () => {
    expect(jsonBytes([["≥ 82,00 %", "é"]])).toBe(new TextEncoder().encode(JSON.stringify([["≥ 82,00 %", "é"]])).length);
  });

  it("splits commands in order into batches under the limit (fast-check)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 1000 }), { maxLength: 200 }), (sizes) => {
        const commands = sizes.map((bytes, i) => ({ bytes, queue: () => i }));
        const batches = planBatches(commands, 1000);
        expect(batches.flat()).toEqual(commands);
        for (const batch of batches) expect(batch.reduce((s, c) => s + c.bytes, 0)).toBeLessThanOrEqual(1000);
        // Greedy: the next batch's first command would not have fitted in the previous batch.
        for (let i = 1; i < batches.length; i++) {
          expect(batches[i - 1].reduce((s, c) => s + c.bytes, 0) + batches[i][0].bytes).toBeGreaterThan(1000);
        }
      }),
    );
    expect(() => planBatches([{ bytes: MAX_REQUEST_BYTES + 1, queue: () => undefined }])).toThrow(/supera il limite/);
  });

  it("cuts a large 2-D write between rows, filling each request up to the last row that fits (fast-check)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 0, max: 3000 }),
        (texts, before) => {
          const rows = texts.map((t) => [t]);
          const written: [number, number][] = [];
          const list = new WriteQueue();
          list.addSized(() => undefined, before);
          list.addRows(rows, (from, to) => written.push([from, to]));
          const batches = planBatches(list.commands, 4000);
          for (const batch of batches) {
            for (const command of batch) {
              const count = written.length;
              command.queue();
              if (written.length > count) {
                const [from, to] = written[written.length - 1];
                // The estimate covers the JSON actually sent.
                expect(command.bytes).toBeGreaterThanOrEqual(120 + jsonBytes(rows.slice(from, to)));
              }
            }
          }
          // The pieces tile the rows in order.
          expect(written[0][0]).toBe(0);
          for (let i = 1; i < written.length; i++) expect(written[i][0]).toBe(written[i - 1][1]);
          expect(written[written.length - 1][1]).toBe(rows.length);
          // Every request is under the budget, and every one but the last is full to within a row.
          const widest = Math.max(...rows.map((r) => jsonBytes(r) + 1));
          batches.forEach((batch, i) => {
            const size = batch.reduce((sum, c) => sum + c.bytes, 0);
            expect(size).toBeLessThanOrEqual(4000);
            if (i < batches.length - 1) expect(size).toBeGreaterThan(4000 - widest - 122);
          });
        },
      ),
    );
  });

  it("writes a table that fits as one block", () => {
    const list = new WriteQueue();
    const written: [number, number][] = [];
    list.addRows([[1], [2], [3]], (from, to) => written.push([from, to]));
    planBatches(list.commands).forEach((b) => b.forEach((c) => c.queue()));
    expect(written).toEqual([[0, 3]]);
    expect(list.commands[0].bytes).toBe(120 + jsonBytes([[1], [2], [3]]) + 1);
  });

  it("refuses, before queueing anything, an operation that would need more syncs than allowed", async () => {
    const fake = createRecordingExcel();
    const list = new WriteQueue();
    let queued = 0;
    for (let i = 0; i < 6; i++) list.addSized(() => queued++, 3_000_000);
    await expect(new SyncLedger(fake.context).run(list, 5)).rejects.toThrow(/troppo grande/);
    expect(queued).toBe(0);
    expect(fake.log.syncs).toBe(0);
  });
});
