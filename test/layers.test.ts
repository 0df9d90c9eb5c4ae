/**
 * The house's one direction, over every file of src/ and the suites (properties/): each folder is a
 * layer, and a file imports only its own layer's files and those of layers below it, so no two
 * folders import each other and nothing imports upward. The report, a formatter, is to reach no
 * code that runs a search or steps the model, directly or through another file. docs/layout.md draws it.
 * There are no exceptions: every import against the direction, and every import by which the
 * report reaches stepping code, is named in the failure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The layers, lowest first: a file may import from its own layer and the ones before it. */
const LAYERS: readonly (readonly string[])[] = [
  ['src/version.ts', 'src/io/'],
  ['src/model/'],
  ['src/propertyLanguage/'],
  ['src/trace/'],
  ['src/parallel/'],
  ['src/engines/'],
  ['src/search/'],
  ['properties/'],
  ['src/results/'],
  ['src/report/'],
  ['src/runner/'],
  ['src/cli'],
  ['src/index.ts'],
];

/** Code a formatter must not reach: the engines, the model's step and the searches and replays built on it. */
const STEPPING = [
  /^src\/engines\//,
  /^src\/search\//,
  /^src\/runner\//,
  /^src\/parallel\//,
  /^src\/model\/(step|apply|tick|actions\/|enabled|effects)/,
  /^src\/trace\/build\.ts$/,
];

const SOURCES = ['src', 'properties'].flatMap((root) =>
  readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(ts|mjs)$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => join(root, f)),
);

/** Whether `file` belongs to layer member `p`: a folder (`x/`), a file, or both (`src/cli`: src/cli.ts and src/cli/). */
function memberOf(file: string, p: string): boolean {
  if (p.endsWith('/')) return file.startsWith(p);
  return file === p || file.startsWith(`${p}/`) || file === `${p}.ts`;
}

function layerOf(file: string): number {
  return LAYERS.findIndex((prefixes) => prefixes.some((p) => memberOf(file, p)));
}

/** The project files `file` imports, each marked when only its types are (static, re-exports, and `import()` with a literal). */
function importsOf(file: string): { target: string; typeOnly: boolean }[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { spec: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const typeOnly =
        clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && named !== null && named.length > 0 && named.every((e) => e.isTypeOnly)));
      found.push({ spec: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : null;
      found.push({ spec: node.moduleSpecifier.text, typeOnly: node.isTypeOnly || (named !== null && named.length > 0 && named.every((e) => e.isTypeOnly)) });
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      found.push({ spec: node.arguments[0].text, typeOnly: false });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ spec: node.argument.literal.text, typeOnly: true });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((f) => f.spec.startsWith('.')).map((f) => ({ target: relative('.', resolve(dirname(file), f.spec)), typeOnly: f.typeOnly }));
}

const imports = new Map(SOURCES.map((f) => [f, importsOf(f)]));
/** Every import, types too: what the direction is about. */
const graph = new Map([...imports].map(([f, list]) => [f, [...new Set(list.map((i) => i.target))]]));
/** The imports that load code when the file runs. */
const runtime = new Map([...imports].map(([f, list]) => [f, [...new Set(list.filter((i) => !i.typeOnly).map((i) => i.target))]]));

describe('one direction through the house', () => {
  it("knows every file's layer", () => {
    expect(SOURCES.length).toBeGreaterThan(150);
    expect(SOURCES.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it('no file imports a layer above its own', () => {
    const upward = SOURCES.flatMap((f) =>
      graph
        .get(f)!
        .filter((t) => layerOf(t) > layerOf(f))
        .map((t) => `${f} -> ${t}`),
    );
    expect(upward.sort()).toEqual([]);
  });

  it('no two folders of one layer import each other', () => {
    const member = (f: string) => LAYERS[layerOf(f)]!.find((p) => memberOf(f, p))!;
    const across = new Set(
      SOURCES.flatMap((f) =>
        graph
          .get(f)!
          .filter((t) => layerOf(t) === layerOf(f) && member(t) !== member(f))
          .map((t) => `${member(f)} -> ${member(t)}`),
      ),
    );
    const both = [...across].filter((edge) => across.has(edge.split(' -> ').reverse().join(' -> ')));
    expect(both).toEqual([]);
  });

  it('the report reaches no search, replay or model step, through any file', () => {
    const reaches = new Map<string, boolean>();
    const stepping = (f: string, path: Set<string> = new Set()): boolean => {
      if (STEPPING.some((re) => re.test(f))) return true;
      if (reaches.has(f)) return reaches.get(f)!;
      if (path.has(f)) return false;
      path.add(f);
      const found = (runtime.get(f) ?? []).some((t) => stepping(t, path));
      path.delete(f);
      reaches.set(f, found);
      return found;
    };
    // The report's imports of a file outside it that is stepping code or leads to some.
    const leaks = SOURCES.filter((f) => f.startsWith('src/report/')).flatMap((f) =>
      runtime
        .get(f)!
        .filter((t) => !t.startsWith('src/report/') && stepping(t))
        .map((t) => `${f} -> ${t}`),
    );
    expect(leaks.sort()).toEqual([]);
  });
});
