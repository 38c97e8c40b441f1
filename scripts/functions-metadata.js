// The functions.json Excel is given, and the record that ties it to the manifest's <Version>.
//
// Excel caches custom-function metadata for up to a day, keyed on the add-in's version: metadata
// that changes under the same <Version> reaches users late, or mixed. functions-version.json
// (beside manifest.xml) records the version and the SHA-256 of the metadata it shipped with;
// test/manifest/functionsVersion.test.ts fails when they no longer match.
//
//   node scripts/functions-metadata.js --record   after bumping <Version> in manifest.xml
"use strict";

const crypto = require("crypto");
const fs = require("fs");
const path = require("path");
const { DEV_URL } = require("./manifest-urls");

const ROOT = path.resolve(__dirname, "..");
const FUNCTIONS_SOURCE = path.join(ROOT, "src/functions/functions.ts");
const MANIFEST = path.join(ROOT, "manifest.xml");
const RECORD = path.join(ROOT, "functions-version.json");

/**
 * The metadata as shipped: without allowCustomDataForDataTypeAny (the generator always sets it;
 * no function takes or returns data types), help URLs on `baseUrl` in a production build.
 */
function finalMetadata(metadataJson, baseUrl) {
  const metadata = JSON.parse(metadataJson);
  delete metadata.allowCustomDataForDataTypeAny;
  if (baseUrl) {
    for (const f of metadata.functions) if (f.helpUrl) f.helpUrl = f.helpUrl.split(DEV_URL).join(baseUrl);
  }
  return JSON.stringify(metadata, null, 4);
}

/** functions.json as the dev build emits it, from the JSDoc of src/functions/functions.ts. */
async function devMetadata() {
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE);
  if (result.errors.length > 0) throw new Error(`functions.ts: ${result.errors.join("; ")}`);
  return finalMetadata(result.metadataJson);
}

function sha256(text) {
  return crypto.createHash("sha256").update(text, "utf8").digest("hex");
}

function manifestVersion(xml = fs.readFileSync(MANIFEST, "utf8")) {
  const m = /<Version>([^<]+)<\/Version>/.exec(xml);
  if (!m) throw new Error("manifest.xml has no <Version>");
  return m[1].trim();
}

function readRecord() {
  return JSON.parse(fs.readFileSync(RECORD, "utf8"));
}

/** What a developer must do, or null when the record, the manifest and the metadata agree. */
function mismatch(record, version, hash) {
  if (record.functionsSha256 === hash && record.version === version) return null;
  if (record.functionsSha256 !== hash && record.version === version) {
    return (
      `The custom functions' metadata changed but manifest.xml still says <Version>${version}</Version>: ` +
      `Excel caches the old metadata for up to a day. Bump <Version> in manifest.xml, then run ` +
      `"node scripts/functions-metadata.js --record".`
    );
  }
  return (
    `functions-version.json records version ${record.version} (metadata ${record.functionsSha256.slice(0, 12)}…), ` +
    `manifest.xml says ${version} (metadata ${hash.slice(0, 12)}…): run "node scripts/functions-metadata.js --record".`
  );
}

async function record() {
  const hash = sha256(await devMetadata());
  const version = manifestVersion();
  const old = fs.existsSync(RECORD) ? readRecord() : null;
  if (old && old.functionsSha256 !== hash && old.version === version) {
    throw new Error(`The metadata changed: bump <Version> in manifest.xml (now ${version}) before recording.`);
  }
  fs.writeFileSync(RECORD, JSON.stringify({ version, functionsSha256: hash }, null, 2) + "\n");
  process.stdout.write(`functions-version.json: version ${version}, metadata ${hash}\n`);
}

if (require.main === module) {
  if (process.argv[2] !== "--record") {
    process.stderr.write("Usage: node scripts/functions-metadata.js --record\n");
    process.exit(2);
  }
  record().catch((e) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
  });
}

module.exports = { finalMetadata, devMetadata, sha256, manifestVersion, readRecord, mismatch, RECORD };
