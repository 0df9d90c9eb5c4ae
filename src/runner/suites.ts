/** The suites a `--suite` value names: all built-in ones, one of them by id, or a user's suite file. */
import { SUITES, type Suite } from '../../properties/index.ts';
import { selectSuites } from './select.ts';
import { isSuiteFile, loadSuiteFile as loadWithApi } from './suiteFile.ts';

export { propertiesOf } from '../../properties/index.ts';

/** Loads a suite file, giving its default-export function the library API (loaded only then: it imports every layer). */
export async function loadSuiteFile(path: string): Promise<Suite> {
  const api = (await import('./libraryApi.ts')) as Record<string, unknown>;
  return loadWithApi(path, api);
}

export async function suitesNamed(value: string | undefined): Promise<Suite[]> {
  if (value !== undefined && isSuiteFile(value)) return [await loadSuiteFile(value)];
  return selectSuites(SUITES, value);
}
