import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A full garbage collection on demand. V8 collects lazily below its heap limit (2 GB in our workers), so a
 * long document read page after page leaves each page's garbage (pdf.js parses fonts and content streams into
 * large short-lived arrays) to pile up to several times what is alive: the peak RSS of a 392-page document
 * was mostly garbage. `--expose-gc` set at run time makes `gc` available to a new context only.
 */
let gc: (() => void) | null = null;
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}
