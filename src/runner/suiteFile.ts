/**
 * Loading a user's suite file (`--suite FILE`): a JavaScript or TypeScript module whose default
 * export is a suite (`defineSuite(...)`), the spec of one, or a function that is given the library
 * API and returns either, so that a file outside any package needs no import to resolve. A suite
 * file is code: cascade runs one only when the user names it on the command line (a counterexample
 * names its suite file, but replaying it does not run that file unasked).
 */
import { statSync, type Stats } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineSuite, isDefinedSuite, type Suite } from '../../properties/index.ts';
import { Refusal } from '../io/refusal.ts';
import { DefinitionError } from '../propertyLanguage/index.ts';

export const SUITE_FILE_EXTENSIONS = ['.js', '.mjs', '.ts', '.mts'] as const;

/** Whether a `--suite` value names a file rather than a built-in suite. */
export function isSuiteFile(value: string): boolean {
  return (SUITE_FILE_EXTENSIONS as readonly string[]).includes(extname(value)) || value.includes('/') || value.includes('\\');
}

/** What a suite file's default-export function is given: the library's definitions and helpers. */
export type SuiteApi = Record<string, unknown>;

let tsxRegistered = false;

async function importModule(path: string): Promise<Record<string, unknown>> {
  const url = pathToFileURL(resolve(path)).href;
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ERR_UNKNOWN_FILE_EXTENSION' || tsxRegistered) throw error;
    // A TypeScript suite file under plain node (the installed package): load it through tsx if present.
    try {
      const { register } = (await import('tsx/esm/api')) as { register: () => void };
      register();
      tsxRegistered = true;
    } catch {
      throw new Refusal(`--suite ${path}: a TypeScript suite file needs tsx (npm install tsx), or write the suite as a .mjs file`);
    }
    return (await import(`${url}?tsx`)) as Record<string, unknown>;
  }
}

/** Loads and checks a suite file; every problem is a Refusal of one line naming the file. */
export async function loadSuiteFile(path: string, api: SuiteApi): Promise<Suite> {
  if (!(SUITE_FILE_EXTENSIONS as readonly string[]).includes(extname(path)))
    throw new Refusal(`--suite ${path}: a suite file ends in ${SUITE_FILE_EXTENSIONS.join(', ')}`);
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch {
    throw new Refusal(`--suite ${path}: no such file`);
  }
  if (!stat.isFile()) throw new Refusal(`--suite ${path}: not a regular file`);
  let module: Record<string, unknown>;
  try {
    module = await importModule(path);
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(`--suite ${path}: could not be loaded: ${firstLine(error)}`);
  }
  try {
    let exported = module.default;
    if (exported === undefined) throw new DefinitionError('has no default export (export default defineSuite({ ... }))');
    if (typeof exported === 'function') exported = await (exported as (api: SuiteApi) => unknown)(api);
    const suite = isDefinedSuite(exported) ? exported : defineSuite(exported as never, path);
    return suite.file === undefined ? { ...suite, file: path } : suite;
  } catch (error) {
    if (error instanceof DefinitionError) throw new Refusal(`--suite ${path}: ${error.message}`);
    throw new Refusal(`--suite ${path}: its default export threw: ${firstLine(error)}`);
  }
}

/** What was thrown, in one line: an error's message, or the value itself. */
function firstLine(error: unknown): string {
  let text: string;
  if (error instanceof Error) text = error.message;
  else {
    try {
      text = typeof error === 'string' ? error : (JSON.stringify(error) ?? String(error));
    } catch {
      text = String(error);
    }
  }
  return text.split('\n')[0]!.slice(0, 300);
}
