// The `pira` command: parse, score and build a cruscotto PIRA from the terminal.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "./args";
import * as build from "./commands/build";
import * as demo from "./commands/demo";
import * as diff from "./commands/diff";
import * as exportActuals from "./commands/exportActuals";
import * as parse from "./commands/parse";
import * as score from "./commands/score";
import { nodeIO } from "./files";
import { CliError, type CliCommand, type CliIO } from "./io";

/** Every command, in the order `pira --help` lists them. A new command is one module added here. */
export const COMMANDS: readonly CliCommand[] = [parse, score, build, diff, exportActuals, demo];

const HELP_FLAGS = ["--help", "-h"];

export function helpText(): string {
  const lines = [
    "pira — Cruscotto PIRA da riga di comando",
    "",
    "Uso:",
    ...COMMANDS.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]),
    "  pira --help",
    "      mostra questo aiuto (pira COMANDO --help: l'uso di un comando)",
    "  pira --version",
    "      mostra la versione",
    "",
    "Codici di uscita: 0 riuscito, 2 input non valido (un messaggio su stderr).",
  ];
  return lines.join("\n") + "\n";
}

/** The version in package.json: the one place it is written. */
export function version(): string {
  const file = path.join(__dirname, "..", "..", "package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

/** Runs the CLI and returns the exit code; user errors never surface as stack traces. */
export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || HELP_FLAGS.includes(name) || name === "help") {
    io.out(helpText());
    return 0;
  }
  if (name === "--version") {
    io.out(`pira ${version()}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`pira: comando sconosciuto "${name}". Usa "pira --help" per l'elenco dei comandi.\n`);
    return 2;
  }
  if (rest.some((a) => HELP_FLAGS.includes(a))) {
    io.out(`Uso: ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  try {
    return await command.run(parseArgs(rest, command.options, `Uso: ${command.usage}`), io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`pira ${name}: ${e.message}\n`);
      return e.exitCode;
    }
    const detail = e instanceof Error ? e.message : String(e);
    io.err(`pira ${name}: errore interno (${detail}). Segnalalo con il file che lo ha causato.\n`);
    return 1;
  }
}
