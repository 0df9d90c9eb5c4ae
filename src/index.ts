/**
 * cascade as a library: `import { ... } from 'cascade'`. The API itself is src/runner/libraryApi.ts,
 * which a suite file's default-export function is given too.
 */
export * from './runner/libraryApi.ts';
