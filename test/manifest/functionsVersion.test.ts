// Excel caches custom-function metadata for up to a day: metadata that changes must ship under a
// new manifest <Version>. functions-version.json records the version and the hash of the metadata;
// this test fails, saying what to do, when the functions changed and the version did not.
import {
  devMetadata,
  finalMetadata,
  manifestVersion,
  mismatch,
  readRecord,
  sha256,
} from "../../scripts/functions-metadata";

describe("functions.json and the manifest <Version>", () => {
  it("the recorded hash is the current metadata's, recorded under the manifest's version", async () => {
    const problem = mismatch(readRecord(), manifestVersion(), sha256(await devMetadata()));
    // The message is the instruction: bump <Version>, then record.
    expect(problem).toBeNull();
  });

  it("a change of metadata under the same version is caught, with what to do", () => {
    const record = { version: "1.0.1.0", functionsSha256: "a".repeat(64) };
    expect(mismatch(record, "1.0.1.0", "b".repeat(64))).toMatch(
      /metadata changed but manifest\.xml still says <Version>1\.0\.1\.0<\/Version>.*Bump <Version>.*--record/,
    );
    expect(mismatch(record, "1.0.2.0", "b".repeat(64))).toMatch(/run "node scripts\/functions-metadata\.js --record"/);
    expect(mismatch(record, "1.0.1.0", "a".repeat(64))).toBeNull();
  });

  it("ships without allowCustomDataForDataTypeAny, and help URLs on the production URL", async () => {
    const dev = JSON.parse(await devMetadata()) as { functions: { id: string; helpUrl?: string }[] };
    expect(Object.keys(dev)).toEqual(["functions"]);
    for (const f of dev.functions)
      expect(f.helpUrl).toBe(`https://localhost:3000/assets/guida.html#pira-${f.id.toLowerCase()}`);
    const prod = JSON.parse(finalMetadata(await devMetadata(), "https://addin.example.it/pira/")) as typeof dev;
    expect(prod.functions.map((f) => f.helpUrl)).toEqual(
      dev.functions.map((f) => `https://addin.example.it/pira/assets/guida.html#pira-${f.id.toLowerCase()}`),
    );
    const generated = JSON.stringify({ allowCustomDataForDataTypeAny: true, functions: [] });
    expect(JSON.parse(finalMetadata(generated))).toEqual({ functions: [] });
  });
});
