/**
 * Mermaid's browser bundle read from the installed package and made safe for an inline <script>, so
 * the HTML report draws its diagrams without the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let cached: string | undefined;

/** mermaid.min.js, made safe to place inside a <script> element. */
export function mermaidBundle(): string {
  if (cached === undefined) {
    const path = createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js');
    // Inside string and regex literals `<\/` equals `</`: the bundle cannot end its own <script>.
    cached = readFileSync(path, 'utf8').replace(/<(\/?)script/gi, '<\\$1script');
  }
  return cached;
}
