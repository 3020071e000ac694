/** Progress of a batch on stderr: a bar redrawn in place on a terminal, one plain line every few seconds otherwise. */
import type { BatchRecord } from '../batch/index.js';

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export class Progress {
  private done = 0;
  private resumed = 0;
  private failed = 0;
  private pages = 0;
  private readonly started = performance.now();
  private lastDraw = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
    private readonly quiet: boolean,
    private readonly everySeconds = 5,
  ) {
    if (quiet) return;
    // a plain line every few seconds; on a terminal the bar is redrawn every second too (a long document
    // shows the time going on)
    if (!stream.isTTY) this.timer = setInterval(() => this.stream.write(this.line() + '\n'), everySeconds * 1000).unref();
    else this.timer = setInterval(() => this.draw(true), 1000).unref();
  }

  private line(): string {
    const elapsed = (performance.now() - this.started) / 1000;
    const run = this.done - this.resumed;
    const left = this.total - this.done;
    const eta = run > 0 ? (elapsed / run) * left : Infinity;
    return [
      `${this.done}/${this.total} files`,
      `${(this.pages / Math.max(elapsed, 1e-3)).toFixed(1)} pages/s`,
      `${this.failed} failed`,
      left ? `ETA ${duration(eta)}` : `${duration(elapsed)}`,
    ].join(' · ');
  }

  private draw(force = false): void {
    if (this.quiet || !this.stream.isTTY) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < 100) return;
    this.lastDraw = now;
    const width = 24;
    const filled = this.total ? Math.round((this.done / this.total) * width) : width;
    this.stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.line()}`);
  }

  /** A finished input; a failure is also printed as one line `extract: <input>: <reason> [<code>]`. */
  update(r: BatchRecord): void {
    this.done++;
    if (r.resumed) this.resumed++;
    else if (typeof r.pages === 'number') this.pages += r.pages;
    const bad = r.status !== 'ok' && r.status !== 'skipped';
    if (bad) this.failed++;
    if (bad && !r.resumed && !this.quiet) {
      if (this.stream.isTTY) this.stream.write('\r\x1b[2K');
      this.stream.write(`extract: ${r.input}: ${r.message} [${r.code}]\n`);
      this.draw(true);
    } else this.draw();
  }

  finish(): void {
    clearInterval(this.timer);
    if (!this.quiet && this.stream.isTTY) this.stream.write('\r\x1b[2K');
  }
}
