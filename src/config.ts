/**
 * Configuration from the environment (and an optional .env file), validated by zod.
 * A missing or malformed value gives one clear line, never a stack trace; the token is never printed.
 */
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');
const blankToUndefined = (v: unknown) =>
  typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v;

export const ConfigSchema = z.object({
  DISCORD_TOKEN: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[\w-]+\.[\w-]+\.[\w-]+$/, 'does not look like a bot token (three dot-separated parts)')
      .optional(),
  ),
  DISCORD_CLIENT_ID: z.preprocess(blankToUndefined, snowflake.optional()),
  DEV_GUILD_ID: z.preprocess(blankToUndefined, snowflake.optional()),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  /** PostgreSQL for several shards or machines (postgres://user:password@host:5432/db); absent: SQLite in DATA_DIR. */
  DATABASE_URL: z.preprocess(
    blankToUndefined,
    z
      .url({
        protocol: /^postgres(ql)?$/,
        error: 'must be a postgres:// URL such as postgres://headroom@db:5432/headroom',
      })
      .optional(),
  ),
  LOG_LEVEL: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.toLowerCase()) : v),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  DISCORD_API_URL: z.preprocess(
    blankToUndefined,
    z.url({ protocol: /^https?$/, error: 'must be an http(s) URL such as http://127.0.0.1:8080/api' }).optional(),
  ),
  /**
   * Run the bot as N shard processes under one manager ('auto': Discord's recommended count). Absent: one process,
   * no sharding. Inside a shard process discord.js uses SHARDS for the shard's own id: see parseConfig.
   */
  SHARDS: z.preprocess(
    (v) => (typeof v === 'string' ? blankToUndefined(v.toLowerCase()) : v),
    z
      .union([z.literal('auto'), z.coerce.number().int().min(1).max(1024)], {
        error: 'must be "auto" or a whole number of shards from 1 to 1024',
      })
      .optional(),
  ),
  /**
   * Channels where the bot answers questions without being mentioned (comma-separated ids). Needs
   * MESSAGE_CONTENT_INTENT.
   */
  CHAT_CHANNEL_IDS: z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : (v ?? []),
    z.array(snowflake),
  ),
  /** Minimum confidence (0–1) for an unprompted chat answer. */
  CHAT_CONFIDENCE: z.preprocess(blankToUndefined, z.coerce.number().min(0).max(1).default(0.6)),
  /** Seconds between chat answers to the same user (and, separately, in the same channel). */
  CHAT_COOLDOWN_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3600).default(30)),
  /** true when the Message Content privileged intent is enabled in the developer portal. */
  MESSAGE_CONTENT_INTENT: z.preprocess(
    (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim().toLowerCase()) : v),
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'])
      .default('false')
      .transform((v) => ['true', '1', 'yes'].includes(v)),
  ),
});
export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads .env (if present) into process.env without overriding real environment variables. */
export function loadDotenvFile(path = '.env'): string | null {
  const result = loadDotenv({ path, quiet: true });
  const err = result.error as NodeJS.ErrnoException | undefined;
  if (err && err.code !== 'ENOENT')
    return `Could not read ${path}: ${err.message.split('\n')[0]}. Continuing with the environment only.`;
  return null;
}

/** True inside a shard process started by the sharding manager (discord.js sets SHARD_COUNT only there). */
export function isShardProcess(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SHARDING_MANAGER) && env.SHARD_COUNT !== undefined;
}

/** Parses configuration; throws ConfigError with one line per bad variable (values are never echoed). */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // a shard process started by the manager: SHARDS is discord.js's own (this shard's id), not a setting
  const { SHARDS: _own, ...rest } = env;
  const parsed = ConfigSchema.safeParse(isShardProcess(env) ? rest : env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
  throw new ConfigError(
    `Configuration problem: ${lines.join('; ')}. Fix it in .env or the environment (see .env.example).`,
  );
}
