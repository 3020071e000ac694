/** Builds small PDFs byte by byte, for tests of the PDF loader's handling of odd and broken files. */
import { constants, deflateRawSync } from 'node:zlib';

/** A page: its content stream, and whatever else the test needs in its dictionary. */
export interface PageSpec {
  content: string;
  /** more page dictionary entries, e.g. '/Rotate 90' or '/MediaBox [100 200 695 1042]' (replaces the A4 default) */
  extras?: string;
  /** more resource entries, e.g. '/XObject << /X0 @X0 >>' */
  resources?: string;
  /** the /Contents value instead of the page's own stream, e.g. '@Bomb' or '99 0 R' (an object that does not exist) */
  contents?: string;
}

/** A stream object's body; `data` is bytes or Latin-1 text. */
export function stream(dict: string, data: Buffer | string): string {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  return `<< ${dict} /Length ${bytes.length} >>\nstream\n${bytes.toString('latin1')}\nendstream`;
}

/**
 * `objects` are further objects by name; `@Name` anywhere in a body, an `extras`, `resources` or `contents`
 * becomes a reference to that object. All text is Latin-1, so stream bodies may hold binary data.
 */
export function makePdf(pages: (string | PageSpec)[], objects: Record<string, string> = {}): Buffer {
  const specs = pages.map((p) => (typeof p === 'string' ? { content: p } : p));
  const names = Object.keys(objects);
  const firstNamed = 4 + specs.length * 2;
  const ref = (body: string) => body.replace(/@(\w+)/g, (m, name: string) => (names.includes(name) ? `${firstNamed + names.indexOf(name)} 0 R` : m));
  const bodies: string[] = [];
  bodies.push('<< /Type /Catalog /Pages 2 0 R >>');
  const kids = specs.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  bodies.push(`<< /Type /Pages /Kids [${kids}] /Count ${specs.length} >>`);
  bodies.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  specs.forEach((page, i) => {
    const extras = page.extras ?? '';
    const mediaBox = extras.includes('/MediaBox') ? '' : '/MediaBox [0 0 595 842] ';
    const resources = `<< /Font << /F1 3 0 R >> ${page.resources ?? ''} >>`;
    bodies.push(ref(`<< /Type /Page /Parent 2 0 R ${mediaBox}${extras} /Resources ${resources} /Contents ${page.contents ?? `${5 + i * 2} 0 R`} >>`));
    bodies.push(stream('', page.content));
  });
  for (const name of names) bodies.push(ref(objects[name]));

  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(out.length); // one character is one byte (Latin-1)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
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

/**
 * zlib data that inflates to `mb` MiB of spaces. One deflated MiB, ended with a sync flush so that copies can
 * follow it, is repeated: deflating the whole would take seconds per hundred MiB.
 */
export function deflatedSpaces(mb: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(2 ** 20, 0x20), { finishFlush: constants.Z_SYNC_FLUSH });
  // Adler-32 of n spaces in closed form: a = 1 + 32n, b = n + 32·n(n+1)/2 (mod 65521)
  const n = BigInt(mb) * 2n ** 20n;
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(Number((((n + (32n * n * (n + 1n)) / 2n) % 65521n) << 16n) | ((1n + 32n * n) % 65521n)));
  return Buffer.concat([Buffer.from([0x78, 0x9c]), ...Array<Buffer>(mb).fill(block), deflateRawSync(Buffer.alloc(0)), adler]);
}
