/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console.
 * Never crashes on a missing or malformed .env: it says what is wrong.
 */
import { ConfigError, loadDotenvFile, parseConfig } from './config.js';
import { loadBrainOrExit } from './cli/load.js';
import { runConsole } from './cli/console.js';
import { createLogger } from './logger.js';

const envWarning = loadDotenvFile();
if (envWarning) console.error(envWarning);

let config;
try {
  config = parseConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  console.error('Starting the local console instead.');
  config = null;
}

const brain = loadBrainOrExit();
if (config?.DISCORD_TOKEN) {
  // discord.js is loaded only for the bot, so the console starts faster and smaller.
  const { startBot } = await import('./discord/bot.js');
  const logger = createLogger(config.LOG_LEVEL, config.DISCORD_TOKEN);
  const bot = startBot({ config: { ...config, DISCORD_TOKEN: config.DISCORD_TOKEN }, brain, logger });
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
    process.exit(1);
  }
} else {
  await runConsole(brain);
}
