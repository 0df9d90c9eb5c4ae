/**
 * The common JUnit XML shape, checked strictly: a small parser for the XML subset cascade writes
 * (well-formed XML 1.0) and the rules of the Jenkins xUnit plugin's `junit-10.xsd`, children in the
 * stricter order of Ant's XML formatter. Used by the unit test of the writer and by the command-line
 * tests of `--junit`.
 */
import { expect } from 'vitest';

// ---------------------------------------------------------------------------------------------------
// A strict parser for the XML subset the report uses.

export interface Element {
  name: string;
  attributes: Record<string, string>;
  children: Element[];
  /** The element's own character data, references decoded (text of children not included). */
  text: string;
}

export const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
/** Every character XML 1.0 allows (its `Char` production). */
const CHAR = /^[\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const NAME = /[A-Za-z_:][-A-Za-z0-9._:]*/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Parses a document that starts with the UTF-8 declaration and holds elements, attributes, character
 * data and references only (no comments, CDATA, doctype or processing instructions, which the report
 * never writes). Throws on anything not well-formed: an illegal character, a bare `&` or `<`, an
 * unknown entity, `]]>` in text, a mismatched or unclosed tag, a repeated attribute, trailing content.
 * Line ends and attribute whitespace are normalized as XML 1.0 says, so a raw newline in an attribute
 * does not survive (it must be written as `&#10;`).
 */
export function parseXml(source: string): Element {
  if (!CHAR.test(source)) throw new Error('character not allowed in XML 1.0');
  if (!source.startsWith(DECLARATION)) throw new Error('missing or different XML declaration');
  const src = source.replace(/\r\n?/g, '\n');
  let i = DECLARATION.length;
  const fail = (what: string): never => {
    throw new Error(`${what} at offset ${i}: ${JSON.stringify(src.slice(i, i + 40))}`);
  };
  const space = (): boolean => {
    const start = i;
    while (i < src.length && ' \t\n'.includes(src[i])) i++;
    return i > start;
  };
  const name = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(src);
    if (m === null) fail('expected a name');
    i += m![0].length;
    return m![0];
  };
  const reference = (): string => {
    const end = src.indexOf(';', i);
    if (end < 0) fail('unterminated reference');
    const body = src.slice(i + 1, end);
    let c: string;
    if (/^#[0-9]+$/.test(body)) c = String.fromCodePoint(Number(body.slice(1)));
    else if (/^#x[0-9A-Fa-f]+$/.test(body)) c = String.fromCodePoint(parseInt(body.slice(2), 16));
    else if (body in NAMED) c = NAMED[body];
    else return fail('bad reference');
    if (!CHAR.test(c!)) fail('reference to a character not allowed in XML 1.0');
    i = end + 1;
    return c!;
  };
  const element = (): Element => {
    if (src[i] !== '<') fail('expected <');
    i++;
    const el: Element = { name: name(), attributes: {}, children: [], text: '' };
    for (;;) {
      const spaced = space();
      if (src.startsWith('/>', i)) {
        i += 2;
        return el;
      }
      if (src[i] === '>') {
        i++;
        break;
      }
      if (!spaced) fail('expected whitespace before an attribute');
      const key = name();
      space();
      if (src[i] !== '=') fail('expected =');
      i++;
      space();
      const quote = src[i];
      if (quote !== '"' && quote !== "'") fail('expected a quote');
      i++;
      let value = '';
      while (src[i] !== quote) {
        if (i >= src.length) fail('unterminated attribute value');
        if (src[i] === '<') fail('< in an attribute value');
        if (src[i] === '&') {
          value += reference();
        } else {
          const c = src[i++];
          value += ' \t\n'.includes(c) ? ' ' : c;
        }
      }
      i++;
      if (key in el.attributes) fail(`repeated attribute ${key}`);
      el.attributes[key] = value;
    }
    for (;;) {
      if (i >= src.length) fail(`unclosed <${el.name}>`);
      if (src.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== el.name) fail(`</${closing}> closes <${el.name}>`);
        space();
        if (src[i] !== '>') fail('expected >');
        i++;
        return el;
      }
      if (src[i] === '<') {
        if (src.startsWith('<!', i) || src.startsWith('<?', i)) fail('markup outside the subset');
        el.children.push(element());
      } else if (src[i] === '&') {
        el.text += reference();
      } else {
        if (src.startsWith(']]>', i)) fail(']]> in character data');
        el.text += src[i++];
      }
    }
  };
  space();
  const root = element();
  space();
  if (i !== src.length) fail('content after the root element');
  return root;
}

// ---------------------------------------------------------------------------------------------------
// The JUnit shape: junit-10.xsd, in Ant's order.

/** Attributes each element may carry (junit-10.xsd), and the ones it must. */
const ATTRIBUTES: Record<string, { allowed: string[]; required: string[] }> = {
  // junit-10.xsd declares no `skipped` (nor `disabled`, `timestamp`) on the root.
  testsuites: { allowed: ['name', 'time', 'tests', 'failures', 'errors'], required: ['name', 'time', 'tests', 'failures', 'errors'] },
  testsuite: {
    allowed: ['name', 'tests', 'failures', 'errors', 'group', 'time', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url'],
    required: ['name', 'tests', 'failures', 'errors', 'time'],
  },
  properties: { allowed: [], required: [] },
  property: { allowed: ['name', 'value'], required: ['name', 'value'] },
  testcase: { allowed: ['name', 'time', 'classname', 'group'], required: ['name', 'classname', 'time'] },
  failure: { allowed: ['message', 'type'], required: ['message', 'type'] },
  error: { allowed: ['message', 'type'], required: ['message'] },
  skipped: { allowed: ['message', 'type'], required: [] },
  'system-out': { allowed: [], required: [] },
  'system-err': { allowed: [], required: [] },
};

/**
 * Children each element may have, as a sequence of (name, how many at most) in the only order
 * allowed. junit-10.xsd allows any order within testsuite and testcase; Ant writes this one and some
 * readers expect it. A testcase may not hold `<properties>`: junit-10.xsd rejects it there.
 */
const CHILDREN: Record<string, [string, number][]> = {
  testsuites: [['testsuite', Infinity]],
  testsuite: [
    ['properties', 1],
    ['testcase', Infinity],
    ['system-out', 1],
    ['system-err', 1],
  ],
  properties: [['property', Infinity]],
  property: [],
  testcase: [
    ['skipped', 1],
    ['error', Infinity],
    ['failure', Infinity],
    ['system-out', 1],
    ['system-err', 1],
  ],
  failure: [],
  error: [],
  skipped: [],
  'system-out': [],
  'system-err': [],
};

/** Elements whose content is text; the others hold elements and whitespace only. */
const TEXTUAL = new Set(['failure', 'error', 'skipped', 'system-out', 'system-err']);

const COUNT = /^(0|[1-9][0-9]*)$/;
/** Seconds: a non-negative decimal (a strict case of junit-10.xsd's SUREFIRE_TIME). */
const TIME = /^[0-9]+(\.[0-9]+)?$/;

/** Throws unless `el` and all below it have the allowed names, attributes, children, order and text. */
export function checkShape(el: Element, path = el.name): void {
  const rule = ATTRIBUTES[el.name];
  if (rule === undefined) throw new Error(`${path}: unknown element`);
  for (const key of Object.keys(el.attributes)) if (!rule.allowed.includes(key)) throw new Error(`${path}: attribute ${key} not allowed`);
  for (const key of rule.required) if (!(key in el.attributes)) throw new Error(`${path}: attribute ${key} missing`);
  for (const key of ['tests', 'failures', 'errors', 'skipped']) {
    if (key in el.attributes && !COUNT.test(el.attributes[key])) throw new Error(`${path}: ${key}="${el.attributes[key]}" is not a count`);
  }
  if ('time' in el.attributes && !TIME.test(el.attributes.time)) throw new Error(`${path}: time="${el.attributes.time}" is not seconds`);
  if (!TEXTUAL.has(el.name) && el.text.trim() !== '') throw new Error(`${path}: text in element-only content`);
  const sequence = CHILDREN[el.name];
  let at = 0;
  let seen = 0;
  for (const child of el.children) {
    while (at < sequence.length && sequence[at][0] !== child.name) {
      at++;
      seen = 0;
    }
    if (at === sequence.length) throw new Error(`${path}: <${child.name}> not allowed here (children: ${el.children.map((c) => c.name).join(', ')})`);
    if (++seen > sequence[at][1]) throw new Error(`${path}: too many <${child.name}>`);
    checkShape(child, `${path} > ${child.name}`);
  }
}

export const ms = (seconds: string): number => Math.round(Number(seconds) * 1000);
export const all = (el: Element, name: string): Element[] => el.children.filter((c) => c.name === name);

/** Throws unless every count and time is the sum of what it counts. */
export function checkCounts(root: Element): void {
  const suites = all(root, 'testsuite');
  const sum = (key: string): number => suites.reduce((n, s) => n + Number(s.attributes[key]), 0);
  for (const s of suites) {
    const cases = all(s, 'testcase');
    const name = s.attributes.name;
    if (Number(s.attributes.tests) !== cases.length) throw new Error(`${name}: tests=${s.attributes.tests}, ${cases.length} testcases`);
    const failing = cases.filter((c) => all(c, 'failure').length > 0).length;
    if (Number(s.attributes.failures) !== failing) throw new Error(`${name}: failures=${s.attributes.failures}, ${failing} failing`);
    const erring = cases.filter((c) => all(c, 'error').length > 0).length;
    if (Number(s.attributes.errors) !== erring) throw new Error(`${name}: errors=${s.attributes.errors}, ${erring} in error`);
    const skipped = cases.filter((c) => all(c, 'skipped').length > 0).length;
    if ('skipped' in s.attributes && Number(s.attributes.skipped) !== skipped) throw new Error(`${name}: skipped=${s.attributes.skipped}, ${skipped} skipped`);
    const time = cases.reduce((n, c) => n + ms(c.attributes.time), 0);
    if (ms(s.attributes.time) !== time) throw new Error(`${name}: time=${s.attributes.time}, testcases take ${time} ms`);
  }
  for (const key of ['tests', 'failures', 'errors']) {
    if (Number(root.attributes[key]) !== sum(key)) throw new Error(`testsuites: ${key}=${root.attributes[key]}, testsuites add up to ${sum(key)}`);
  }
  const time = suites.reduce((n, s) => n + ms(s.attributes.time), 0);
  if (ms(root.attributes.time) !== time) throw new Error(`testsuites: time=${root.attributes.time}, testsuites take ${time} ms`);
}

/** Parses and checks a report; returns its root. */
export function validate(xml: string): Element {
  const root = parseXml(xml);
  expect(root.name).toBe('testsuites');
  checkShape(root);
  checkCounts(root);
  return root;
}

/**
 * Throws unless every testcase whose verdict holds says what it rests on: an exhaustive one its
 * states, the states where the adversary could act and the search's size (facts and sentence); a
 * random one its runs and coverage.
 */
export function checkHoldsStrength(root: Element): void {
  for (const c of all(root, 'testsuite').flatMap((s) => all(s, 'testcase'))) {
    const out = all(c, 'system-out')[0]?.text ?? '';
    if (!/^verdict: holds/m.test(out)) continue;
    const name = `${c.attributes.classname} ${c.attributes.name}`;
    const sentence = out.split('\n')[0]!;
    if (c.attributes.classname!.endsWith('.exhaustive')) {
      if (!/^states: \d+$/m.test(out) || !/^branchingStates: \d+$/m.test(out) || !/^searchSize: (trivial|small|large)$/m.test(out))
        throw new Error(`${name}: a holds without states, branchingStates and searchSize`);
      if (!/[\d,]+ states?, the adversary could act in/.test(sentence)) throw new Error(`${name}: the sentence does not say the states: ${sentence}`);
      const size = /^searchSize: (\w+)$/m.exec(out)![1];
      if (size !== 'large' && !sentence.includes(`${size} search`)) throw new Error(`${name}: a ${size} search not named so in the sentence: ${sentence}`);
    } else if (!/^runs: \d+$/m.test(out) || !/^coverage: \d+\/\d+$/m.test(out) || !/[\d,]+ runs, coverage \d+\/\d+/.test(sentence)) {
      throw new Error(`${name}: a holds without its runs and coverage`);
    }
  }
}
