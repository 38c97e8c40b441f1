// The `pira` command: parse, score and build a cruscotto PIRA from the terminal.
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "./args";
import * as build from "./commands/build";
import * as demo from "./commands/demo";
import * as diff from "./commands/diff";
import * as exportActuals from "./commands/exportActuals";
import * as parse from "./commands/parse";
import * as report from "./commands/report";
import * as score from "./commands/score";
import { nodeIO } from "./files";
import { CliError, type CliCommand, type CliIO } from "./io";
import { printableValue } from "./problems";

/** Every command, in the order `pira --help` lists them. A new command is one module added here. */
export const COMMANDS: readonly CliCommand[] = [parse, score, build, diff, exportActuals, report, demo];

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
    "Codici di uscita: 0 riuscito (avvisi del documento su stderr o nel JSON), 2 input non valido o",
    "file rifiutato (un messaggio su stderr, nessun file scritto), 1 errore interno.",
  ];
  return lines.join("\n") + "\n";
}

/** The version in package.json: the one place it is written. */
export function version(): string {
  const file = path.join(__dirname, "..", "..", "package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

/**
 * The one line of an unexpected failure (exit 1): what the error says, on one line, never its stack.
 * Also used by bin/pira.js for what fails before main runs.
 */
export function internalErrorLine(command: string | undefined, e: unknown): string {
  const detail = printableValue(e instanceof Error ? e.message || e.name : String(e), 200);
  return `${command ? `pira ${command}` : "pira"}: errore interno: ${detail} (segnalalo con il file che lo ha causato).\n`;
}

/** Runs the CLI and returns the exit code; no error, expected or not, surfaces as a stack trace. */
export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    io.err(internalErrorLine(argv[0], e));
    return 1;
  }
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
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
    io.err(internalErrorLine(name, e));
    return 1;
  }
}
