// Runs ESLint's Node API on snippets outside jest (jest's VM cannot load eslint.config.mjs).
// stdin: {"snippets": [{"file", "code"}], "files": ["src"]}; stdout: the layer-rule messages,
// [[message, …] per snippet] and ["file:line: message", …] for `files`.
import * as path from "node:path";
import { ESLint } from "eslint";

const LAYER_RULES = new Set(["no-restricted-imports", "no-restricted-globals"]);
const root = process.argv[2];
const input = JSON.parse(
  await new Promise((resolve) => {
    let text = "";
    process.stdin.on("data", (d) => (text += d));
    process.stdin.on("end", () => resolve(text));
  }),
);
const eslint = new ESLint({ cwd: root });
const layerMessages = (result) => result.messages.filter((m) => LAYER_RULES.has(m.ruleId));
const snippets = [];
for (const { file, code } of input.snippets) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  snippets.push(layerMessages(result).map((m) => m.message));
}
const files = (input.files.length > 0 ? await eslint.lintFiles(input.files) : []).flatMap((r) =>
  layerMessages(r).map((m) => `${path.relative(root, r.filePath)}:${m.line}: ${m.message}`),
);
process.stdout.write(JSON.stringify({ snippets, files }));
