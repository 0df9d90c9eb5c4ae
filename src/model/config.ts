/**
 * Model parameters, validated by a schema so that a bad value gets one clear line naming the field.
 * One tick is about two seconds of protocol time. Two defaults: `small` (exhaustive search, minimal
 * counterexamples) and `population` (figures comparable with the public record).
 */
import { z } from 'zod';
import type { Checked } from '../io/checked.ts';
import { firstIssue } from './schemaIssue.ts';

/**
 * Upper bounds keep any valid configuration within stated work: the state is an array of peers,
 * supernode slots (eligible + megaSlots) and two queues, and every tick passes over them. The
 * population scale sits well inside. See docs/counterexamples.md, Bounds.
 */
export const CONFIG_LIMITS = {
  peers: 200_000,
  megaSlots: 10_000,
  hostCacheSize: 16,
  queueLimit: 1_000_000,
  /** Delays, intervals and timeouts, in ticks. */
  ticks: 1_000_000,
  /** Capacities, budgets and batch sizes. */
  amount: 1_000_000_000,
  /** Entries of the adversary's parameter lists. */
  choices: 100,
} as const;

const count = z.number().int().min(0).max(CONFIG_LIMITS.amount);
const positive = z.number().int().min(1).max(CONFIG_LIMITS.amount);
const ticks = z.number().int().min(1).max(CONFIG_LIMITS.ticks);
const percent = z.number().int().min(0).max(100);

/**
 * The schema of a model configuration; every field is required once defaults are merged in, except
 * the population-scale parameters added after the first release, which default to the values that switch them
 * off (the small scope's), so that files written before them still load and replay as they ran.
 */
export const ConfigSchema = z
  .object({
    /** Seed of the protocol PRNG (jitter, host-cache refresh, who a mass reboot hits). */
    seed: z.number().int().min(0).max(0xffffffff),
    /** Users (client peers), supernode hosts included. */
    peers: z.number().int().min(1).max(CONFIG_LIMITS.peers),
    /** Supernodes serving at the start: hosted by the first eligible peers. */
    supernodes: positive,
    /** Peers eligible for promotion (public IP, resources); the first `supernodes` of them host one. */
    eligible: positive,
    /** Share of peers on the `buggy` release, for the 2010 base (the 2007 base has none). */
    buggyReleasePercent: percent,
    /** Peers that do not want to be online at the start (room for `goOnline`). */
    offlineAtStart: count,
    /** Clients a peer-hosted supernode can hold. */
    supernodeCapacity: positive,
    /** Connect requests a peer-hosted supernode serves per tick. */
    supernodeBudget: positive,
    /** Slots for dedicated mega-supernodes the operator may add. */
    megaSlots: z.number().int().min(0).max(CONFIG_LIMITS.megaSlots),
    megaCapacity: positive,
    megaBudget: positive,
    /** Mega-supernodes the operator adds at once. */
    megaBatch: positive,
    /** Ticks of capacity shortfall before the operator's runbook adds mega-supernodes. */
    operatorDetectionTicks: ticks,
    /** Consecutive overloaded ticks after which a supernode shuts itself down (K). */
    overloadTicks: ticks,
    /** Ticks a supernode takes from shutdown or reboot until it serves again. */
    restartDelay: ticks,
    /** Ticks a rebooted machine takes until its client starts again. */
    rebootDelay: ticks,
    /** Ticks until a user restarts a crashed client. */
    userRestartDelay: ticks,
    /** Cost of a cheap rejection, in percent of an accepted connect (admission control). */
    rejectCostPercent: percent,
    /**
     * Connects' worth of its work budget that admission control keeps for cheap rejections: it
     * accepts at most budget minus this a tick (at least one), so rejecting does not overload it.
     */
    admissionReserve: count,
    /** Authentications the login server completes per tick. */
    loginCapacity: positive,
    /** Login queue bound; requests past it are dropped. */
    loginQueueLimit: z.number().int().min(1).max(CONFIG_LIMITS.queueLimit),
    /** Ticks a client waits for authentication before it gives up and retries. */
    authTimeout: ticks,
    /** Offline-message fetches the cluster answers per tick when healthy. */
    offlineCapacity: positive,
    offlineQueueLimit: z.number().int().min(1).max(CONFIG_LIMITS.queueLimit),
    /** Ticks after which an offline-message reply is late. */
    fetchDeadline: ticks,
    /** An online client re-syncs its offline messages every this many ticks (and once after login). */
    syncInterval: ticks,
    /** Host cache entries per client. */
    hostCacheSize: z.number().int().min(1).max(CONFIG_LIMITS.hostCacheSize),
    /** Fixed pause between login rounds of the 2007 client (no jitter, no growth). */
    retryInterval: ticks,
    /** Pause before the 2010 client reconnects (no backoff). */
    reconnectInterval: ticks,
    /** Full-jitter backoff: wait uniform in [1, min(cap, base * 2^retries)]. */
    backoffBase: ticks,
    backoffCap: ticks,
    /** Retry budget: quick attempts per login before a long pause. */
    retryBudget: positive,
    retryBudgetPause: ticks,
    /** Load-blind allocation (the 2007 defect) looks at the network every this many ticks. */
    promotionInterval: ticks,
    /** Most peers promoted at once. */
    promotionBatch: positive,
    /** Target utilisation in percent: promote when demand exceeds this share of capacity. */
    promotionThresholdPercent: z.number().int().min(1).max(100),
    /** Seconds of protocol time one tick stands for: what turns ticks into the record's hours. */
    tickSeconds: z.number().int().min(1).max(3_600).default(2),
    /**
     * Spread of peer-hosted supernodes' capacity and budget around the configured mean, in percent:
     * each slot draws a factor uniform in [1 - spread, 1 + spread] (machines differ, so they do not
     * all tip in the same tick). 0: every supernode alike.
     */
    capacitySpreadPercent: z.number().int().min(0).max(90).default(0),
    /**
     * 1: each peer's release and offline-message sync time are drawn at random, independent of the
     * cluster it sits in, and clients are placed on supernodes in proportion to capacity.
     * 0: releases and sync times spread evenly by peer index, clients round-robin (readable small runs).
     */
    randomPlacement: z.number().int().min(0).max(1).default(0),
    /**
     * Connect requests a client may send within one tick while its schedule says "try again at
     * once" (a retry delay of one tick): with coarse ticks, the retries that fit in one tick.
     */
    connectsPerTick: z.number().int().min(1).max(1_000).default(1),
    /** Failed attempts after which the user gives up for a while (0: never gives up). */
    giveUpAttempts: count.default(0),
    /** A user who gave up comes back after a time uniform in [1, comeBackTicks]. */
    comeBackTicks: ticks.default(1),
    /**
     * 1: a rebooted machine comes back as an ordinary client, and its supernode serves again only when
     * self-healing promotes it (the allocation must absorb "supernode rebooting"); 0: the supernode
     * restarts by itself after `restartDelay`.
     */
    rebootDemotes: z.number().int().min(0).max(1).default(0),
    /** The runbook's alarm also sounds when fewer than this share of users who want to be online are (0: never). */
    operatorAlarmPercent: percent.default(0),
    /** 1: when the operator's runbook acts, it also takes degraded offline-message servers out (0: never). */
    disableDegradedServers: z.number().int().min(0).max(1).default(0),
    /** Faults the adversary may inject in one run. */
    faultBudget: count,
    /** User actions (goOnline / goOffline) the adversary may take in one run. */
    churnBudget: count,
    /** Parameters the adversary may choose for `massReboot` (percent of peers). */
    massRebootPercents: z.array(z.number().int().min(1).max(100)).min(1).max(CONFIG_LIMITS.choices),
    /** Degradation levels for `degradeOfflineMessages`: capacity halves and latency grows per level. */
    degradeLevels: z.array(z.number().int().min(1).max(8)).min(1).max(CONFIG_LIMITS.choices),
    /** Counts for `addMegaSupernodes`. */
    megaCounts: z.array(positive).min(1).max(CONFIG_LIMITS.choices),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.eligible > c.peers) ctx.addIssue({ code: 'custom', path: ['eligible'], message: `must be at most peers (${c.peers})` });
    if (c.supernodes > c.eligible) ctx.addIssue({ code: 'custom', path: ['supernodes'], message: `must be at most eligible (${c.eligible})` });
    const clients = c.peers - c.supernodes - c.offlineAtStart;
    if (c.offlineCapacity * c.syncInterval < c.peers - c.offlineAtStart)
      ctx.addIssue({
        code: 'custom',
        path: ['offlineCapacity'],
        message: `leaves no steady state: ${c.peers - c.offlineAtStart} clients syncing every ${c.syncInterval} ticks need more than ${c.offlineCapacity} fetches per tick`,
      });
    if (clients > c.supernodes * c.supernodeCapacity)
      ctx.addIssue({
        code: 'custom',
        path: ['supernodeCapacity'],
        message: `leaves no steady state: ${clients} online clients exceed ${c.supernodes} supernodes x ${c.supernodeCapacity}`,
      });
    if (c.offlineAtStart > c.peers - c.supernodes)
      ctx.addIssue({ code: 'custom', path: ['offlineAtStart'], message: `must leave the supernode hosts online (at most ${c.peers - c.supernodes})` });
  });

export type Config = z.infer<typeof ConfigSchema>;

/** Small scope: 3 supernodes and 11 peers (7 clients online on 9 places), capacities of 1 to 8. */
export const smallConfig: Config = {
  seed: 1,
  peers: 11,
  supernodes: 3,
  eligible: 5,
  buggyReleasePercent: 50,
  offlineAtStart: 1,
  supernodeCapacity: 3,
  supernodeBudget: 2,
  megaSlots: 1,
  megaCapacity: 8,
  megaBudget: 4,
  megaBatch: 1,
  operatorDetectionTicks: 2,
  overloadTicks: 2,
  restartDelay: 8,
  rebootDelay: 2,
  userRestartDelay: 2,
  rejectCostPercent: 25,
  admissionReserve: 1,
  loginCapacity: 1,
  loginQueueLimit: 4,
  authTimeout: 3,
  offlineCapacity: 4,
  offlineQueueLimit: 8,
  fetchDeadline: 2,
  syncInterval: 4,
  hostCacheSize: 2,
  retryInterval: 2,
  reconnectInterval: 1,
  backoffBase: 2,
  backoffCap: 8,
  retryBudget: 3,
  retryBudgetPause: 8,
  promotionInterval: 4,
  promotionBatch: 1,
  promotionThresholdPercent: 80,
  tickSeconds: 2,
  capacitySpreadPercent: 0,
  randomPlacement: 0,
  connectsPerTick: 1,
  giveUpAttempts: 0,
  comeBackTicks: 1,
  rebootDemotes: 0,
  operatorAlarmPercent: 0,
  disableDegradedServers: 0,
  faultBudget: 2,
  churnBudget: 2,
  massRebootPercents: [50],
  degradeLevels: [3],
  megaCounts: [1],
};

/** Population scale: 100,000 users and 1,000 supernodes (1%), 94 clients each on average, 70% utilised; a tick is a minute. Values and sources: docs/outages.md, Calibration. */
export const populationConfig: Config = {
  ...smallConfig,
  tickSeconds: 60,
  peers: 100_000,
  supernodes: 1_000,
  eligible: 3_000,
  offlineAtStart: 5_000,
  supernodeCapacity: 135,
  supernodeBudget: 60,
  capacitySpreadPercent: 50,
  randomPlacement: 1,
  megaSlots: 20,
  megaCapacity: 3_000,
  megaBudget: 2_000,
  megaBatch: 1,
  operatorDetectionTicks: 120,
  overloadTicks: 3,
  restartDelay: 10,
  rebootDelay: 3,
  userRestartDelay: 5,
  loginCapacity: 2_000,
  loginQueueLimit: 4_000,
  authTimeout: 2,
  offlineCapacity: 6_000,
  offlineQueueLimit: 50_000,
  fetchDeadline: 1,
  syncInterval: 60,
  hostCacheSize: 8,
  retryInterval: 10,
  reconnectInterval: 1,
  backoffBase: 1,
  backoffCap: 2,
  retryBudgetPause: 10,
  promotionInterval: 30,
  promotionBatch: 50,
  connectsPerTick: 10,
  giveUpAttempts: 600,
  comeBackTicks: 2_400,
  rebootDemotes: 1,
  operatorAlarmPercent: 80,
  disableDegradedServers: 1,
  faultBudget: 4,
  churnBudget: 10_000,
};

export type Scale = 'small' | 'population';

/** The default configuration of a scale. */
export function defaultConfig(scale: Scale): Config {
  return structuredClone(scale === 'small' ? smallConfig : populationConfig);
}

export type { Checked };

/** Validates a (partial) configuration over a scale's defaults; an error is one line naming the field. */
export function parseConfig(input: unknown, scale: Scale = 'small'): Checked<Config> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'config: must be a JSON object' };
  }
  const merged = { ...defaultConfig(scale), ...input };
  const result = ConfigSchema.safeParse(merged);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: firstIssue(result.error, merged, 'config') };
}
