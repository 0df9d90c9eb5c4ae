/**
 * `npm run test:interrupts [COUNT]`: interrupts `cascade check --update` COUNT times (default 100) at
 * random moments and fails if any run left a temporary file or a damaged counterexample.
 */
import { interruptChecks } from './support/interrupts.ts';

const count = Number(process.argv[2] ?? 100);
const outcomes = await interruptChecks(count, 2026, 2500);
let bad = 0;
outcomes.forEach((o, i) => {
  const ok = o.leftovers.length === 0 && o.damaged.length === 0;
  if (!ok) bad++;
  console.log(
    `${String(i + 1).padStart(3)}. ${o.signal} after ${o.delayMs} ms: exit ${o.code}, ${o.files} files${o.leftovers.length ? `, LEFT ${o.leftovers.join(' ')}` : ''}${o.damaged.length ? `, DAMAGED ${o.damaged.join(' ')}` : ''}`,
  );
});
const interrupted = outcomes.filter((o) => o.code === 130 || o.code === 143).length;
console.log(`${count} runs: ${interrupted} interrupted (exit 130 or 143), ${count - interrupted} finished first; ${bad} left a temporary or damaged file`);
process.exitCode = bad === 0 && interrupted > 0 ? 0 : 1;
