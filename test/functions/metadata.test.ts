// The functions.json the webpack plugin will emit, generated the same way from the JSDoc of
// src/functions/functions.ts: ids, parameters and types are the contract with the workbook.
import * as path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";

const FUNCTIONS_FILE = path.join(__dirname, "..", "..", "src", "functions", "functions.ts");

interface Parameter {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}

interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

type Shape = [name: string, dimensionality: "scalar" | "matrix", optional: boolean];

const EXPECTED: [id: string, exported: string, params: Shape[], resultType: string | undefined][] = [
  [
    "SCORE",
    "score",
    [
      ["target", "scalar", false],
      ["actual", "scalar", false],
      ["mode", "scalar", true],
    ],
    undefined,
  ],
  [
    "STATUS",
    "status",
    [
      ["target", "scalar", false],
      ["actual", "scalar", false],
      ["green_from", "scalar", true],
      ["amber_from", "scalar", true],
      ["mode", "scalar", true],
    ],
    "string",
  ],
  [
    "MET",
    "met",
    [
      ["target", "scalar", false],
      ["actual", "scalar", false],
    ],
    undefined,
  ],
  [
    "WEIGHTED",
    "weighted",
    [
      ["scores", "matrix", false],
      ["weights", "matrix", false],
    ],
    undefined,
  ],
  [
    "ROLLUP",
    "rollup",
    [
      ["keys", "matrix", false],
      ["key", "scalar", false],
      ["weights", "matrix", false],
      ["scores", "matrix", false],
    ],
    undefined,
  ],
  [
    "COVERAGE",
    "coverage",
    [
      ["weights", "matrix", false],
      ["scores", "matrix", false],
    ],
    undefined,
  ],
  [
    "TARGET",
    "targetPart",
    [
      ["target", "scalar", false],
      ["part", "scalar", true],
    ],
    undefined,
  ],
];

describe("custom function metadata generated from functions.ts", () => {
  let generated: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
  let byId: Map<string, FunctionMetadata>;

  beforeAll(async () => {
    generated = await generateCustomFunctionsMetadata(FUNCTIONS_FILE, false);
    const json = JSON.parse(generated.metadataJson) as { functions: FunctionMetadata[] };
    byId = new Map(json.functions.map((f) => [f.id, f]));
  });

  it("generates without errors exactly the seven PIRA functions", () => {
    expect(generated.errors).toEqual([]);
    expect([...byId.keys()]).toEqual(EXPECTED.map(([id]) => id));
  });

  describe.each(EXPECTED)("%s", (id, exported, params, resultType) => {
    it("keeps the language-neutral name equal to its id", () => {
      expect(byId.get(id)?.name).toBe(id);
    });

    it("has the expected parameters, all of type any", () => {
      const actual = byId.get(id)!.parameters;
      expect(
        actual.map((p): Shape => [p.name, p.dimensionality === "matrix" ? "matrix" : "scalar", !!p.optional]),
      ).toEqual(params);
      for (const p of actual) expect(p.type).toBe("any");
    });

    it("returns a scalar of the expected type", () => {
      const result = byId.get(id)!.result;
      expect(result.dimensionality).toBeUndefined();
      expect(result.type).toBe(resultType);
    });

    it("is synchronous, not volatile and not streaming", () => {
      const options = byId.get(id)!.options ?? {};
      expect(options.stream).toBeFalsy();
      expect(options.volatile).toBeFalsy();
      expect(options.cancelable).toBeFalsy();
    });

    it("describes itself and every parameter in Italian", () => {
      const f = byId.get(id)!;
      expect(f.description).toMatch(/\b(di|il|la|dei|se|oppure|un|una)\b/);
      for (const p of f.parameters) expect(p.description).toMatch(/\S{3}/);
    });

    it("is associated with an exported function declaration", () => {
      const association = generated.associate.find((a) => a.id === id);
      expect(association?.functionName).toBe(exported);
      expect(typeof (functions as Record<string, unknown>)[exported]).toBe("function");
    });
  });
});
