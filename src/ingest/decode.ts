import { ExtractError } from '../errors.js';

/**
 * Text and web pages as Chinese publishers save them: UTF-8 (with or without a byte-order mark), UTF-16 with a
 * byte-order mark, or GBK / GB2312 (decoded as GB18030, their superset, with the TextDecoder Node ships).
 * A web page's own declaration (`<meta charset>`, `<meta http-equiv="Content-Type" content="…charset=…">`,
 * `<?xml … encoding=…?>`) is followed when the bytes agree with it; otherwise the bytes decide.
 */

/** Encodings by the names pages declare them with, as TextDecoder labels. */
const ALIASES: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'unicode-1-1-utf-8': 'utf-8',
  gb2312: 'gb18030', gbk: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030', 'windows-936': 'gb18030', 'euc-cn': 'gb18030', hz: 'gb18030',
  big5: 'big5', 'big5-hkscs': 'big5', 'x-x-big5': 'big5',
  'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', 'utf-16be': 'utf-16be',
  'iso-8859-1': 'windows-1252', 'windows-1252': 'windows-1252', 'us-ascii': 'windows-1252', ascii: 'windows-1252',
};

/** The encoding a web page declares in its first bytes, as a TextDecoder label, if any. */
export function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const patterns = [
    /<meta\s[^>]*charset\s*=\s*["']?\s*([\w.:-]+)/i, // <meta charset="gbk"> and http-equiv content="…; charset=gbk"
    /<\?xml\s[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i,
  ];
  for (const re of patterns) {
    const m = re.exec(head);
    if (m) return ALIASES[m[1].toLowerCase()];
  }
  return undefined;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Share of bytes that plain text never contains (NUL and other C0 controls but tab/CR/LF/FF). */
function controlShare(bytes: Uint8Array): number {
  const sample = bytes.subarray(0, 64 * 1024);
  let bad = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) bad++;
  return sample.length ? bad / sample.length : 0;
}

export interface Decoded {
  text: string;
  /** the encoding used, as a TextDecoder label */
  encoding: string;
}

/**
 * Bytes → text: a byte-order mark first, then the page's declaration (HTML only) when the bytes decode
 * cleanly with it, then UTF-8, then GB18030. Refuses binary data (E_BINARY) and text with nothing in it (E_EMPTY).
 */
export function decodeBytes(file: string, bytes: Uint8Array, options: { html?: boolean } = {}): Decoded {
  let decoded: Decoded | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) decoded = { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (!decoded) {
    if (controlShare(bytes) > 0.01) throw new ExtractError('E_BINARY', file, 'looks like binary data, not text');
    const declared = options.html ? declaredEncoding(bytes) : undefined;
    // a page may declare one encoding and be saved in another: the declaration counts only if the bytes fit it
    for (const label of [...(declared && !declared.startsWith('utf-16') ? [declared] : []), 'utf-8', 'gb18030']) {
      const text = tryDecode(label, bytes);
      if (text !== null) {
        decoded = { text, encoding: label };
        break;
      }
    }
  }
  if (!decoded) throw new ExtractError('E_BINARY', file, 'is neither UTF-8 nor GBK/GB18030 text');
  if (!decoded.text.trim()) throw new ExtractError('E_EMPTY', file, 'contains no text');
  return decoded;
}

/** Content that is a web page, whatever the file is called: a doctype, an <html> element, or XHTML. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  return /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<!doctype\s+html/i.test(head) || /^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(head) || /<html[\s>][\s\S]*<(head|body|table)[\s>]/i.test(head);
}
