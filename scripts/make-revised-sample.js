#!/usr/bin/env node
// Writes test/fixtures/revised/cruscotto-pira-2024.txt: the bundled 2023 sample as the chamber's
// next yearly revision would publish it, edited line by line so every layout of the sample stays.
// Each edit names the line it changes and fails when that line is not found exactly once, so a
// changed sample cannot silently give a different fixture. Run: node scripts/make-revised-sample.js
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const SAMPLE = path.join(ROOT, "samples", "cruscotto-pira-2023.txt");
const OUT = path.join(ROOT, "test", "fixtures", "revised", "cruscotto-pira-2024.txt");

const OLD_YEARS = [2023, 2024, 2025, 2026];
const NEW_YEAR = 2027;
const TARGET_HEADER = /^(?:<b>)?Target(?: \d{4})?(?:<\/b>)?$/;
const WEIGHT = /^\d{1,3},\d{2}%/;

function indexOfOnly(lines, test, what) {
  const found = lines.flatMap((line, i) => (test(line) ? [i] : []));
  if (found.length !== 1) throw new Error(`${what}: ${found.length} righe trovate invece di una.`);
  return found[0];
}

/** A weight, a name and a cell per year ("Peso su AS" and "Risorse" lines have fewer cells). */
const isRow = (line) => WEIGHT.test(line) && line.split("\t").length > OLD_YEARS.length;
const rowOf = (lines, name) => indexOfOnly(lines, (l) => isRow(l) && l.includes(name), name);

/** The horizon moves on a year: the first target column goes, a 2027 one comes after the last. */
function shiftYears(line) {
  const cells = line.split("\t");
  if (isRow(line)) {
    const first = cells.length - OLD_YEARS.length;
    const last = cells[cells.length - 1];
    // A deadline at the end of the last year moves with it; any other target stays as in 2026.
    const next = last.replace(`31-12-${NEW_YEAR - 1}`, `31-12-${NEW_YEAR}`);
    return [...cells.slice(0, first), ...cells.slice(first + 1), next].join("\t");
  }
  const headers = cells.flatMap((c, i) => (TARGET_HEADER.test(c.trim()) ? [i] : []));
  if (headers.length === 0) return line;
  const out = [...cells];
  out.splice(headers[headers.length - 1] + 1, 0, `Target ${NEW_YEAR}`);
  out.splice(headers[0], 1);
  return out.join("\t");
}

function setWeight(lines, name, weight) {
  const i = rowOf(lines, name);
  lines[i] = lines[i].replace(WEIGHT, weight);
}

function setTarget(lines, name, year, target) {
  const i = rowOf(lines, name);
  const cells = lines[i].split("\t");
  cells[cells.length - (NEW_YEAR - year) - 1] = target;
  lines[i] = cells.join("\t");
}

function replaceOnce(lines, from, to) {
  const i = indexOfOnly(lines, (l) => l.includes(from), from);
  lines[i] = lines[i].replace(from, to);
}

function objectiveStart(lines, number) {
  const header = new RegExp(`^(?:\\*\\*|<b>)${number}(?:\\D|$)`);
  return indexOfOnly(lines, (l) => header.test(l), `obiettivo ${number}`);
}

const NEW_OBJECTIVE = [
  "**15** Sviluppo delle competenze digitali del personale",
  "",
  "Ambito strategico (AS):",
  "",
  "012 - Apprendimento, crescita e innovazione",
  "",
  "Peso su AS:",
  "",
  "50,00%",
  "",
  "Risorse economiche:",
  "",
  "20.000,00 €",
  "",
  "Prospettiva BSC:",
  "",
  "Apprendimento e crescita",
  "",
  "Missione: (ex D.M. 27/03/13)",
  "",
  "Servizi istituzionali e generali delle Amministrazioni pubbliche",
  "",
  "Programma: (ex D.M. 27/03/13)",
  "",
  "Servizi e affari generali per le Amministrazioni di competenza",
  "",
  "Indicatori (100%)\t\tTarget 2024\tTarget 2025\tTarget 2026\tTarget 2027",
  "50,00%\tGrado di copertura del piano di formazione sulle competenze digitali\t>= 60,00 %\t>= 70,00 %\t>= 80,00 %\t>= 90,00 %",
];

function revise(text) {
  let lines = text.split("\n").map(shiftYears);
  replaceOnce(lines, "31.10.2023", "30.10.2024");

  // Objective 1: DFP 3.3 (0 %, no targets after 2024) removed; resources revised; a target raised.
  lines.splice(rowOf(lines, "\tDFP 3.3\t"), 1);
  replaceOnce(lines, "283.500,00 €", "290.000,00 €");
  setTarget(lines, "Azioni di diffusione della cultura digitale", 2024, ">= 22 N.");

  // Objective 4: weights rebalanced, still 100 %.
  setWeight(lines, "Azioni poste in essere per la gestione strategica", "40,00%");
  setWeight(lines, "Creazione e partecipazione tavoli di sviluppo", "60,00%");

  // 5.3 moves to objective 6: both objectives rebalanced.
  const moving = lines.splice(rowOf(lines, "cultura d'impresa e orientamento lavoro"), 1)[0];
  for (const name of [
    "Sportello internazionalizzazione",
    "attività di internazionalizzazione",
    "orientamento ai mercati",
  ])
    setWeight(lines, name, "20,00%");
  setWeight(lines, "in tema di internazionalizzazione", "20,00%");
  setWeight(lines, "(Nuove imprese, Politiche attive del lavoro e Giovani)", "20,00%");
  setWeight(lines, "Incremento imprese coinvolte in attività e servizi di ambito internazionale", "33,33%");
  setWeight(lines, "sull'internazionalizzazione e mercati esteri", "33,33%");
  lines.splice(rowOf(lines, "sull'internazionalizzazione e mercati esteri") + 1, 0, moving.replace(WEIGHT, "33,34%"));

  // A corrected typo and a reworded name.
  replaceOnce(lines, "servizi camerati", "servizi camerali");
  replaceOnce(
    lines,
    "Incremento efficienza/efficacia processi mappati progetto lean organization",
    "Incremento dell'efficienza e dell'efficacia dei processi mappati nel progetto lean organization",
  );

  // Objective 11: a new indicator, weights rebalanced to four quarters.
  for (const name of ["Crescita qualitativa social", "iscrizioni alla Newsletter", "momenti cardine della governance"])
    setWeight(lines, name, "25,00%");
  lines.splice(
    rowOf(lines, "momenti cardine della governance") + 1,
    0,
    "25,00%\tTasso di apertura della Newsletter camerale\t>= 30,00 %\t>= 32,00 %\t>= 34,00 %\t>= 35,00 %",
  );

  // Objective 14 reordered: the last indicator first, the first last.
  const first = rowOf(lines, "Capacità di destinare risorse");
  const last = rowOf(lines, "Riduzione incidenza costi");
  [lines[first], lines[last]] = [lines[last], lines[first]];

  // Objective 12 closed; objective 15 opened in its area, taking over its training indicator.
  const start = objectiveStart(lines, 12);
  const end = objectiveStart(lines, 13);
  const closed = lines.splice(start, end - start);
  const training = closed.find((l) => isRow(l) && l.includes("ore medie di formazione"));
  if (!training) throw new Error("Indicatore delle ore di formazione non trovato nell'obiettivo 12.");
  while (lines.length > 0 && lines[lines.length - 1].trim() === "") lines.pop();
  lines = [...lines, "", ...NEW_OBJECTIVE, training, ""];
  return lines.join("\n");
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, revise(fs.readFileSync(SAMPLE, "utf8")));
  console.log(`Scritto ${path.relative(ROOT, OUT)}`);
}

// The fixture test checks that the committed file is what this script makes of the sample.
module.exports = { revise };
