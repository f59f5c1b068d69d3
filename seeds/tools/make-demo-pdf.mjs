// Writes seeds/documents/elancourt-contrat-demonstration.pdf: a 3-page PDF that stands in for the three contract
// pages Élancourt sent, clearly labelled as a demonstration (it is NOT the real contract and quotes nothing from it).
// No dependencies: `node seeds/tools/make-demo-pdf.mjs`. The output is byte-for-byte deterministic.
import { writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, "..", "documents", "elancourt-contrat-demonstration.pdf");

const banner = "DOCUMENT DE DÉMONSTRATION - ce n'est pas le contrat réel";
const pages = [
  [
    ["title", "Contrat de partenariat (démonstration)"],
    ["text", "Commune d'Élancourt (Yvelines) et la société Genetec - page 1 sur 3"],
    ["gap"],
    ["text", "Ce fichier a été fabriqué par le projet Vigie pour illustrer l'import des documents."],
    ["text", "Il tient la place des trois pages du contrat communiquées en réponse à la demande"],
    ["text", "d'accès aux documents administratifs. Son texte est inventé et ne cite pas le contrat."],
    ["gap"],
    ["heading", "Article 1 - Objet"],
    ["text", "Expérimentation au centre de supervision urbain de la vidéoprotection, de la lecture"],
    ["text", "automatique de plaques d'immatriculation, du contrôle d'accès et du pilotage de"],
    ["text", "l'éclairage public et des alarmes."],
  ],
  [
    ["title", "Page 2 sur 3 (démonstration)"],
    ["heading", "Article 2 - Durée"],
    ["text", "Le partenariat court à compter de sa signature, pour la durée fixée en annexe."],
    ["gap"],
    ["heading", "Article 3 - Équipements"],
    ["text", "La liste des caméras, des capteurs et des logiciels figure dans les annexes 1 à 3,"],
    ["text", "qui ne font pas partie des pages communiquées."],
  ],
  [
    ["title", "Page 3 sur 3 (démonstration)"],
    ["heading", "Article 4 - Données"],
    ["text", "Les conditions de conservation des images et des données de plaques sont renvoyées"],
    ["text", "à une annexe non communiquée."],
    ["gap"],
    ["text", "Fait à Élancourt, en deux exemplaires. Signatures : [démonstration]"],
  ],
];

// WinAnsiEncoding matches Latin-1 for the accented letters used here.
const escape = (s) => s.replace(/\\/g, "\\\\").replace(/\(/g, "\\(").replace(/\)/g, "\\)");
function contentOf(lines) {
  let y = 800;
  const ops = ["BT", "/F2 9 Tf", "1 0 0 RG 0.64 0.08 0.11 rg", `50 815 Td (${escape(banner)}) Tj`, "ET", "0 g"];
  for (const [kind, text] of lines) {
    if (kind === "gap") { y -= 12; continue; }
    const [font, size, step] = kind === "title" ? ["/F2", 16, 28] : kind === "heading" ? ["/F2", 12, 20] : ["/F1", 11, 16];
    y -= step;
    ops.push("BT", `${font} ${size} Tf`, `50 ${y} Td (${escape(text)}) Tj`, "ET");
  }
  ops.push("BT", "/F1 8 Tf", `50 40 Td (${escape(banner)}) Tj`, "ET");
  return ops.join("\n");
}

const objects = [];
const add = (body) => { objects.push(body); return objects.length; };
const catalog = add(null);
const pagesId = add(null);
const regular = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
const bold = add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
const kids = [];
for (const lines of pages) {
  const content = Buffer.from(contentOf(lines), "latin1");
  const stream = add(`<< /Length ${content.length} >>\nstream\n${content.toString("latin1")}\nendstream`);
  kids.push(add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> >> /Contents ${stream} 0 R >>`));
}
objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`;
objects[pagesId - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
const info = add("<< /Title (Contrat Elancourt - document de demonstration) /Producer (Vigie seeds/tools/make-demo-pdf.mjs) >>");

let pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
const offsets = [];
objects.forEach((body, i) => {
  offsets.push(Buffer.byteLength(pdf, "latin1"));
  pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
});
const xref = Buffer.byteLength(pdf, "latin1");
pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
pdf += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
pdf += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;

mkdirSync(dirname(output), { recursive: true });
writeFileSync(output, Buffer.from(pdf, "latin1"));
console.log(`${output}: ${pages.length} pages, ${Buffer.byteLength(pdf, "latin1")} octets`);
