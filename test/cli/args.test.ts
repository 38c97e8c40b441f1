import { parseArgs, type OptionsSpec } from "../../src/cli/args";
import { CliError } from "../../src/cli/io";

const SPEC: OptionsSpec = {
  out: { names: ["-o", "--out"] },
  mode: { names: ["--mode", "-m"], allowEmpty: true },
  quiet: { names: ["--quiet", "-q"], takesValue: false },
};
const USAGE = "Uso: pira prova FILE";

describe("parseArgs", () => {
  const good: [string[], Record<string, string>, string[], string[]][] = [
    [[], {}, [], []],
    [["a.txt"], {}, [], ["a.txt"]],
    [["a.txt", "-o", "b.xlsx"], { out: "b.xlsx" }, [], ["a.txt"]],
    [["--out=b.xlsx", "a.txt"], { out: "b.xlsx" }, [], ["a.txt"]],
    [["--out", "x=y", "a"], { out: "x=y" }, [], ["a"]],
    [["-q", "a", "--mode", "lineare"], { mode: "lineare" }, ["quiet"], ["a"]],
    [["--mode="], { mode: "" }, [], []],
    // Negative numbers and "-" are values; "--" ends the options.
    [["<= -10 N.", "-12"], {}, [], ["<= -10 N.", "-12"]],
    [["-0,5", "-.5"], {}, [], ["-0,5", "-.5"]],
    [["-"], {}, [], ["-"]],
    [["--", "--out", "-q"], {}, [], ["--out", "-q"]],
    // An option's value may look like an option: it is the value.
    [["-o", "--mode"], { out: "--mode" }, [], []],
  ];
  it.each(good)("%j → options %j, flags %j, positionals %j", (args, options, flags, positionals) => {
    const parsed = parseArgs(args, SPEC, USAGE);
    expect(parsed.options).toEqual(options);
    expect([...parsed.flags]).toEqual(flags);
    expect(parsed.positionals).toEqual(positionals);
  });

  const bad: [string[], string][] = [
    [["--verbose"], 'opzione sconosciuta "--verbose". Uso: pira prova FILE'],
    [["-x"], 'opzione sconosciuta "-x". Uso: pira prova FILE'],
    [["--verbose=1"], 'opzione sconosciuta "--verbose=1". Uso: pira prova FILE'],
    [["---o"], 'opzione sconosciuta "---o". Uso: pira prova FILE'],
    [["-o"], "manca il valore di -o. Uso: pira prova FILE"],
    [["-o", " "], "manca il valore di -o. Uso: pira prova FILE"],
    [["--out="], "manca il valore di --out. Uso: pira prova FILE"],
    [["--mode"], "manca il valore di --mode. Uso: pira prova FILE"],
    [["-o", "a", "--out", "b"], "--out indicato due volte. Uso: pira prova FILE"],
    [["-q", "--quiet"], "--quiet indicato due volte. Uso: pira prova FILE"],
    [["--quiet=sì"], "--quiet non vuole un valore. Uso: pira prova FILE"],
  ];
  it.each(bad)("refuses %j: %s", (args, message) => {
    let error: unknown;
    try {
      parseArgs(args, SPEC, USAGE);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(message);
    expect((error as CliError).exitCode).toBe(2);
  });
});
