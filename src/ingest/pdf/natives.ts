/**
 * The legacy build of pdf.js bundles core-js, which replaces some of the engine's own functions for the whole
 * process on Node 20, although V8's are correct for everything we and pdf.js do: Array.prototype.push (a
 * JavaScript loop setting `length` one element at a time: 12 % of a long document's time, in pdf.js and in our
 * table code alike), JSON.parse and JSON.stringify (wrapped for JSON.rawJSON, which nothing here uses).
 * This module is imported before pdf.js, keeps the engine's functions, and `restoreNatives` puts them back once
 * pdf.js and its worker are loaded. Functions that are not the engine's own (someone loaded core-js before us)
 * are left alone.
 */
const isNative = (f: unknown) => typeof f === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(f));

const saved = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
};

export function restoreNatives(): void {
  if (isNative(saved.push) && Array.prototype.push !== saved.push) {
    Object.defineProperty(Array.prototype, 'push', { value: saved.push, writable: true, configurable: true, enumerable: false });
  }
  if (isNative(saved.parse) && JSON.parse !== saved.parse) {
    Object.defineProperty(JSON, 'parse', { value: saved.parse, writable: true, configurable: true, enumerable: false });
  }
  if (isNative(saved.stringify) && JSON.stringify !== saved.stringify) {
    Object.defineProperty(JSON, 'stringify', { value: saved.stringify, writable: true, configurable: true, enumerable: false });
  }
}
