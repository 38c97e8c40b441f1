// Dev → production URL rewriting of manifest.xml, shared by webpack.config.js and the manifest tests.
"use strict";

/** Every URL in manifest.xml starts with this; the dev server serves it. */
const DEV_URL = "https://localhost:3000/";
/** The shape of a production URL, for messages. */
const EXAMPLE_PRODUCTION_URL = "https://addin.example.camcom.it/pira/";

/**
 * The production base URL from PIRA_PRODUCTION_URL, with a trailing slash. There is no default: a
 * placeholder host in a deployed manifest would load nothing, so a production build without the
 * variable stops here. Office only loads add-ins over https, so anything else is rejected too.
 */
function productionUrl(env = process.env) {
  const raw = (env.PIRA_PRODUCTION_URL || "").trim();
  if (raw === "") {
    throw new Error(
      `PIRA_PRODUCTION_URL is not set: a production build needs the https URL where dist/ will be hosted, ` +
        `e.g. PIRA_PRODUCTION_URL=${EXAMPLE_PRODUCTION_URL} npm run build (npm run build:dev needs none).`,
    );
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PIRA_PRODUCTION_URL is not a URL: "${raw}"`);
  }
  if (url.protocol !== "https:") throw new Error(`PIRA_PRODUCTION_URL must be https: "${raw}"`);
  if (url.search || url.hash) throw new Error(`PIRA_PRODUCTION_URL must have no query or fragment: "${raw}"`);
  if (url.hostname === "localhost") throw new Error(`PIRA_PRODUCTION_URL must not be localhost: "${raw}"`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Rewrites every dev URL (not just the first, the generator template's bug) to `baseUrl`, and refuses to return a
 * manifest that still mentions localhost in any other spelling (e.g. without the trailing slash).
 */
function toProductionManifest(xml, baseUrl) {
  const result = xml.split(DEV_URL).join(baseUrl);
  const left = /localhost/i.exec(result);
  if (left) {
    const line = result.slice(0, left.index).split("\n").length;
    throw new Error(`manifest.xml line ${line} still mentions localhost after replacing ${DEV_URL}`);
  }
  return result;
}

module.exports = { DEV_URL, EXAMPLE_PRODUCTION_URL, productionUrl, toProductionManifest };
