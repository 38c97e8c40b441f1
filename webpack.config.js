// Builds the add-in: one page (taskpane.html) hosts the task pane, the ribbon commands and the custom functions
// in a single shared runtime. `npm run build` → dist/ for deployment; `npm run dev-server` → https://localhost:3000/.
//
// Production URL: dist/manifest.xml and the help URLs of functions.json get every https://localhost:3000/ replaced
// by PIRA_PRODUCTION_URL, which a production build requires:
// `PIRA_PRODUCTION_URL=https://addin.example.camcom.it/pira/ npm run build`.
"use strict";

const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { productionUrl, toProductionManifest } = require("./scripts/manifest-urls");
const { finalMetadata } = require("./scripts/functions-metadata");

const root = __dirname;
const FUNCTIONS_SOURCE = path.resolve(root, "src/functions/functions.ts");

/**
 * TLS options for `webpack serve`. office-addin-dev-certs generates a localhost certificate and then trusts its CA
 * with `sudo` on Linux; where that fails (no sudo, e.g. root in a container) the generated files are still usable,
 * only untrusted until the CA is imported by hand.
 */
async function devServerHttpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  const files = require("office-addin-dev-certs/lib/defaults");
  try {
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { ca, key, cert };
  } catch (err) {
    const paths = { ca: files.caCertificatePath, cert: files.localhostCertificatePath, key: files.localhostKeyPath };
    if (!Object.values(paths).every((p) => fs.existsSync(p))) {
      throw new Error(
        `Cannot create the https certificates for the dev server: ${err.message}\n` +
          `Try "npx office-addin-dev-certs install" and run the dev server again.`,
        { cause: err },
      );
    }
    console.warn(
      `\n[pira] The localhost certificate was created but its CA could not be trusted:\n  ${err.message.trim()}\n` +
        `[pira] Serving https anyway; browsers and Office will reject https://localhost:3000 until you trust\n` +
        `[pira]   ${paths.ca}\n` +
        `[pira] Linux, as root: mkdir -p /usr/local/share/ca-certificates/office-addin-dev-certs, copy ca.crt there and\n` +
        `[pira] run update-ca-certificates; later runs then keep this certificate instead of generating a new one.\n`,
    );
    return { ca: fs.readFileSync(paths.ca), cert: fs.readFileSync(paths.cert), key: fs.readFileSync(paths.key) };
  }
}

/**
 * Rewrites the functions.json CustomFunctionsMetadataPlugin emits into what ships (scripts/functions-metadata.js).
 * Tapped after that plugin on every compilation, child ones included, where it sets the asset: each gets the same
 * content (webpack refuses two different functions.json).
 */
class FinalMetadataPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    const { sources } = compiler.webpack;
    compiler.hooks.compilation.tap("FinalMetadataPlugin", (compilation) => {
      const asset = compilation.assets["functions.json"];
      if (!asset) return;
      compilation.assets["functions.json"] = new sources.RawSource(
        finalMetadata(asset.source().toString(), this.baseUrl),
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  // Resolved up front so a bad PIRA_PRODUCTION_URL stops the build before anything is compiled.
  const baseUrl = dev ? undefined : productionUrl(process.env);

  return {
    context: root,
    devtool: dev ? "source-map" : false,
    entry: {
      // The functions entry carries the webpack runtime and any module the other two share, so the scoring code
      // loads once and its module state is the same for functions and task pane (they share one JS runtime).
      functions: FUNCTIONS_SOURCE,
      ribbon: { import: "./src/ribbon/ribbon.ts", dependOn: "functions" },
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
      // Loaded by the task pane as a Web Worker (not a script of the page): reads pasted text off the UI thread.
      // Its lazily loaded chunks (pdf.js, mammoth: only when such a file is opened) load with importScripts.
      "parse-worker": { import: "./src/taskpane/parseWorker.ts", chunkLoading: "import-scripts" },
    },
    output: {
      path: path.resolve(root, "dist"),
      // Plain names: the manifest points at functions.js and taskpane.html directly.
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              configFile: path.resolve(root, "tsconfig.json"),
              // Type checking is `npm run typecheck`. ES modules here let webpack tree-shake Fluent UI.
              transpileOnly: true,
              compilerOptions: { module: "esnext", noEmit: false, sourceMap: dev },
            },
          },
        },
        {
          test: /\.(png|jpe?g|gif|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    plugins: [
      // Emits functions.json and appends CustomFunctions.associate(...) calls to functions.ts.
      new CustomFunctionsMetadataPlugin({ input: FUNCTIONS_SOURCE, output: "functions.json" }),
      new FinalMetadataPlugin(baseUrl),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: path.resolve(root, "src/taskpane/taskpane.html"),
        // Functions first, so they are associated before Excel asks for them (office-js#4769). Classic deferred
        // scripts run in document order; type="module" would not guarantee it.
        chunks: ["functions", "ribbon", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        inject: "head",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: path.resolve(root, "assets"), to: "assets" },
          { from: path.resolve(root, "src/taskpane/taskpane.css"), to: "taskpane.css" },
          {
            from: path.resolve(root, "manifest.xml"),
            to: "manifest.xml",
            ...(dev ? {} : { transform: (content) => toProductionManifest(content.toString("utf8"), baseUrl) }),
          },
        ],
      }),
    ],
    performance: {
      // React + Fluent exceed webpack's 244 KB advice by design; test/build checks functions.js stays small.
      hints: false,
    },
    devServer: {
      headers: { "Access-Control-Allow-Origin": "*" },
      server: {
        type: "https",
        // Only `webpack serve` needs certificates; builds never touch them.
        options: env.WEBPACK_SERVE ? await devServerHttpsOptions() : undefined,
      },
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
      // A full reload restarts the shared runtime cleanly; hot updates would patch only part of it.
      hot: false,
      static: false,
    },
  };
};
