/** `npm run register`: sync the slash commands by hand (guild-scoped with DEV_GUILD_ID, global otherwise). */
import { REST } from 'discord.js';
import { commandDefinitions } from '../../commands/index.js';
import { ConfigError, loadDotenvFile, parseConfig } from '../config.js';
import { syncCommands } from './register.js';

const warning = loadDotenvFile();
if (warning) console.error(warning);
try {
  const config = parseConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_CLIENT_ID) {
    console.error('npm run register needs DISCORD_TOKEN and DISCORD_CLIENT_ID (see .env.example).');
    process.exit(1);
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const result = await syncCommands(rest, config.DISCORD_CLIENT_ID, commandDefinitions(), config.DEV_GUILD_ID);
  console.log(
    `${result.changed ? 'Updated' : 'Already up to date:'} ${result.scope} commands (${commandDefinitions().length} ` +
      `definitions).`,
  );
} catch (err) {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(`Registration failed: ${(err as Error).message}`);
  process.exit(1);
}
