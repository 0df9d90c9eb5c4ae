/**
 * Progress on stderr for long work: a cli-progress bar on a terminal, nothing when stderr is piped
 * (so CI logs and `--json` output stay clean).
 */
import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  /** Moves the bar to `value` of `total`, with a label saying what is being done. */
  update(value: number, total: number, label: string): void;
  /** Clears the bar (before a result line is printed). */
  done(): void;
}

export function progress(enabled = process.stderr.isTTY === true): Progress {
  let bar: SingleBar | null = null;
  return {
    update(value, total, label) {
      if (!enabled) return;
      if (!bar) {
        bar = new SingleBar(
          { format: ' {bar} {percentage}% | {label}', stream: process.stderr, clearOnComplete: true, hideCursor: true, fps: 10 },
          Presets.shades_classic,
        );
        bar.start(total, value, { label });
      }
      bar.setTotal(total);
      bar.update(value, { label });
    },
    done() {
      bar?.stop();
      bar = null;
    },
  };
}
