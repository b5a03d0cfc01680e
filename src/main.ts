/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console.
 * Never crashes on a missing or malformed .env: it says what is wrong.
 */
import { ConfigError, isShardProcess, loadDotenvFile, parseConfig } from './config.js';
import { loadBrainOrExit } from './cli/load.js';
import { runConsole } from './cli/console.js';
import { createLogger } from './logger.js';

const envWarning = loadDotenvFile();
if (envWarning) console.error(envWarning);

/** Exit codes (README "Run it in production"): a service manager restarts on 1, and must not on 2. */
const EXIT = { fatal: 1, badSetting: 2 } as const;

/** A token was given (even one that does not parse): this is a deployment, and a bad setting must stop it. */
const tokenGiven = Boolean(process.env.DISCORD_TOKEN?.trim());

let config: ReturnType<typeof parseConfig> | null;
try {
  config = parseConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  if (tokenGiven) {
    console.error('Not starting the bot with a bad setting. Fix the variables above and start again.');
    process.exit(EXIT.badSetting);
  }
  console.error('Starting the local console instead.');
  config = null;
}

if (config?.DISCORD_TOKEN && config.SHARDS !== undefined && !isShardProcess()) {
  // The manager: starts SHARDS shard processes (each runs this file again as one shard) and holds no knowledge.
  const token = config.DISCORD_TOKEN;
  const { startShards } = await import('./discord/shards.js');
  const logger = createLogger(config.LOG_LEVEL, token);
  try {
    const group = await startShards({ ...config, DISCORD_TOKEN: token }, logger, (code) => process.exit(code));
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'stopping every shard');
      void group.stop().finally(() => process.exit(0));
    };
    process.once('SIGINT', () => shutdown('SIGINT'));
    process.once('SIGTERM', () => shutdown('SIGTERM'));
  } catch (err) {
    console.error(`Could not start the shards: ${(err as Error).message}`);
    process.exit(EXIT.fatal);
  }
} else if (config?.DISCORD_TOKEN) {
  const brain = await loadBrainOrExit();
  // discord.js is loaded only for the bot, so the console starts faster and smaller.
  const { startBot } = await import('./discord/bot.js');
  const { StorageError } = await import('./storage/storage-errors.js');
  const { backendName, openRepository } = await import('./storage/open.js');
  const logger = createLogger(config.LOG_LEVEL, config.DISCORD_TOKEN);
  let bot: ReturnType<typeof startBot>;
  try {
    const repo = await openRepository(config);
    logger.info({ storage: backendName(config) }, 'storage ready');
    bot = startBot({ config: { ...config, DISCORD_TOKEN: config.DISCORD_TOKEN }, brain, logger, repo });
  } catch (err) {
    if (!(err instanceof StorageError)) throw err;
    console.error(err.message);
    logger.debug({ err }, 'storage error');
    process.exit(EXIT.badSetting);
  }
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    void bot.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  try {
    await bot.ready;
  } catch (err) {
    console.error((err as Error).message);
    // A token Discord rejects will be rejected again: that is a setting to fix, not a failure to retry.
    process.exit((err as { tokenRejected?: boolean }).tokenRejected ? EXIT.badSetting : EXIT.fatal);
  }
} else {
  await runConsole(await loadBrainOrExit());
}
