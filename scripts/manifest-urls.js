// Dev → production URL rewriting of manifest.xml, shared by webpack.config.js and the manifest tests.
"use strict";

/** Every URL in manifest.xml starts with this; the dev server serves it. */
const DEV_URL = "https://localhost:3000/";
/** Placeholder used when PIRA_PRODUCTION_URL is not set. */
const DEFAULT_PRODUCTION_URL = "https://pira.example.org/";

/**
 * The production base URL from PIRA_PRODUCTION_URL (default DEFAULT_PRODUCTION_URL), with a trailing slash.
 * Office only loads add-ins over https, so anything else is rejected here rather than at sideload time.
 */
function productionUrl(env = process.env) {
  const raw = (env.PIRA_PRODUCTION_URL || "").trim() || DEFAULT_PRODUCTION_URL;
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

module.exports = { DEV_URL, DEFAULT_PRODUCTION_URL, productionUrl, toProductionManifest };
