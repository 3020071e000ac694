/**
 * The OCR engine: tesseract.js (WebAssembly) with the chi_sim and eng LSTM models of the npm packages
 * @tesseract.js-data/chi_sim and @tesseract.js-data/eng, read from node_modules — never downloaded, nothing
 * cached on disk. One worker is created on first use and reused for every page after it; it is recycled after
 * RECYCLE_PAGES pages (its WebAssembly heap never shrinks) and ended when idle, so a process exits when done.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

/** Resolution pages are rendered at for OCR, and assumed for images that do not say. */
export const OCR_DPI = 300;

const require = createRequire(import.meta.url);

/** The folder holding <lang>.traineddata.gz of one npm language package (the LSTM-only "best_int" models). */
function langDir(lang: string): string {
  return join(dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`)), '4.0.0_best_int');
}

export interface OcrWord {
  text: string;
  /** 0–1 */
  confidence: number;
  /** pixels of the image read: x0, y0, x1, y1 */
  bbox: [number, number, number, number];
  /** the box of the text line the word belongs to (its height is the line's, not the glyphs') */
  line: [number, number, number, number];
}

const RECYCLE_PAGES = 40;
const IDLE_MS = 1500;

/** Pages are read with chi_sim (its model reads Latin letters and figures too); single figures with eng. */
type Lang = 'chi_sim' | 'eng';

interface Slot {
  worker: Promise<Worker>;
  pages: number;
  /** parameters set on the worker, to set again only what changes */
  params: string;
}

const slots = new Map<Lang, Slot>();
let idle: NodeJS.Timeout | null = null;

function newWorker(lang: Lang): Promise<Worker> {
  // langPath is the package's own folder (a local path: read from disk, never fetched); nothing is cached
  return createWorker(lang, OEM.LSTM_ONLY, { langPath: langDir(lang), cacheMethod: 'none', gzip: true, logger: () => {}, errorHandler: () => {} });
}

async function getSlot(lang: Lang): Promise<Slot> {
  if (idle) clearTimeout(idle);
  idle = null;
  let slot = slots.get(lang);
  if (slot && slot.pages >= RECYCLE_PAGES) {
    slots.delete(lang);
    await (await slot.worker).terminate();
    slot = undefined;
  }
  if (!slot) {
    slot = { worker: newWorker(lang), pages: 0, params: '' };
    slots.set(lang, slot);
    slot.worker.catch(() => slots.delete(lang));
  }
  return slot;
}

function release(): void {
  if (idle) clearTimeout(idle);
  idle = setTimeout(() => void closeOcr(), IDLE_MS);
  idle.unref();
}

/** Ends the workers (the process can exit). The next recognition starts new ones. */
export async function closeOcr(): Promise<void> {
  if (idle) clearTimeout(idle);
  idle = null;
  const all = [...slots.values()];
  slots.clear();
  await Promise.all(all.map(async (s) => (await s.worker.catch(() => null))?.terminate()));
}

interface RawWord { text: string; confidence: number; bbox: { x0: number; y0: number; x1: number; y1: number } }
interface RawLine { words: RawWord[]; bbox: { x0: number; y0: number; x1: number; y1: number } }

/**
 * Words of an image with their boxes and confidence. `digits` reads figures only, with the eng model and
 * scattered text expected (the figures of a table, everything else blanked).
 */
export async function recognise(png: Buffer, options: { digits?: boolean } = {}): Promise<OcrWord[]> {
  const slot = await getSlot(options.digits ? 'eng' : 'chi_sim');
  const w = await slot.worker;
  try {
    const params = options.digits
      ? { tessedit_pageseg_mode: PSM.SPARSE_TEXT, tessedit_char_whitelist: '0123456789.,-' }
      : { tessedit_pageseg_mode: PSM.AUTO, tessedit_char_whitelist: '' };
    const key = JSON.stringify(params);
    if (key !== slot.params) {
      await w.setParameters({ ...params, preserve_interword_spaces: '1', user_defined_dpi: String(OCR_DPI), debug_file: '/dev/null' });
      slot.params = key;
    }
    const { data } = await w.recognize(png, {}, { blocks: true, text: false });
    slot.pages++;
    const words: OcrWord[] = [];
    for (const block of data.blocks ?? []) {
      for (const para of block.paragraphs) {
        for (const line of para.lines as unknown as RawLine[]) {
          const lb = line.bbox;
          for (const word of line.words) {
            const text = word.text.trim();
            if (!text) continue;
            const b = word.bbox;
            words.push({ text, confidence: Math.max(0, Math.min(1, word.confidence / 100)), bbox: [b.x0, b.y0, b.x1, b.y1], line: [lb.x0, lb.y0, lb.x1, lb.y1] });
          }
        }
      }
    }
    return words;
  } finally {
    release();
  }
}
