/**
 * `SHARDS=auto|N`: the bot as N shard processes under one manager (discord.js's ShardingManager), each process one
 * shard running the same entry point (src/main.ts, which sees it is a shard). Discord requires sharding past 2,500
 * servers; every shard shares the store (PostgreSQL with DATABASE_URL, or the one SQLite file on one machine). The
 * manager holds no knowledge and answers nothing: it starts, restarts and stops the shards.
 */
import { REST } from '@discordjs/rest';
import { Routes, ShardingManager } from 'discord.js';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';

/** The exit code a shard uses for a setting a restart will not cure (src/main.ts): the manager then stops all. */
const BAD_SETTING = 2;
/** Knobs: how long a shard may take to become ready, and the pause between shard starts (ms). */
export const SHARD_SPAWN = { timeoutMs: 60_000, delayMs: 5_500 } as const;

/** N, or Discord's recommended count for 'auto' (asked of DISCORD_API_URL when set, like every REST call). */
export async function shardCount(config: Config & { DISCORD_TOKEN: string }): Promise<number> {
  if (config.SHARDS === undefined) return 1;
  if (config.SHARDS !== 'auto') return config.SHARDS;
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, gateway.shards ?? 1);
}

/** The entry point each shard runs: this build's main (compiled .js, or .ts through tsx in development). */
function entryPoint(): { file: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const ts = here.endsWith('.ts');
  return {
    file: here.replace(/discord[\\/]shards\.(ts|js)$/, `main.${ts ? 'ts' : 'js'}`),
    execArgv: [...process.execArgv.filter((a) => !a.startsWith('--inspect')), ...(ts && !hasTsx() ? tsx : [])],
  };
}
const tsx = ['--import', 'tsx'];
/** This process already runs through tsx (`--import tsx`, or its loader by path): the shards inherit that. */
const hasTsx = () => process.execArgv.some((a) => /(^|[\\/])tsx([\\/]|$)/.test(a));

export interface ShardGroup {
  manager: ShardingManager;
  stop(): Promise<void>;
}

/** Starts every shard; resolves when all are ready. A shard that exits with BAD_SETTING stops the group. */
export async function startShards(
  config: Config & { DISCORD_TOKEN: string },
  logger: Logger,
  onFatal: (code: number) => void,
): Promise<ShardGroup> {
  const total = await shardCount(config);
  const { file, execArgv } = entryPoint();
  const manager = new ShardingManager(file, {
    token: config.DISCORD_TOKEN,
    totalShards: total,
    mode: 'process',
    respawn: true,
    execArgv,
  });
  const stop = async () => {
    manager.respawn = false;
    for (const shard of manager.shards.values()) shard.kill();
  };
  manager.on('shardCreate', (shard) => {
    logger.info({ shard: shard.id, of: total }, 'shard started');
    shard.on('death', (child) => {
      const code = 'exitCode' in child ? child.exitCode : null;
      logger.warn({ shard: shard.id, code }, 'shard exited');
      if (code === BAD_SETTING) {
        void stop().then(() => onFatal(BAD_SETTING));
      }
    });
  });
  await manager.spawn({ amount: total, delay: total > 1 ? SHARD_SPAWN.delayMs : 0, timeout: SHARD_SPAWN.timeoutMs });
  logger.info({ shards: total }, 'every shard ready');
  return { manager, stop };
}
