import Bottleneck from "bottleneck";
import { Redis } from "ioredis";

/**
 * GitHub's pacing for one installation, as Bottleneck groups keyed by installation id (Probot gives
 * each installation's Octokit `throttle.id = installationId`, and @octokit/plugin-throttling takes
 * `group.key(id)`): one busy installation waits on its own limiters only, never on another's.
 */
export interface Pacing {
  /** All requests: at most 10 at once per installation. */
  global: Bottleneck.Group;
  /** Writes and GraphQL: one at a time per installation, `writeGapMs` apart (GitHub asks about 1 s). */
  write: Bottleneck.Group;
  /** Writes that notify people (comments, reviews): `notificationGapMs` apart (3 s). */
  notifications: Bottleneck.Group;
  /** Set when the limiters live in Redis (shared by every replica); passed to the throttling plugin. */
  connection?: Bottleneck.IORedisConnection;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

export interface PacingConfig {
  /** Share the limiters across processes and machines through Redis (Bottleneck clustering). */
  redisUrl?: string;
  /** Prefix of the limiters' ids (Redis keys); tests use a unique one per run. */
  prefix?: string;
  writeGapMs?: number;
  notificationGapMs?: number;
  /** How long an idle installation's limiter is kept (Redis TTL); the plugin's default is 2 minutes. */
  idleTimeoutMs?: number;
}

type ScriptCallback = (error: Error | null, replies?: unknown) => void;
interface ScriptArgs {
  __scriptArgs__(name: string, id: string, args: unknown[], callback: ScriptCallback): unknown[];
}

/**
 * Bottleneck's Redis store recovers from two errors its Lua scripts raise on purpose: UNKNOWN_CLIENT
 * (this process's registration timed out, for instance after a long event-loop pause) by registering
 * again, and SETTINGS_KEY_NOT_FOUND (an idle limiter's keys expired) by recreating them. It compares
 * the error message exactly, and Redis 7 prefixes script errors with "ERR ", so neither recovery ever
 * ran: every paced request of that installation failed ("ERR UNKNOWN_CLIENT") until a restart
 * (SGrondin/bottleneck#205). This strips the prefix from those two messages, so the recovery runs.
 */
export function recoverableScriptErrors<Connection extends object>(connection: Connection): Connection {
  const scripts = connection as unknown as ScriptArgs;
  const original = scripts.__scriptArgs__.bind(connection);
  scripts.__scriptArgs__ = (name, id, args, callback) =>
    original(name, id, args, (error, replies) => {
      if (error && /^ERR (UNKNOWN_CLIENT|SETTINGS_KEY_NOT_FOUND)$/.test(error.message))
        error.message = error.message.slice(4);
      callback(error, replies);
    });
  return connection;
}

/** The plugin's own limits (@octokit/plugin-throttling), made shareable across replicas when Redis is there. */
export function createPacing(config: PacingConfig = {}): Pacing {
  const prefix = config.prefix ?? "apprentice";
  const connection = config.redisUrl
    ? recoverableScriptErrors(
        new Bottleneck.IORedisConnection({ client: new Redis(config.redisUrl, { maxRetriesPerRequest: null }) }),
      )
    : undefined;
  const common = { timeout: config.idleTimeoutMs ?? 120_000, ...(connection ? { connection } : {}) };
  return {
    global: new Bottleneck.Group({ id: `${prefix}-octokit-global`, maxConcurrent: 10, ...common }),
    write: new Bottleneck.Group({
      id: `${prefix}-octokit-write`,
      maxConcurrent: 1,
      minTime: config.writeGapMs ?? 1000,
      ...common,
    }),
    notifications: new Bottleneck.Group({
      id: `${prefix}-octokit-notifications`,
      maxConcurrent: 1,
      minTime: config.notificationGapMs ?? 3000,
      ...common,
    }),
    ...(connection ? { connection } : {}),
    close: async () => {
      if (connection) await connection.disconnect(true);
    },
  };
}

/** `REDIS_URL` set: pacing shared across replicas through Redis; unset: per-installation limiters in memory. */
export function pacingFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  gaps: Pick<PacingConfig, "writeGapMs" | "notificationGapMs"> = {},
): Pacing {
  const prefix = env.APPRENTICE_REDIS_PREFIX || env.APPRENTICE_QUEUE_PREFIX;
  return createPacing({
    ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
    ...(prefix ? { prefix } : {}),
    ...gaps,
  });
}
