/** Builds small PDFs byte by byte, for tests of the PDF loader's handling of odd and broken files. */
export function makePdf(pageContents: string[]): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) ;
  add('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = pageContents.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  add(`<< /Type /Pages /Kids [${kids}] /Count ${pageContents.length} >>`);
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  pageContents.forEach((content, i) => {
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A page with a ruled 2×2 table and text in its cells. */
export const RULED_PAGE = [
  '0.5 w',
  '100 700 m 400 700 l S', '100 660 m 400 660 l S', '100 620 m 400 620 l S',
  '100 620 m 100 700 l S', '250 620 m 250 700 l S', '400 620 m 400 700 l S',
  'BT /F1 12 Tf 110 675 Td (Item) Tj ET', 'BT /F1 12 Tf 260 675 Td (Amount) Tj ET',
  'BT /F1 12 Tf 110 635 Td (Total) Tj ET', 'BT /F1 12 Tf 260 635 Td (518.25) Tj ET',
].join('\n');
