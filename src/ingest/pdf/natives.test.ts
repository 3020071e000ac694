import { expect, it } from 'vitest';
import { openPdf } from './pdfjs.js';

const native = (f: unknown) => /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));

it("keeps the engine's push, JSON.parse and JSON.stringify once pdf.js and its worker are loaded", async () => {
  expect(typeof openPdf).toBe('function');
  // pdf.js's legacy build replaces these with core-js polyfills on Node 20; natives.ts puts them back
  expect(native(Array.prototype.push)).toBe(true);
  expect(native(JSON.parse)).toBe(true);
  expect(native(JSON.stringify)).toBe(true);
  expect((globalThis as { pdfjsWorker?: { WorkerMessageHandler?: unknown } }).pdfjsWorker?.WorkerMessageHandler).toBeDefined();
});
