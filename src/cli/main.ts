// The `pira` command: parse, score and build a cruscotto PIRA from the terminal.
import * as fs from "node:fs";
import * as path from "node:path";
import { CliError, type CliIO, type Command } from "./io";

interface CommandEntry {
  usage: string;
  summary: string;
  load: () => Command;
}

// Commands load on demand (plain require: the CLI runs as CommonJS under tsx), so that
// `pira score` does not pay for the modules `pira build` needs.
const COMMANDS: Record<string, CommandEntry> = {
  parse: {
    usage: "pira parse FILE",
    summary: "legge il cruscotto e stampa il piano (JSON) su stdout",
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => (require("./commands/parse") as typeof import("./commands/parse")).parseCommand,
  },
  score: {
    usage: "pira score TARGET CONSUNTIVO [--mode M]",
    summary: "grado di raggiungimento (0..1) di un consuntivo rispetto al target; M: proporzionale|binario|lineare",
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => (require("./commands/score") as typeof import("./commands/score")).scoreCommand,
  },
  build: {
    usage: "pira build FILE -o OUT.xlsx [--actuals CSV] [--year AAAA] [--mode M]",
    summary: "scrive la cartella di lavoro del cruscotto (.xlsx, formule native) con i consuntivi del CSV",
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => (require("./commands/build") as typeof import("./commands/build")).buildCommand,
  },
  "export-actuals": {
    usage: "pira export-actuals CARTELLA.xlsx [-o CSV]",
    summary: "estrae in CSV (indicatore;anno;consuntivo) i consuntivi inseriti nella cartella di lavoro",
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => (require("./commands/exportActuals") as typeof import("./commands/exportActuals")).exportActualsCommand,
  },
  report: {
    usage: "pira report CARTELLA.xlsx -o RELAZIONE.docx [--year AAAA]",
    summary: "scrive le tabelle della Relazione sulla performance (.docx) per l'OIV dalla cartella di lavoro",
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => (require("./commands/report") as typeof import("./commands/report")).reportCommand,
  },
  demo: {
    usage: "pira demo",
    summary: "esegue il lavoro principale sul campione incluso (samples/cruscotto-pira-2023.txt)",
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    load: () => (require("./commands/demo") as typeof import("./commands/demo")).demoCommand,
  },
};

export function helpText(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.usage.length));
  const lines = [
    "pira — Cruscotto PIRA da riga di comando",
    "",
    "Uso:",
    ...Object.values(COMMANDS).map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`),
    `  ${"pira --help".padEnd(width)}  mostra questo aiuto`,
    "",
    "Codici di uscita: 0 riuscito, 2 input non valido (un messaggio su stderr).",
  ];
  return lines.join("\n") + "\n";
}

export function nodeIO(): CliIO {
  return {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readFile: (p) => fs.readFileSync(path.resolve(process.cwd(), p)),
    writeFile: (p, d) => {
      const target = path.resolve(process.cwd(), p);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, d);
    },
    cwd: process.cwd(),
  };
}

/** Runs the CLI and returns the exit code; user errors never surface as stack traces. */
export async function main(argv: string[], io: CliIO = nodeIO()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(helpText());
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.err(`pira: comando sconosciuto "${name}". Usa "pira --help" per l'elenco dei comandi.\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.out(`Uso: ${entry.usage}\n${entry.summary}\n`);
    return 0;
  }
  try {
    const command = entry.load();
    return await command(rest, io);
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
