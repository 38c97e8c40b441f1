// Hand-built WorkbookDescriptions for the Excel adapter's tests and bench, until the builder
// (src/workbook/build.ts) lands: a small one, and a generated one with the real workbook's shape
// (sheets Indicatori, Obiettivi, Cruscotto, Impostazioni, Diagnostica), scalable ×100.
import type {
  CellSpec,
  ColumnSpec,
  ConditionalFormatSpec,
  ProtectionSpec,
  SheetSpec,
  ValidationSpec,
  WorkbookDescription,
} from "../../src/workbook/types";

const f = (formula: string): CellSpec => ({ formula });

export const PROTECTED: ProtectionSpec = {
  protect: true,
  password: "",
  allowAutoFilter: true,
  allowSort: true,
  allowFormatColumns: true,
};
const UNPROTECTED: ProtectionSpec = { ...PROTECTED, protect: false };

const GREEN = { fill: "#C6EFCE", font: "#006100" };
const AMBER = { fill: "#FFEB9C", font: "#9C5700" };
const RED = { fill: "#FFC7CE", font: "#9C0006" };

/** Three indicators, one table, every kind of cell (incl. literal text that looks like formulas). */
export function smallDescription(): WorkbookDescription {
  const columns: ColumnSpec[] = [
    { header: "Codice", role: "data", numberFormat: "@", width: 8 },
    { header: "Indicatore", role: "data", numberFormat: "@", width: 40, wrap: true },
    { header: "Target", role: "data", numberFormat: "@", width: 14 },
    { header: "Valore target", role: "helper", numberFormat: "General" },
    { header: "Consuntivo", role: "input", numberFormat: "0.00", width: 12 },
    { header: "Punteggio", role: "formula", numberFormat: "0.00%", width: 12 },
  ];
  const score = f('=IF([@Consuntivo]="","",MIN(1,[@Consuntivo]/[@[Valore target]]))');
  const indicatori: SheetSpec = {
    name: "Indicatori",
    tabColor: "#1F4E79",
    tables: [
      {
        name: "tblIndicatori",
        topLeft: "A3",
        columns,
        rows: [
          ["1.1", "Tasso di riscossione del diritto annuale", "≥ 82,00 %", 0.82, null, score],
          ["1.2", "=SOMMA(A1:A3) resta testo", "+5% rispetto al 2022", 5, null, score],
          ["2.1", "-10 giorni sui tempi medi", "@entro 30/06", 30, 12.5, score],
        ],
        style: "TableStyleMedium2",
      },
    ],
    ranges: [
      { topLeft: "A1", rows: [["Cruscotto PIRA 2023"]], bold: true, fontSize: 14 },
      { topLeft: "D1", rows: [["Aggiornato al", 45230]], numberFormat: [["@", "dd/mm/yyyy"]] },
    ],
    conditionalFormats: [
      {
        range: "F4:F6",
        formula: '=AND($F4<>"",$F4>=PIRA_SogliaVerde)',
        style: GREEN,
        priority: 0,
        stopIfTrue: true,
        meaning: "green",
      },
      {
        range: "F4:F6",
        formula: '=AND($F4<>"",$F4>=PIRA_SogliaGialla)',
        style: AMBER,
        priority: 1,
        stopIfTrue: true,
        meaning: "amber",
      },
      { range: "F4:F6", formula: '=$F4<>""', style: RED, priority: 2, stopIfTrue: false, meaning: "red" },
    ],
    validations: [
      {
        range: "E4:E6",
        type: "decimal",
        min: 0,
        prompt: { title: "Consuntivo", message: "Scrivi il valore raggiunto nel 2023." },
        error: { title: "Valore non valido", message: "Il consuntivo deve essere un numero maggiore o uguale a zero." },
      },
    ],
    charts: [],
    freeze: { rows: 3, columns: 2 },
    protection: PROTECTED,
  };
  const impostazioni: SheetSpec = {
    name: "Impostazioni",
    tables: [],
    ranges: [
      {
        topLeft: "A1",
        rows: [["Soglia verde"], ["Soglia gialla"]],
        numberFormat: "@",
      },
      { topLeft: "B1", rows: [[1], [0.7]], numberFormat: "0%", unlocked: true },
    ],
    conditionalFormats: [],
    validations: [
      {
        range: "B1:B2",
        type: "decimal",
        min: 0,
        max: 1,
        prompt: { title: "Soglia", message: "Un valore tra 0% e 100%." },
        error: { title: "Soglia non valida", message: "La soglia deve essere tra 0% e 100%." },
      },
    ],
    charts: [],
    columnWidths: { A: 24, B: 10 },
    protection: PROTECTED,
  };
  const cruscotto: SheetSpec = {
    name: "Cruscotto",
    tables: [],
    ranges: [
      {
        topLeft: "A1",
        rows: [
          ["Indicatore", "Punteggio"],
          [f("=tblIndicatori[[#Headers],[Codice]]"), f("=AVERAGE(tblIndicatori[Punteggio])")],
        ],
      },
    ],
    conditionalFormats: [],
    validations: [],
    charts: [
      {
        type: "barClustered",
        title: "Punteggio medio",
        categories: "=Cruscotto!$A$2:$A$2",
        values: "=Cruscotto!$B$2:$B$2",
        seriesName: "Punteggio",
        from: "D2",
        to: "L18",
      },
    ],
    protection: UNPROTECTED,
  };
  return {
    sheets: [indicatori, impostazioni, cruscotto],
    names: [
      { name: "PIRA_SogliaVerde", refersTo: "=Impostazioni!$B$1", comment: "Da questo punteggio: raggiunto" },
      { name: "PIRA_SogliaGialla", refersTo: "=Impostazioni!$B$2" },
    ],
  };
}

// ---------------------------------------------------------------- the real shape, generated

export const YEARS = [2023, 2024, 2025];
const AREAS = ["AS1", "AS2", "AS3", "AS4"];
const KINDS = ["atLeast", "atMost", "equal", "deadline", "yesno"];

function scoreFormula(y: number): string {
  const c = `[@[Consuntivo ${y}]]`;
  const v = `[@[Valore target ${y}]]`;
  const k = `[@[Tipo target ${y}]]`;
  return (
    `=IF(OR(${c}="",${k}="unreadable"),"",IF(${k}="atLeast",IF(${v}=0,1,MIN(1,MAX(0,${c}/${v}))),` +
    `IF(${k}="atMost",IF(${c}<=${v},1,IF(${c}=0,0,MAX(0,${v}/${c}))),` +
    `IF(${k}="deadline",IF(${c}<=[@[Scadenza ${y}]],1,0),IF(${c}=${v},1,0)))))`
  );
}

function outcomeFormula(y: number): string {
  const s = `[@[Punteggio ${y}]]`;
  return `=IF(${s}="","Da rilevare",IF(${s}>=PIRA_SogliaVerde,"Raggiunto",IF(${s}>=PIRA_SogliaGialla,"Parzialmente raggiunto","Non raggiunto")))`;
}

/** 7 descriptive columns, 9 per year (27), 6 closing ones: 40 columns. */
export function indicatorColumns(): ColumnSpec[] {
  const columns: ColumnSpec[] = [
    { header: "Area", role: "data", numberFormat: "@", width: 6 },
    { header: "Obiettivo", role: "data", numberFormat: "0", width: 9 },
    { header: "Titolo obiettivo", role: "data", numberFormat: "@", width: 40, wrap: true },
    { header: "Codice", role: "data", numberFormat: "@", width: 8 },
    { header: "Indicatore", role: "data", numberFormat: "@", width: 50, wrap: true },
    { header: "Comune (OC)", role: "data", numberFormat: "@", width: 8 },
    { header: "Peso", role: "data", numberFormat: "0.00%", width: 8 },
  ];
  for (const y of YEARS) {
    columns.push(
      { header: `Target ${y}`, role: "data", numberFormat: "@", width: 22, wrap: true },
      { header: `Tipo target ${y}`, role: "helper", numberFormat: "@" },
      { header: `Valore target ${y}`, role: "helper", numberFormat: "General" },
      { header: `Scadenza ${y}`, role: "helper", numberFormat: "dd/mm/yyyy" },
      { header: `Unità ${y}`, role: "helper", numberFormat: "@" },
      { header: `Consuntivo ${y}`, role: "input", numberFormat: "General", width: 13 },
      { header: `Punteggio ${y}`, role: "formula", numberFormat: "0.0%", width: 11 },
      { header: `Esito ${y}`, role: "formula", numberFormat: "@", width: 20 },
      { header: `Punteggio pesato ${y}`, role: "formula", numberFormat: "0.00%", width: 11 },
    );
  }
  columns.push(
    { header: "Prospettiva", role: "data", numberFormat: "@", width: 18 },
    { header: "Missione", role: "data", numberFormat: "@", width: 18 },
    { header: "Programma", role: "data", numberFormat: "@", width: 18 },
    { header: "Risorse", role: "data", numberFormat: "#,##0.00 [$€-410]", width: 14 },
    { header: "Note", role: "input", numberFormat: "@", width: 30, wrap: true },
    { header: "Riga", role: "helper", numberFormat: "0" },
  );
  return columns;
}

function indicatorRow(i: number): CellSpec[] {
  const objective = Math.floor(i / 3) + 1;
  const area = AREAS[objective % AREAS.length];
  const row: CellSpec[] = [
    area,
    objective,
    `Migliorare l'efficienza e la qualità dei servizi camerali — obiettivo ${objective}`,
    `${objective}.${(i % 3) + 1}`,
    i % 17 === 0
      ? "=Grado di riscossione del diritto annuale (testo che inizia con =)"
      : `Indicatore di performance n. ${i + 1}: tempi medi di evasione delle pratiche del Registro Imprese`,
    i % 4 === 0 ? "SI" : "NO",
    Math.round((1 / 3) * 10000) / 10000,
  ];
  for (const y of YEARS) {
    const kind = KINDS[(i + y) % KINDS.length];
    row.push(
      kind === "deadline" ? "entro il 31/12" : kind === "yesno" ? "SI" : `≥ ${80 + (i % 20)},00 %`,
      kind,
      kind === "deadline" ? null : kind === "yesno" ? 1 : 0.8 + (i % 20) / 100,
      kind === "deadline" ? 45291 + (y - 2023) * 365 : null,
      kind === "deadline" ? "" : "%",
      null,
      f(scoreFormula(y)),
      f(outcomeFormula(y)),
      f(`=IF([@[Punteggio ${y}]]="","",[@[Punteggio ${y}]]*[@Peso])`),
    );
  }
  row.push(
    "Processi interni",
    "Competitività e sviluppo delle imprese",
    "Servizi generali, formativi ed approvvigionamenti per le Amministrazioni pubbliche",
    i % 5 === 0 ? null : 12500.5 + i,
    null,
    i + 1,
  );
  return row;
}

const letter = (n: number): string => {
  let s = "";
  for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
};

/** The real workbook's shape; `scale` multiplies the 58 indicators (100 → 5,800 rows). */
export function generatedDescription(scale = 1): WorkbookDescription {
  const indicators = 58 * scale;
  const columns = indicatorColumns();
  const rows = Array.from({ length: indicators }, (_, i) => indicatorRow(i));
  const first = 2; // header on row 1, body from row 2
  const last = first + indicators - 1;
  const col = (header: string): string => letter(columns.findIndex((c) => c.header === header));

  const conditionalFormats: ConditionalFormatSpec[] = [];
  const validations: ValidationSpec[] = [];
  for (const y of YEARS) {
    const s = col(`Punteggio ${y}`);
    const range = `${s}${first}:${s}${last}`;
    conditionalFormats.push(
      {
        range,
        formula: `=AND($${s}${first}<>"",$${s}${first}>=PIRA_SogliaVerde)`,
        style: GREEN,
        priority: 0,
        stopIfTrue: true,
        meaning: "green",
      },
      {
        range,
        formula: `=AND($${s}${first}<>"",$${s}${first}>=PIRA_SogliaGialla)`,
        style: AMBER,
        priority: 1,
        stopIfTrue: true,
        meaning: "amber",
      },
      { range, formula: `=$${s}${first}<>""`, style: RED, priority: 2, stopIfTrue: true, meaning: "red" },
    );
    const c = col(`Consuntivo ${y}`);
    validations.push({
      range: `${c}${first}:${c}${last}`,
      type: "custom",
      formula: `=OR(ISNUMBER(${c}${first}),${c}${first}="SI",${c}${first}="NO")`,
      prompt: { title: `Consuntivo ${y}`, message: "Un numero (82 % si scrive 82%), una data o SI/NO." },
      error: { title: "Consuntivo non valido", message: "Scrivi un numero, una data oppure SI o NO." },
    });
  }
  // Renumber priorities sheet-wide (the three colours of each year in turn).
  conditionalFormats.forEach((cf, i) => (cf.priority = i));

  const indicatori: SheetSpec = {
    name: "Indicatori",
    tabColor: "#1F4E79",
    tables: [{ name: "tblIndicatori", topLeft: "A1", columns, rows, style: "TableStyleMedium2" }],
    ranges: [],
    conditionalFormats,
    validations,
    charts: [],
    freeze: { rows: 1, columns: 5 },
    protection: PROTECTED,
  };

  const objectives = Math.ceil(indicators / 3);
  const obiettivi: SheetSpec = {
    name: "Obiettivi",
    tables: [
      {
        name: "tblObiettivi",
        topLeft: "A1",
        columns: [
          { header: "Area", role: "data", numberFormat: "@", width: 6 },
          { header: "Obiettivo", role: "data", numberFormat: "0", width: 9 },
          { header: "Titolo", role: "data", numberFormat: "@", width: 50, wrap: true },
          { header: "Peso su AS", role: "data", numberFormat: "0.00%", width: 10 },
          ...YEARS.map((y): ColumnSpec => ({
            header: `Punteggio ${y}`,
            role: "formula",
            numberFormat: "0.0%",
            width: 11,
          })),
        ],
        rows: Array.from({ length: objectives }, (_, o) => [
          AREAS[(o + 1) % AREAS.length],
          o + 1,
          `Migliorare l'efficienza e la qualità dei servizi camerali — obiettivo ${o + 1}`,
          0.25,
          ...YEARS.map((y) =>
            f(
              `=IFERROR(SUMIFS(tblIndicatori[Punteggio pesato ${y}],tblIndicatori[Obiettivo],[@Obiettivo])/SUMIFS(tblIndicatori[Peso],tblIndicatori[Obiettivo],[@Obiettivo],tblIndicatori[Punteggio ${y}],"<>"),"")`,
            ),
          ),
        ]),
        style: "TableStyleMedium9",
      },
    ],
    ranges: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    freeze: { rows: 1, columns: 0 },
    protection: PROTECTED,
  };

  const cruscotto: SheetSpec = {
    name: "Cruscotto",
    tabColor: "#548235",
    tables: [],
    ranges: [
      { topLeft: "A1", rows: [["Cruscotto obiettivi strategici (PIRA)"]], bold: true, fontSize: 16 },
      { topLeft: "A2", rows: [["Anno", f("=PIRA_Anno")]], bold: true },
      {
        topLeft: "A4",
        rows: [
          ["Area", "Punteggio"],
          ...AREAS.map((a) => [
            a,
            f(`=IFERROR(AVERAGEIFS(tblObiettivi[Punteggio 2023],tblObiettivi[Area],"${a}"),"")`),
          ]),
          ["Camera", f('=IFERROR(AVERAGE(B5:B8),"")')],
        ],
        numberFormat: [["@", "@"], ...AREAS.map(() => ["@", "0.0%"]), ["@", "0.0%"]],
      },
    ],
    conditionalFormats: [
      {
        range: "B5:B9",
        formula: '=AND($B5<>"",$B5>=PIRA_SogliaVerde)',
        style: GREEN,
        priority: 0,
        stopIfTrue: true,
        meaning: "green",
      },
      {
        range: "B5:B9",
        formula: '=AND($B5<>"",$B5>=PIRA_SogliaGialla)',
        style: AMBER,
        priority: 1,
        stopIfTrue: true,
        meaning: "amber",
      },
      { range: "B5:B9", formula: '=$B5<>""', style: RED, priority: 2, stopIfTrue: true, meaning: "red" },
    ],
    validations: [],
    charts: [
      {
        type: "barClustered",
        title: "Punteggio per area strategica",
        categories: "=Cruscotto!$A$5:$A$8",
        values: "=Cruscotto!$B$5:$B$8",
        seriesName: "Punteggio 2023",
        from: "D2",
        to: "L20",
      },
    ],
    columnWidths: { A: 16, B: 12 },
    protection: PROTECTED,
  };

  const impostazioni: SheetSpec = {
    name: "Impostazioni",
    tables: [],
    ranges: [
      { topLeft: "A1", rows: [["Impostazioni del cruscotto"]], bold: true, fontSize: 14 },
      {
        topLeft: "A3",
        rows: [["Anno"], ["Soglia verde (raggiunto)"], ["Soglia gialla (parziale)"], ["Modalità di calcolo"]],
      },
      {
        topLeft: "B3",
        rows: [[2023], [1], [0.7], ["proporzionale"]],
        numberFormat: [["0"], ["0%"], ["0%"], ["@"]],
        unlocked: true,
      },
    ],
    conditionalFormats: [],
    validations: [
      {
        range: "B3",
        type: "list",
        values: YEARS.map(String),
        prompt: { title: "Anno", message: "L'anno che il cruscotto mostra." },
        error: { title: "Anno non valido", message: "Scegli un anno del piano." },
      },
      {
        range: "B4:B5",
        type: "decimal",
        min: 0,
        max: 1,
        prompt: { title: "Soglia", message: "Un valore tra 0% e 100%." },
        error: { title: "Soglia non valida", message: "La soglia deve essere tra 0% e 100%." },
      },
      {
        range: "B6",
        type: "list",
        values: ["proporzionale", "binario", "lineare"],
        prompt: { title: "Modalità", message: "Come si calcola il punteggio." },
        error: { title: "Modalità non valida", message: "Scegli una modalità dall'elenco." },
      },
    ],
    charts: [],
    columnWidths: { A: 28, B: 16 },
    protection: PROTECTED,
  };

  const diagnostica: SheetSpec = {
    name: "Diagnostica",
    tables: [
      {
        name: "tblDiagnostica",
        topLeft: "A1",
        columns: [
          { header: "Riga", role: "data", numberFormat: "0", width: 7 },
          { header: "Gravità", role: "data", numberFormat: "@", width: 10 },
          { header: "Messaggio", role: "data", numberFormat: "@", width: 80, wrap: true },
        ],
        rows: Array.from({ length: 6 * scale }, (_, i) => [
          12 + i * 7,
          i % 3 === 0 ? "errore" : "avviso",
          i % 2 === 0 ? `-Target non leggibile per l'indicatore ${i + 1}.1: «= 100%»` : "Peso mancante: considerato 0.",
        ]),
        style: "TableStyleLight9",
      },
    ],
    ranges: [],
    conditionalFormats: [],
    validations: [],
    charts: [],
    freeze: { rows: 1, columns: 0 },
    protection: PROTECTED,
  };

  return {
    sheets: [indicatori, obiettivi, cruscotto, impostazioni, diagnostica],
    names: [
      { name: "PIRA_Anno", refersTo: "=Impostazioni!$B$3" },
      {
        name: "PIRA_SogliaVerde",
        refersTo: "=Impostazioni!$B$4",
        comment: "Punteggio da cui un indicatore è raggiunto",
      },
      { name: "PIRA_SogliaGialla", refersTo: "=Impostazioni!$B$5" },
      { name: "PIRA_Modalita", refersTo: "=Impostazioni!$B$6" },
    ],
  };
}
