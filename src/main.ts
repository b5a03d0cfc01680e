/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the local console.
 * Never crashes on a missing or malformed .env: it says what is wrong.
 */
import { ConfigError, loadDotenvFile, parseConfig } from './config.js';
import { loadBrainOrExit } from './cli/load.js';
import { runConsole } from './cli/console.js';

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
  console.error('DISCORD_TOKEN is set, but the Discord bot is not part of this build yet; starting the local console.');
}
await runConsole(brain);
