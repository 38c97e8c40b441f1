// The recording fake must refuse what Office.js refuses, or adapter tests would pass for the
// wrong reason. These tests pin its Office.js-like behaviour.
import { createRecordingExcel, FakeOfficeError, interpretInput, type RecordingExcel } from "../fakes/recordingExcel";

let fake: RecordingExcel;
let context: Excel.RequestContext;

beforeEach(() => {
  fake = createRecordingExcel();
  context = fake.context;
  (globalThis as unknown as { Excel: unknown }).Excel = fake.excelNamespace;
});

function sheet(): Excel.Worksheet {
  return context.workbook.worksheets.getItem("Foglio1");
}

describe("load and sync", () => {
  it("throws PropertyNotLoaded for a property read before load and sync", async () => {
    const range = sheet().getRange("A1");
    // The misuse the office-addins rules forbid is what this test exercises.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    range.load("values");
    // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
    expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(range.values).toEqual([[""]]);
  });

  it("runs queued writes only at sync, in order", async () => {
    const range = sheet().getRange("A1");
    range.values = [[1]];
    expect(fake.workbook.sheet("Foglio1").cell("A1").kind).toBe("empty");
    range.values = [[2]];
    await context.sync();
    expect(fake.workbook.sheet("Foglio1").cell("A1").value).toBe(2);
    expect(fake.log.syncs).toBe(1);
  });

  it("sets isNullObject at sync for getItemOrNullObject", async () => {
    const missing = context.workbook.worksheets.getItemOrNullObject("Nessuno");
    const present = context.workbook.worksheets.getItemOrNullObject("foglio1");
    // eslint-disable-next-line office-addins/call-sync-before-read -- the misuse under test
    expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(missing.isNullObject).toBe(true);
    expect(present.isNullObject).toBe(false);
  });

  it("loads collection items with navigation paths", async () => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name,items/protection/protected");
    await context.sync();
    expect(sheets.items.map((s) => [s.name, s.protection.protected])).toEqual([["Foglio1", false]]);
  });

  it("rejects the sync with the first failing command and keeps what ran before it", async () => {
    sheet().getRange("A1").values = [[1]];
    context.workbook.worksheets.getItem("Nessuno").getRange("A1").values = [[2]];
    sheet().getRange("A2").values = [[3]];
    await expect(context.sync()).rejects.toMatchObject({ name: "RichApi.Error", code: "ItemNotFound" });
    expect(fake.workbook.sheet("Foglio1").cell("A1").value).toBe(1);
    expect(fake.workbook.sheet("Foglio1").cell("A2").kind).toBe("empty");
  });

  it("Excel.run sends what is still queued", async () => {
    await fake.excelNamespace.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Foglio1").getRange("B2").values = [["ciao"]];
    });
    expect(fake.workbook.sheet("Foglio1").cell("B2").value).toBe("ciao");
    expect(fake.log.syncs).toBe(1);
  });
});

describe("what written strings become", () => {
  it("reads =, + , - and @ as formulas, and numbers, booleans and dates as such, like Excel", () => {
    expect(interpretInput("=SUM(A1)", "General")).toEqual({ kind: "formula", formula: "=SUM(A1)" });
    expect(interpretInput("-abc", "General")).toEqual({ kind: "formula", formula: "=-abc" });
    expect(interpretInput("@foo", "General")).toEqual({ kind: "formula", formula: "=@foo" });
    expect(interpretInput("+5", "General")).toEqual({ kind: "number", value: 5 });
    expect(interpretInput("12.5", "General")).toEqual({ kind: "number", value: 12.5 });
    expect(interpretInput("82%", "General")).toEqual({ kind: "number", value: 0.82 });
    expect(interpretInput("TRUE", "General")).toEqual({ kind: "boolean", value: true });
    expect(interpretInput("#N/A", "General")).toEqual({ kind: "error", value: "#N/A" });
    expect(interpretInput("2023-12-31", "General")).toEqual({ kind: "number", value: 45291 });
    expect(interpretInput("31/12/2023", "General")).toEqual({ kind: "number", value: 45291 });
    expect(interpretInput(null, "General")).toBe("unchanged");
    expect(interpretInput("", "General")).toBeNull();
  });

  it("stores the text after a leading apostrophe, and everything as typed in a text cell", () => {
    expect(interpretInput("'=SUM(A1)", "General")).toEqual({ kind: "text", value: "=SUM(A1)", quotePrefix: true });
    expect(interpretInput("'", "General")).toEqual({ kind: "text", value: "", quotePrefix: true });
    expect(interpretInput("=SUM(A1)", "@")).toEqual({ kind: "text", value: "=SUM(A1)", quotePrefix: false });
    expect(interpretInput("0012", "@")).toEqual({ kind: "text", value: "0012", quotePrefix: false });
  });

  it("turns a string starting with = into a formula through Range.values too", async () => {
    sheet().getRange("A1:B1").values = [["=1+1", "'=1+1"]];
    await context.sync();
    const model = fake.workbook.sheet("Foglio1");
    expect(model.cell("A1").formula).toBe("=1+1");
    expect(model.cell("B1")).toMatchObject({ kind: "text", value: "=1+1", quotePrefix: true });
  });
});

describe("misuse Office.js refuses", () => {
  it("refuses a 2-D array whose size differs from the range", async () => {
    sheet().getRange("A1:B2").values = [[1, 2]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses a sheet name that exists, in any case", async () => {
    context.workbook.worksheets.add("FOGLIO1");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("refuses to delete the only sheet", async () => {
    sheet().delete();
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });

  it("refuses protect() on a protected sheet and unprotect() on an unprotected one", async () => {
    sheet().protection.protect();
    await context.sync();
    sheet().protection.protect();
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    sheet().protection.unprotect();
    await context.sync();
    sheet().protection.unprotect();
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("refuses writes to locked cells of a protected sheet and accepts unlocked ones", async () => {
    sheet().getRange("B2").format.protection.locked = false;
    sheet().protection.protect({ allowAutoFilter: true });
    await context.sync();
    sheet().getRange("B2").values = [[5]];
    await context.sync();
    expect(fake.workbook.sheet("Foglio1").cell("B2").value).toBe(5);
    sheet().getRange("A1:B2").values = [
      [1, 2],
      [3, 4],
    ];
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    expect(fake.workbook.sheet("Foglio1").cell("B2").value).toBe(5);
    sheet().getRange("A:A").format.columnWidth = 40;
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("refuses overlapping tables and a table name in use", async () => {
    sheet().getRange("A1:B1").values = [["a", "b"]];
    sheet().tables.add("A1:B3", true).name = "tblUno";
    await context.sync();
    sheet().tables.add("B2:C4", true);
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    sheet().tables.add("E1:F3", true).name = "TBLUNO";
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
  });

  it("refuses structured references to a missing table or column", async () => {
    sheet().getRange("A1:B1").values = [["Valore", "Doppio"]];
    sheet().tables.add("A1:B3", true).name = "tblUno";
    await context.sync();
    sheet().getRange("B2:B3").formulas = [["=[@Valore]*2"], ["=[@Valore]*2"]];
    await context.sync();
    expect(fake.workbook.sheet("Foglio1").cell("B3").formula).toBe("=[@Valore]*2");
    sheet().getRange("D1").formulas = [["=SUM(tblDue[Valore])"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    sheet().getRange("D1").formulas = [["=SUM(tblUno[Nessuna])"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    sheet().getRange("D1").formulas = [["=[@Valore]"]];
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses a name that exists or looks like a cell", async () => {
    context.workbook.names.add("PIRA_Soglia", "=Foglio1!$A$1");
    await context.sync();
    context.workbook.names.add("pira_soglia", "=Foglio1!$A$2");
    await expect(context.sync()).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    context.workbook.names.add("AB12", "=Foglio1!$A$2");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    context.workbook.names.add("PIRA_Altro", "=Assente!$A$2");
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses a request larger than the host's limit", async () => {
    const small = createRecordingExcel({ maxRequestBytes: 1000 });
    small.context.workbook.worksheets.getItem("Foglio1").getRange("A1:A100").values = Array.from(
      { length: 100 },
      () => ["abcdefghijklmnopqrstuvwxyz"],
    );
    await expect(small.context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(small.workbook.sheet("Foglio1").filledCells()).toBe(0);
  });
});

describe("conditional formats", () => {
  it("adds at the top priority, moves with priority, and refuses a proxy used after moving", async () => {
    const range = sheet().getRange("A1:A5");
    const first = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    first.custom.rule.formula = "=A1>1";
    const second = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
    second.custom.rule.formula = "=A1>2";
    await context.sync();
    const cfs = fake.workbook.sheet("Foglio1").conditionalFormats;
    expect(cfs.map((c) => c.formula)).toEqual(["=A1>2", "=A1>1"]);
    second.priority = 1;
    await context.sync();
    expect(cfs.map((c) => c.formula)).toEqual(["=A1>1", "=A1>2"]);
    second.stopIfTrue = true;
    await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("recording", () => {
  it("records each write with sheet, address, payload and sync, and each sync's request size", async () => {
    sheet().getRange("A1:B1").formulas = [["=1", "x"]];
    await context.sync();
    sheet().getRange("C3").numberFormat = [["0.00%"]];
    await context.sync();
    expect(fake.log.writes).toEqual([
      { op: "formulas", sheet: "Foglio1", address: "A1:B1", payloadBytes: '[["=1","x"]]'.length, sync: 1 },
      { op: "numberFormat", sheet: "Foglio1", address: "C3", payloadBytes: '[["0.00%"]]'.length, sync: 2 },
    ]);
    expect(fake.log.requestBytes).toEqual(['[["=1","x"]]'.length, '[["0.00%"]]'.length]);
  });

  it("raises Office.js-like errors", async () => {
    context.workbook.worksheets.getItem("Nessuno").activate();
    const error = await context.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FakeOfficeError);
    expect(error).toMatchObject({ debugInfo: { code: "ItemNotFound" } });
  });
});

describe("injected failures", () => {
  it("applies the first commands of the failing sync, drops the rest, and rejects like Office.js", async () => {
    fake.fakeContext.failAtSync(2, 2);
    sheet().getRange("A1").values = [[1]];
    await context.sync();
    sheet().getRange("A2").values = [[2]];
    sheet().getRange("A3").values = [[3]];
    sheet().getRange("A4").values = [[4]];
    const error = await context.sync().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "RichApi.Error", code: "GeneralException" });
    expect(["A1", "A2", "A3", "A4"].map((a) => fake.workbook.sheet("Foglio1").cell(a).value)).toEqual([1, 2, 3, ""]);
    expect(fake.log.failedSyncs).toEqual([2]);
    // The next sync carries nothing of the failed batch.
    await context.sync();
    expect(fake.workbook.sheet("Foglio1").cell("A4").value).toBe("");
  });

  it("fails the first command that matches, once", async () => {
    fake.fakeContext.failOnCommand(({ op }) => op === "worksheets.add");
    context.workbook.worksheets.add("Primo");
    await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
    context.workbook.worksheets.add("Secondo");
    await context.sync();
    expect(fake.workbook.sheetNames()).toEqual(["Foglio1", "Secondo"]);
  });
});

describe("runs and the host, as Office.js has them", () => {
  it("gives each Excel.run its own queue: a run's sync never sends another run's pending writes", async () => {
    let release: () => void = () => {};
    const paused = new Promise<void>((resolve) => (release = resolve));
    const slow = fake.excelNamespace.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Foglio1").getRange("A1").values = [[1]];
      await paused; // still queueing, as a paced import is
      ctx.workbook.worksheets.getItem("Foglio1").getRange("A2").values = [[2]];
      await ctx.sync();
    });
    await fake.excelNamespace.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Foglio1").getRange("B1").values = [[3]];
      await ctx.sync();
    });
    expect(fake.log.batches).toEqual([["values"]]);
    expect(fake.workbook.sheet("Foglio1").cell("A1").value).toBe("");
    release();
    await slow;
    expect(fake.log.batches).toEqual([["values"], ["values", "values"]]);
    expect(["A1", "A2", "B1"].map((a) => fake.workbook.sheet("Foglio1").cell(a).value)).toEqual([1, 2, 3]);
  });

  it("continues a run on the context it is given (or on an object's), as event removal does", async () => {
    const first = await fake.excelNamespace.run(async (ctx) => ctx);
    const range = first.workbook.worksheets.getItem("Foglio1").getRange("C1");
    await fake.excelNamespace.run(range, async (ctx) => {
      expect(ctx).toBe(first);
      range.values = [[5]];
      await ctx.sync();
    });
    expect(fake.workbook.sheet("Foglio1").cell("C1").value).toBe(5);
  });

  it("a sliced host processes one request at a time, in the order they were sent", async () => {
    const sliced = createRecordingExcel({ sheets: ["Foglio1"], hostSliceMs: 0 });
    const rows = Array.from({ length: 50 }, (_, r) => [r]);
    const order: string[] = [];
    const big = sliced.excelNamespace.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("Foglio1").getRange("A1:A50").values = rows;
      await ctx.sync();
      order.push("big");
    });
    const small = sliced.excelNamespace.run(async (ctx) => {
      const cell = ctx.workbook.worksheets.getItem("Foglio1").getRange("A50").load("values");
      await ctx.sync();
      order.push(`small read ${String(cell.values[0][0])}`);
    });
    await Promise.all([big, small]);
    // The read was sent while the 50-row write was being processed in slices: it saw it whole.
    expect(order).toEqual(["big", "small read 49"]);
  });
});

describe("renames", () => {
  it("finds sheets and tables by id, which survives a rename", async () => {
    const s = sheet().load("id");
    await context.sync();
    context.workbook.worksheets.getItem(s.id).name = "Rinominato";
    await context.sync();
    expect(fake.workbook.sheetNames()).toEqual(["Rinominato"]);
  });

  it("updates formulas, names, rules and charts that refer to a renamed sheet or table", async () => {
    const book = fake.workbook;
    const data = book.addSheet("Dati foglio");
    data.type("A1", "Valore");
    data.type("A2", 3);
    const t = context.workbook.worksheets.getItem("Dati foglio").tables.add("A1:A2", true);
    t.name = "tblDati";
    await context.sync();
    const foglio = book.sheet("Foglio1");
    foglio.type("A1", "=SUM(tblDati[Valore])+'Dati foglio'!A2");
    foglio.type("A2", '="tblDati[Valore]"');
    book.names.push({ name: "Dato", formula: "='Dati foglio'!$A$2", comment: "" });
    const cf = context.workbook.worksheets.getItem("Foglio1").getRange("B1").conditionalFormats.add("Custom");
    cf.custom.rule.formula = "=B1>'Dati foglio'!$A$2";
    context.workbook.tables.getItem("tblDati").name = "tblNuovo";
    context.workbook.worksheets.getItem("Dati foglio").name = "Dati";
    await context.sync();
    expect(foglio.cell("A1").formula).toBe("=SUM(tblNuovo[Valore])+Dati!A2");
    expect(foglio.cell("A2").formula).toBe('="tblDati[Valore]"');
    expect(book.name("Dato")?.formula).toBe("=Dati!$A$2");
    expect(foglio.conditionalFormats[0].formula).toBe("=B1>Dati!$A$2");
    context.workbook.worksheets.getItem("Dati").delete();
    await context.sync();
    expect(foglio.cell("A1").formula).toBe("=SUM(tblNuovo[Valore])+#REF!A2");
    expect(book.name("Dato")?.formula).toBe("=#REF!$A$2");
  });

  it("refuses to rename a table on a protected sheet", async () => {
    const s = fake.workbook.sheet("Foglio1");
    s.type("A1", "x");
    context.workbook.worksheets.getItem("Foglio1").tables.add("A1:A2", true).name = "tblX";
    await context.sync();
    s.protection = { protected: true, options: {}, password: undefined };
    context.workbook.tables.getItem("tblX").name = "tblY";
    await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
  });
});
