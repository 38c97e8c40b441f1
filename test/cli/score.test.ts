import { main } from "../../src/cli/main";
import type { CliIO } from "../../src/cli/io";

interface Run {
  code: number;
  out: string;
  err: string;
}

async function pira(...args: string[]): Promise<Run> {
  let out = "";
  let err = "";
  const io: CliIO = {
    out: (t) => (out += t),
    err: (t) => (err += t),
    readFile: () => {
      throw new Error("pira score reads no file");
    },
    readHead: () => {
      throw new Error("pira score reads no file");
    },
    writeFile: () => {
      throw new Error("pira score writes no file");
    },
    stat: () => {
      throw new Error("pira score looks at no file");
    },
    realpath: () => {
      throw new Error("pira score looks at no file");
    },
    cwd: process.cwd(),
  };
  const code = await main(args, io);
  return { code, out, err };
}

describe("pira score", () => {
  const rows: [string[], string][] = [
    // The acceptance examples.
    [[">= 13 N.", "6.5"], "0.5\n"],
    [["<= 18 gg", "24"], "0.75\n"],
    [["Entro 31-12-2023", "2024-01-10"], "0\n"],
    [[">= 82,00 %", "41%"], "0.5\n"],
    // Italian and English notation, percents, dates, SI/NO.
    [[">= 13 N.", "6,5"], "0.5\n"],
    [[">= 13 N.", "13"], "1\n"],
    [[">= 1.600 N.", "1.600"], "1\n"],
    [[">= 82,00 %", "80,5 %"], `${0.805 / 0.82}\n`],
    [["Entro 31-12-2023", "15/12/2023"], "1\n"],
    [["Entro 31-12-2023", "31.12.2023"], "1\n"],
    [["Entro 31-12-2023", "SI"], "1\n"],
    [["SI", "no"], "0\n"],
    [["SI", "Sì"], "1\n"],
    [["0 N.", "0"], "1\n"],
    // Negative numbers are actuals, not options.
    [["<= -10 N.", "-12"], "1\n"],
    [["<= -10 N.", "-5"], "0\n"],
    // Modes, as an option before or after the arguments.
    [["<= -10 N.", "-5", "--mode", "lineare"], "0.5\n"],
    [["--mode=binario", ">= 13 N.", "12"], "0\n"],
    [["-m", "LINEARE", "<= 18 gg", "27"], "0.5\n"],
    [[">= 13 N.", "6.5", "--mode", "proporzionale"], "0.5\n"],
    [["--", "<= -10 N.", "-11"], "1\n"],
    // No actual, no score: an empty line.
    [[">= 13 N.", ""], "\n"],
    [[">= 13 N.", "  "], "\n"],
  ];
  it.each(rows)("pira score %j prints %j", async (args, expected) => {
    const run = await pira("score", ...args);
    expect(run).toEqual({ code: 0, out: expected, err: "" });
  });

  const bad: [string[], RegExp][] = [
    [[">= 13 N.", "tredici"], /Consuntivo non leggibile: "tredici"/],
    [["boh", "3"], /Target non leggibile: "boh"/],
    [["", "3"], /Target vuoto/],
    [["SI", "3"], /target "SI": "3"/],
    [[">= 13 N.", "SI"], /non numerico: "SI"/],
    [["Entro 31-12-2023", "31/02/2024"], /Data inesistente.*"31\/02\/2024"/],
    [[">= 13 N.", "3", "--mode", "media"], /Metodo di calcolo sconosciuto: "media"/],
    [[">= 13 N.", "3", "--mode"], /manca il valore di --mode/],
    [[">= 13 N.", "3", "--mode="], /metodo vuoto/],
    [[">= 13 N.", "3", "--verbose"], /opzione sconosciuta "--verbose"/],
    [[">= 13 N."], /servono TARGET e CONSUNTIVO \(ricevuti 1/],
    [[], /servono TARGET e CONSUNTIVO \(ricevuti 0/],
    [[">= 13 N.", "3", "4"], /ricevuti 3/],
    // An actual must fit its target.
    [[">= 13 N.", "15/12/2023"], /target ">= 13 N\.": "15\/12\/2023" è una data, serve un numero/],
    [["Entro 31-12-2023", "82%"], /"82%" è una percentuale, serve la data di completamento/],
    [[">= 82,00 %", "5"], /in percentuale ">= 82,00 %": "5" senza il simbolo % \(scrivi 5%\)/],
    [["Entro 31/12/2024", "2"], /"2" non è una data/],
  ];
  it.each(bad)("pira score %j exits 2 with one line", async (args, message) => {
    const run = await pira("score", ...args);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toMatch(/^pira score: [^\n]+\n$/);
    expect(run.err).toMatch(message);
  });

  it("is listed in the help", async () => {
    const run = await pira("--help");
    expect(run.out).toMatch(/pira score TARGET CONSUNTIVO/);
  });
});
