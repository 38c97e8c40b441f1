import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";
import { builtinModules } from "node:module";

const officeRules = {
  "office-addins/call-sync-after-load": "error",
  "office-addins/call-sync-before-read": "error",
  "office-addins/load-object-before-read": "error",
  "office-addins/no-context-sync-in-loop": "error",
  "office-addins/no-empty-load": "warn",
  "office-addins/no-navigational-load": "warn",
  "office-addins/no-office-initialize": "warn",
  "office-addins/test-for-null-using-isNullObject": "error",
};

// Use the @typescript-eslint plugin instance the office-addins config registers: a second
// instance (from typescript-eslint) cannot be registered under the same name.
const tsPlugin = officeAddins.configs.react.find((c) => c.plugins?.["@typescript-eslint"]).plugins[
  "@typescript-eslint"
];
const tsRecommended = {
  ...tsPlugin.configs["eslint-recommended"].overrides[0].rules,
  ...tsPlugin.configs.recommended.rules,
};

// The layers (README "Architecture"): data flows document → domain → workbook description → adapter.
// Each folder lists what it may NOT import; a relative import is matched by the layer folder it reaches.
const LAYERS = ["domain", "workbook", "excel", "xlsx", "functions", "taskpane", "cli", "ribbon"];
const intoLayer = (layer) => ({
  regex: `^(\\.{1,2}/)+(.+/)?${layer}(/|$)`,
  message: `${layer}: vietato da questa cartella (regole dei livelli in eslint.config.mjs).`,
});
const MODULES = {
  node: {
    regex: `^(node:.*|(${builtinModules.filter((m) => !m.startsWith("_")).join("|")})(/.*)?)$`,
    message: "Moduli di Node solo in src/cli e src/xlsx.",
  },
  ui: { regex: "^(react|react-dom|@fluentui)(/.*)?$", message: "React e Fluent UI solo in src/taskpane." },
  xlsxFile: { regex: "^(exceljs|jszip)(/.*)?$", message: "exceljs (e jszip) solo in src/xlsx." },
  // The gateway uses the Excel adapter's public face (src/excel/index.ts), not its inner modules.
  excelInside: { regex: "^(\\.{1,2}/)+(.+/)?excel/.", message: "Dall'adattatore Excel solo src/excel/index.ts." },
  office: {
    regex: "^(office-|@microsoft/office-)",
    message: "Office.js solo in src/excel, src/taskpane e src/ribbon.",
  },
};
function layerRule(files, { allow, modules }) {
  const patterns = [...LAYERS.filter((l) => !allow.includes(l)).map(intoLayer), ...modules.map((m) => MODULES[m])];
  return { files, rules: { "no-restricted-imports": ["error", { patterns }] } };
}
const restrictedGlobal = (name, where) => ({ name, message: `Il globale ${name} si usa solo in ${where}.` });
const EXCEL_GLOBAL = restrictedGlobal("Excel", "src/excel");
const OFFICE_GLOBAL = restrictedGlobal("Office", "src/excel, src/taskpane e src/ribbon");
const pure = ["node", "ui", "xlsxFile", "office"];
const layerRules = [
  layerRule(["src/domain/**"], { allow: ["domain"], modules: pure }),
  layerRule(["src/workbook/**"], { allow: ["workbook", "domain"], modules: pure }),
  layerRule(["src/functions/**"], { allow: ["functions", "domain"], modules: pure }),
  layerRule(["src/excel/**"], { allow: ["excel", "workbook", "domain"], modules: ["node", "ui", "xlsxFile"] }),
  layerRule(["src/xlsx/**"], { allow: ["xlsx", "workbook", "domain"], modules: ["ui", "office"] }),
  // The task pane reaches Excel only through its gateway; taskpane/officeGateway.ts below.
  layerRule(["src/taskpane/**"], {
    allow: ["taskpane", "workbook", "domain"],
    modules: ["node", "xlsxFile", "office"],
  }),
  layerRule(["src/taskpane/officeGateway.ts"], {
    allow: ["taskpane", "workbook", "domain", "excel"],
    modules: ["excelInside", "node", "xlsxFile", "office"],
  }),
  layerRule(["src/cli/**"], { allow: ["cli", "xlsx", "workbook", "domain"], modules: ["ui", "xlsxFile", "office"] }),
  layerRule(["src/ribbon/**"], { allow: ["ribbon", "domain"], modules: ["node", "ui", "xlsxFile"] }),
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: { "no-restricted-globals": ["error", EXCEL_GLOBAL, OFFICE_GLOBAL] },
  },
  { files: ["src/taskpane/**", "src/ribbon/**"], rules: { "no-restricted-globals": ["error", EXCEL_GLOBAL] } },
  { files: ["src/excel/**"], rules: { "no-restricted-globals": "off" } },
];

export default [
  {
    ignores: ["dist/**", "node_modules/**", "coverage/**", "demo/**", "test-artifacts/**", "lib/**"],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parser: tsParser, ecmaVersion: 2022, sourceType: "module" },
    plugins: { "office-addins": officeAddins, "@typescript-eslint": tsPlugin },
    rules: {
      ...tsRecommended,
      ...officeRules,
      // The @typescript-eslint 8.8 bundled with eslint-plugin-office-addins crashes on this rule
      // under ESLint 9.39; the core rule does the same job.
      "@typescript-eslint/no-unused-expressions": "off",
      "no-unused-expressions": "error",
      // TypeScript resolves identifiers itself; no-undef misfires on types and globals.
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs", ecmaVersion: 2022, globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", ecmaVersion: 2022, globals: { ...globals.node } },
  },
  {
    files: ["test/**/*.{ts,tsx}", "bench/**/*.ts"],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  ...layerRules,
];
