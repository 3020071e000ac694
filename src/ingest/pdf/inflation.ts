import { constants, inflateSync } from 'node:zlib';

/**
 * pdf.js inflates a stream whole into one growing buffer (a content stream twice: once for the text, once
 * for the drawing), so a small stream that inflates to gigabytes exhausts memory before any time limit
 * helps. This looks for such a stream in the file's bytes before pdf.js opens it, with zlib stopped at the cap.
 *
 * Deflate compresses at most 1032:1, so only a stream longer than cap/1032 per Flate filter can inflate
 * beyond the cap: real files have few such streams (fonts), and most never get inflated here.
 * Images are left out: pdf.js skips large ones and reads small ones only as far as their size needs.
 * Streams of encrypted files do not inflate here (they are ciphertext) and are not checked.
 */
const MAX_DEFLATE_RATIO = 1032;

const STREAM = Buffer.from('stream');

/** The first stream that inflates to more than `cap` bytes ("object 12"), or null. */
export function findInflationBomb(data: Uint8Array, cap: number): string | null {
  const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  for (let at = bytes.indexOf(STREAM); at >= 0; at = bytes.indexOf(STREAM, at + STREAM.length)) {
    if (bytes.toString('latin1', at - 3, at) === 'end') continue;
    let start = at + STREAM.length;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    else if (bytes[start - 1] !== 0x0d) continue; // the word inside some other token
    const head = bytes.toString('latin1', Math.max(0, at - 4096), at);
    const objects = [...head.matchAll(/(\d+)\s+\d+\s+obj\b/g)];
    const object = objects[objects.length - 1];
    const dict = object ? head.slice(object.index) : head;
    if (/\/Subtype\s*\/Image\b/.test(dict)) continue;
    const filters = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1].match(/\/\w+/g) ?? [];
    let flates = 0;
    while (flates < filters.length && (filters[flates] === '/FlateDecode' || filters[flates] === '/Fl')) flates++;
    if (flates === 0) continue;
    const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dict);
    const end = length ? start + Number(length[1]) : bytes.indexOf('endstream', start);
    let stream: Buffer = bytes.subarray(start, end < 0 ? bytes.length : end);
    if (stream.length * MAX_DEFLATE_RATIO ** flates <= cap) continue;
    try {
      for (let k = 0; k < flates; k++) stream = inflateSync(stream, { maxOutputLength: cap, finishFlush: constants.Z_SYNC_FLUSH });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return object ? `object ${object[1]}` : 'a stream';
      // damaged or encrypted data: pdf.js reports or recovers what it can
    }
  }
  return null;
}
