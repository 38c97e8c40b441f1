// Makes the renditions of the sample plan under test/fixtures/renditions/ that test/sources/*.test.ts
// reads: other PDF generators and layouts than the bundled sample, a Word file from another writer,
// and the text `pdftotext -layout` gives of every PDF; and the bad documents under
// test/fixtures/bad-documents/ (a scan, an encrypted PDF, a cut and a damaged one, another document,
// a Word file without tables). Run: npx tsx scripts/make-renditions.ts
// Needs Debian's chromium, LibreOffice (soffice) and poppler-utils (pdftotext).
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium } from "playwright-core";
import { renditionHtml, type RenditionStyle } from "../test/helpers/renditions";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "test/fixtures/renditions");
const BAD = path.join(ROOT, "test/fixtures/bad-documents");
const SAMPLE = path.join(ROOT, "samples");

interface PrintedRendition {
  file: string;
  style: Partial<RenditionStyle>;
  targetWidth?: string;
  landscape: boolean;
  /** Running header and footer with page numbers ("Pagina 2 di 9"). */
  furniture: boolean;
  format: "A4" | "Letter";
}

const PRINTED: PrintedRendition[] = [
  {
    // Portrait, ≥/≤ typeset, narrow target columns so deadlines wrap, cells centred vertically,
    // running header and footer on every page.
    file: "chromium-portrait-typeset.pdf",
    style: { typeset: true, wrapDeadlines: true },
    targetWidth: "17mm",
    landscape: false,
    furniture: true,
    format: "A4",
  },
  {
    // The same plan for 2024–2027, Letter landscape, serif, one header cell over weight and name, centred targets.
    file: "chromium-2024-2027-centred.pdf",
    style: { yearShift: 1, mergedNameHeader: true, centred: true, fontFamily: "DejaVu Serif, serif" },
    landscape: true,
    furniture: false,
    format: "Letter",
  },
  {
    // A4 landscape, serif, ≥/≤, centred targets under one header over weight and name, running header and footer.
    file: "chromium-landscape-serif-merged.pdf",
    style: { typeset: true, centred: true, mergedNameHeader: true, fontFamily: "Liberation Serif, serif" },
    targetWidth: "28mm",
    landscape: true,
    furniture: true,
    format: "A4",
  },
  {
    // Letter portrait, 2024–2027, very narrow target columns: deadlines wrap, header and footer on every page.
    file: "chromium-letter-2024-2027-narrow.pdf",
    style: { yearShift: 1, wrapDeadlines: true, fontFamily: "Liberation Sans, sans-serif" },
    targetWidth: "15mm",
    landscape: false,
    furniture: true,
    format: "Letter",
  },
];

const HEADER = `<div style="font-size:8px;width:100%;text-align:center;font-family:sans-serif">Camera di commercio - Piano degli indicatori e dei risultati attesi</div>`;
const FOOTER = `<div style="font-size:8px;width:100%;text-align:right;margin-right:12mm;font-family:sans-serif">Pagina <span class="pageNumber"></span> di <span class="totalPages"></span></div>`;

/** Prints an HTML page to PDF with Chromium (playwright-core). */
export async function printPdf(
  html: string,
  file: string,
  options: { landscape: boolean; furniture: boolean; format: "A4" | "Letter" },
): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.PIRA_CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: "load" });
    await page.pdf({
      path: file,
      format: options.format,
      landscape: options.landscape,
      displayHeaderFooter: options.furniture,
      headerTemplate: options.furniture ? HEADER : "<span></span>",
      footerTemplate: options.furniture ? FOOTER : "<span></span>",
      margin: { top: "18mm", bottom: "18mm", left: "12mm", right: "12mm" },
      printBackground: true,
    });
  } finally {
    await browser.close();
  }
}

/** LibreOffice, headless, into a directory of its own (it names the output after the input). */
function soffice(input: string, format: string, outName: string, outDir = OUT): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pira-soffice-"));
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", format, "--outdir", dir, input],
      { stdio: "pipe", timeout: 120_000 },
    );
    const made = fs.readdirSync(dir).find((f) => f !== "profile");
    if (!made) throw new Error(`soffice made nothing from ${input}`);
    fs.copyFileSync(path.join(dir, made), path.join(outDir, outName));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** A picture of the plan's first page, printed as a PDF: what a scanner gives, no text layer. */
async function scannedPdf(file: string): Promise<void> {
  const browser = await chromium.launch({
    executablePath: process.env.PIRA_CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1100, height: 780 } });
    await page.setContent(renditionHtml(), { waitUntil: "load" });
    const png = await page.screenshot({ type: "jpeg", quality: 50 });
    await page.setContent(
      `<html><body style="margin:0"><img style="width:100%" src="data:image/jpeg;base64,${png.toString("base64")}"></body></html>`,
      { waitUntil: "load" },
    );
    await page.pdf({ path: file, format: "A4", landscape: true, printBackground: true });
  } finally {
    await browser.close();
  }
}

async function badDocuments(): Promise<void> {
  fs.mkdirSync(BAD, { recursive: true });
  await scannedPdf(path.join(BAD, "scansione.pdf"));
  soffice(
    path.join(SAMPLE, "cruscotto-pira-2023.docx"),
    'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"segreto"}}',
    "cifrato.pdf",
    BAD,
  );
  const sample = fs.readFileSync(path.join(SAMPLE, "cruscotto-pira-2023.pdf"));
  fs.writeFileSync(path.join(BAD, "troncato.pdf"), sample.subarray(0, Math.floor(sample.length / 2)));
  fs.writeFileSync(
    path.join(BAD, "danneggiato.pdf"),
    Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(4096, 0x41), Buffer.from("\n%%EOF\n")]),
  );
  await printPdf(
    `<!doctype html><html lang="it"><meta charset="utf-8"><body style="font-family:DejaVu Sans"><h1>Verbale del Consiglio camerale</h1><p>Il giorno 31 ottobre 2023 si è riunito il Consiglio. Presenti: tutti i consiglieri.</p><p>Il Consiglio approva all'unanimità il bilancio preventivo.</p></body></html>`,
    path.join(BAD, "altro-documento.pdf"),
    { landscape: false, furniture: false, format: "A4" },
  );
  const { Document, Packer, Paragraph } = await import("docx");
  const doc = new Document({
    sections: [
      {
        children: [new Paragraph("Cruscotto obiettivi strategici PIRA"), new Paragraph("Il cruscotto è in allegato.")],
      },
    ],
  });
  fs.writeFileSync(path.join(BAD, "senza-tabelle.docx"), await Packer.toBuffer(doc));
}

async function main(): Promise<void> {
  await badDocuments();
  fs.mkdirSync(OUT, { recursive: true });
  for (const r of PRINTED) {
    await printPdf(renditionHtml(r.style, r.targetWidth), path.join(OUT, r.file), r);
  }
  // Another PDF generator: LibreOffice printing the bundled Word file.
  soffice(path.join(SAMPLE, "cruscotto-pira-2023.docx"), "pdf", "libreoffice-from-docx.pdf");
  // Another Word writer: LibreOffice saving an HTML rendition (typeset signs) as .docx.
  const html = path.join(os.tmpdir(), "pira-rendition.html");
  fs.writeFileSync(html, renditionHtml({ typeset: true }));
  soffice(html, "docx:MS Word 2007 XML", "libreoffice-from-html.docx");
  fs.rmSync(html);
  // A PDF viewer's copy of the bundled PDF (one line per printed line, cells a space apart): `pdftotext -raw`.
  execFileSync("pdftotext", [
    "-raw",
    "-enc",
    "UTF-8",
    path.join(SAMPLE, "cruscotto-pira-2023.pdf"),
    path.join(OUT, "cruscotto-pira-2023.copy.txt"),
  ]);
  // What `pdftotext -layout` gives of every PDF, the bundled one included.
  const pdfs = [
    path.join(SAMPLE, "cruscotto-pira-2023.pdf"),
    ...fs
      .readdirSync(OUT)
      .filter((f) => f.endsWith(".pdf"))
      .map((f) => path.join(OUT, f)),
  ];
  for (const pdf of pdfs) {
    const name = path.basename(pdf, ".pdf") + ".layout.txt";
    execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", pdf, path.join(OUT, name)]);
  }
  process.stdout.write(`${[...fs.readdirSync(OUT), ...fs.readdirSync(BAD)].sort().join("\n")}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
