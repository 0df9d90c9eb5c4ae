#!/usr/bin/env bash
# The package as a user gets it: `npm pack`, the tarball installed into an empty directory, then the
# `cascade` command (--version, a short check over the suites), a script importing the library API,
# and a TypeScript file type-checked against the package's declarations. `npm run test:package`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root"
tarball=$(npm pack --silent --pack-destination "$work" | tail -1)
echo "packed $tarball ($(du -k "$work/$tarball" | cut -f1) kB)"
cd "$work"
npm init -y >/dev/null
npm install --no-audit --no-fund --prefer-offline "./$tarball" >/dev/null
echo "installed into an empty directory"

version=$(npx cascade --version)
expected="cascade $(node -p "require('$root/package.json').version")"
[ "$version" = "$expected" ] || { echo "npx cascade --version printed '$version', expected '$expected'"; exit 1; }
echo "npx cascade --version: $version"

set +e
npx cascade check --runs 50 > check.out 2> check.err
code=$?
set -e
tail -3 check.out
# 0: every expectation met; 1: some not (50 runs are fewer than a suite's budget). Anything else failed.
if [ "$code" -gt 1 ] || ! grep -q 'expectations met' check.out; then
  echo "npx cascade check --runs 50 exited $code"; cat check.err; exit 1
fi
[ -d counterexamples ] || { echo "npx cascade check wrote no counterexamples"; exit 1; }
echo "npx cascade check --runs 50: exit $code, $(find counterexamples -name '*.json' | wc -l) counterexamples"

cat > api.mjs <<'JS'
import { init, step, enabled, metrics, variant, defaultConfig, searchRandom, searchExhaustive, PROPERTIES, SUITES, defineProperty, defineSuite, selectPairs, runChecks, VERSION } from 'cascade';
const model = { config: defaultConfig('small'), protocol: variant('skype-2010') };
let state = init(model);
if (!enabled(state, model).some((e) => e.kind === 'tick')) throw new Error('no tick enabled');
state = step(state, model, { kind: 'tick' });
if (metrics(state).tick !== 1) throw new Error('step did not advance the tick');
const crash = searchRandom(model, PROPERTIES['no-client-crash'], SUITES[0].bounds, { runs: 200, seed: 1, maxEvents: 20 });
const held = searchExhaustive({ ...model, protocol: variant('fixed') }, PROPERTIES['consistent-directory'], SUITES[0].bounds, { horizon: 2, maxStates: 50_000, maxMemoryBytes: 2 ** 28 });
const suite = defineSuite({
  id: 'api-check',
  title: 'a suite defined through the installed package',
  kinds: ['crash'],
  properties: [defineProperty({ id: 'some-supernode', summary: 'a supernode serves at all times', always: (s) => (metrics(s).liveSupernodes > 0 ? null : 'no supernode serves') })],
  variants: { fixed: null },
});
const { results } = await runChecks(selectPairs([suite], {}), { budget: 'test', runs: 30, dir: 'api-counterexamples', update: false });
console.log(`library ${VERSION}: random ${crash.verdict}, exhaustive ${held.verdict}, user suite ${results[0].verdict}`);
JS
node api.mjs

cat > types.ts <<'TS'
import { defineProperty, searchRandom, type Property, type RandomResult } from 'cascade';
const p: Property = defineProperty({ id: 'typed', summary: 'typed', never: () => false, forMoreThan: 3 });
const f: typeof searchRandom = searchRandom;
export const used: [Property, typeof f, RandomResult | null] = [p, f, null];
TS
"$root/node_modules/.bin/tsc" --noEmit --strict --module nodenext --moduleResolution nodenext --target es2022 --types node --typeRoots "$root/node_modules/@types" types.ts
echo "types: a TypeScript file importing 'cascade' type-checks"
