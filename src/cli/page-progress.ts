/**
 * Pages done of one file on stderr (`--progress`, on by default on a terminal): a 400-page book takes tens of
 * seconds, and a silent terminal looks hung. On a terminal one line is redrawn in place, from the first second
 * on (a short file shows nothing), and cleared at the end; elsewhere a line at most every second and the last
 * page's line, so that a log shows the pace.
 */
export interface PageProgress {
  onPage?: (done: number, pages: number) => void;
  /** clears the line on a terminal; call before anything else goes to stderr */
  finish(): void;
}

export function pageProgress(file: string, stream: NodeJS.WriteStream, enabled: boolean): PageProgress {
  if (!enabled) return { finish() {} };
  const started = performance.now();
  let last = 0;
  let drawn = false;
  const line = (done: number, pages: number) => {
    const seconds = (performance.now() - started) / 1000;
    return `extract: ${file}: ${done}/${pages} pages (${(done / Math.max(seconds, 1e-3)).toFixed(1)} pages/s)`;
  };
  return {
    onPage(done, pages) {
      const now = performance.now();
      if (stream.isTTY) {
        if (now - started < 1000 || now - last < 100) return;
        last = now;
        drawn = true;
        stream.write(`\r\x1b[2K${line(done, pages)}`);
        return;
      }
      if (done < pages && now - last < 1000) return;
      last = now;
      stream.write(line(done, pages) + '\n');
    },
    finish() {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}

/** Runs one file's extraction with its pages shown on stderr; `enabled` undefined: when stderr is a terminal. */
export async function withPageProgress<T>(file: string, enabled: boolean | undefined, work: (onPage?: (done: number, pages: number) => void) => Promise<T>): Promise<T> {
  const progress = pageProgress(file, process.stderr, enabled ?? !!process.stderr.isTTY);
  try {
    return await work(progress.onPage);
  } finally {
    progress.finish();
  }
}
