/**
 * Progress on stderr for long work: a live line on a terminal, nothing when stderr is piped (so CI
 * logs and `--json` output stay clean).
 */
export interface Progress {
  update(text: string): void;
  done(): void;
}

export function progress(enabled = process.stderr.isTTY === true): Progress {
  let last = 0;
  return {
    update(text) {
      if (!enabled) return;
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      process.stderr.write(`\r\x1b[2K${text}`);
    },
    done() {
      if (enabled) process.stderr.write('\r\x1b[2K');
    },
  };
}
