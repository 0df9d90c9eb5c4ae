/**
 * Parameters as input: a config file (`--config FILE`, JSON) and `--set key=value` settings, merged
 * over a suite's or a scale's config and validated by the config schema, with one line naming the
 * key for every problem (unknown key, wrong type, infeasible combination, out of range).
 */
import { ConfigSchema, parseConfig, smallConfig, type Config, type Scale } from '../model/index.ts';
import { parseJson, readText } from '../io/readJson.ts';
import { duplicateKey } from '../io/duplicateKeys.ts';
import { shown } from '../io/printable.ts';
import { Refusal } from '../io/refusal.ts';

/** Parameter overrides, as the user gave them. */
export type Overrides = Partial<Config>;

/** The largest config file read. */
export const MAX_CONFIG_BYTES = 64 * 1024;

const KEYS = Object.keys(ConfigSchema.shape) as (keyof Config)[];

/** Where each override came from, as the user wrote it (`--set peers=1e3`, `--config my.json`), for messages. */
const SOURCES = new WeakMap<Overrides, Partial<Record<keyof Config, string>>>();

function knownKey(key: string, where: string): keyof Config {
  if (!(KEYS as string[]).includes(key)) throw new Refusal(`${where}: unknown parameter '${shown(key)}': parameters are ${KEYS.join(', ')}`);
  return key as keyof Config;
}

/** `key=value` settings: whole numbers, or comma-separated lists for the list parameters. */
export function parseSettings(settings: readonly string[]): Overrides {
  const out: Record<string, unknown> = {};
  const sources: Partial<Record<keyof Config, string>> = {};
  for (const setting of settings) {
    const at = setting.indexOf('=');
    if (at <= 0) throw new Refusal(`--set ${shown(setting)}: expected key=value, e.g. --set faultBudget=3`);
    const key = knownKey(setting.slice(0, at), `--set ${shown(setting)}`);
    const raw = setting.slice(at + 1);
    const list = Array.isArray(smallConfig[key]);
    const values = (list ? raw.split(',') : [raw]).map((v) => {
      if (!/^-?\d+(\.\d+)?(e\+?\d+)?$/i.test(v.trim()))
        throw new Refusal(`--set ${key}: expected ${list ? 'a comma-separated list of numbers' : 'a number'}, got '${shown(raw)}'`);
      return Number(v);
    });
    out[key] = list ? values : values[0];
    sources[key] = `--set ${shown(setting)}`;
  }
  SOURCES.set(out as Overrides, sources);
  return out as Overrides;
}

/** The overrides of a JSON config file: an object of known parameters (checked in full when merged). */
export function loadConfigFile(path: string): Overrides {
  const text = readText(path, MAX_CONFIG_BYTES);
  if (!text.ok) throw new Refusal(`--config ${text.error}`);
  const json = parseJson(text.value, path);
  if (!json.ok) throw new Refusal(`--config ${json.error}`);
  const value = json.value;
  const where = `--config ${shown(path, 200)}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Refusal(`${where}: must be a JSON object of parameters, e.g. { "faultBudget": 3 }`);
  for (const key of Object.keys(value)) knownKey(key, where);
  // JSON.parse keeps the last of two equal keys: a parameter given twice is a mistake, not a choice.
  const twice = duplicateKey(text.value);
  if (twice !== null) throw new Refusal(`${where}: parameter '${shown(twice)}' is given twice; give each parameter once`);
  SOURCES.set(value as Overrides, Object.fromEntries(Object.keys(value).map((k) => [k, where])));
  return value as Overrides;
}

/** `--config` first, then each `--set` in order. */
export function readOverrides(configFile: string | undefined, settings: readonly string[]): Overrides {
  const file = configFile === undefined ? {} : loadConfigFile(configFile);
  const set = parseSettings(settings);
  const merged = { ...file, ...set };
  SOURCES.set(merged, { ...SOURCES.get(file), ...SOURCES.get(set) });
  return merged;
}

/**
 * The effective config of `base` with the overrides, or a Refusal naming the first problem and
 * where it arose (`within`: the suite or scale whose config the overrides apply to).
 */
export function applyOverrides(base: Partial<Config>, overrides: Overrides, scale: Scale, within: string): Config {
  const checked = parseConfig({ ...base, ...overrides }, scale);
  if (checked.ok) return checked.value;
  // Name the setting the problem is about, as the user wrote it; else all of them.
  const key = /^config\.(\w+)/.exec(checked.error)?.[1] as keyof Config | undefined;
  const source = (key !== undefined && SOURCES.get(overrides)?.[key]) || describeOverrides(overrides);
  throw new Refusal(`${source}: ${checked.error} (on ${within})`);
}

/** The overrides as the user typed them (`--config my.json --set megaCounts=1,2`), or as they would be typed. */
export function describeOverrides(overrides: Overrides): string {
  const entries = Object.entries(overrides);
  if (entries.length === 0) return 'the defaults';
  const sources = SOURCES.get(overrides);
  const words = entries.map(([k, v]) => sources?.[k as keyof Config] ?? `--set ${k}=${Array.isArray(v) ? v.join(',') : String(v)}`);
  return [...new Set(words)].join(' ');
}

/** A file-name tag for the overrides (`faultBudget=3`); a hash when that would be long. */
export function overridesTag(overrides: Overrides): string {
  const tag = Object.keys(overrides)
    .sort()
    .map((k) => `${k}=${String((overrides as Record<string, unknown>)[k])}`)
    .join(',');
  if (tag.length <= 80) return tag;
  let h = 0x811c9dc5;
  for (let i = 0; i < tag.length; i++) h = Math.imul(h ^ tag.charCodeAt(i), 0x01000193) >>> 0;
  return `set-${h.toString(16).padStart(8, '0')}`;
}

/** What a reviewer thinks in, derived from a config: utilisation of supernode places, and the buggy share. */
export function derivedQuantities(config: Config): string {
  const clients = config.peers - config.supernodes - config.offlineAtStart;
  const places = config.supernodes * config.supernodeCapacity;
  return `utilisation ${Math.round((100 * clients) / places)}% (${clients} clients online on ${config.supernodes} supernodes x ${config.supernodeCapacity} places), buggy release ${config.buggyReleasePercent}% of peers (2010 base)`;
}
