/**
 * The Discord bot: one discord.js Client, the same brain as the console. Logs in (through DISCORD_API_URL when set),
 * syncs its commands when they changed, answers interactions and chat questions, and shuts down cleanly.
 */
import { Client, Events, GatewayIntentBits, type Message } from 'discord.js';
import type { Brain } from '../answer/brain.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { commandDefinitions, messageCommands, slashCommands } from '../../commands/index.js';
import { ChatPolicy, type Reservation } from './chat.js';
import { InteractionRouter } from './interactions.js';
import { syncCommands, type SyncResult } from './register.js';
import { answerPayload, countAnswer, NO_MENTIONS } from './reply.js';
import { QuestionLog } from './question-log.js';
import { settingsOrDefaults } from './store-down.js';
import type { KnowledgeRepository } from '../storage/repository.js';
import { Guards } from './guards.js';
import { isTokenRejected, LoginError } from './login-error.js';
import { Brains } from '../answer/brains.js';
import { SqliteRepository } from '../storage/sqlite.js';
import { sqliteFile } from '../storage/open.js';
import type { CommandContext } from './command.js';

export interface Bot {
  client: Client;
  repo: KnowledgeRepository;
  /** Questions queued for the statistics (flush writes them now). */
  questions: QuestionLog;
  /** Resolves after login and the first command sync. */
  ready: Promise<SyncResult | null>;
  stop(): Promise<void>;
}

export interface BotOptions {
  config: Config & { DISCORD_TOKEN: string };
  brain: Brain;
  logger: Logger;
  /** Tests: fail fast instead of retrying. */
  restOptions?: { retries?: number; timeout?: number };
  /** The store (src/storage/open.ts picks it from the configuration); default: SQLite in DATA_DIR. */
  repo?: KnowledgeRepository;
}

export function createClient(config: Config, restOptions: BotOptions['restOptions'] = {}): Client {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (config.MESSAGE_CONTENT_INTENT) intents.push(GatewayIntentBits.MessageContent);
  return new Client({
    intents,
    // The client-wide default: nobody is pinged unless a reply explicitly allows one user.
    allowedMentions: NO_MENTIONS,
    rest: { ...(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}), ...restOptions },
  });
}

export function startBot({ config, brain, logger, restOptions, repo: given }: BotOptions): Bot {
  const client = createClient(config, restOptions);
  const repo = given ?? new SqliteRepository(sqliteFile(config.DATA_DIR));
  const brains = new Brains(brain.knowledge, repo, undefined, (err, guildId) =>
    logger.warn({ err, guildId }, 'server knowledge unreadable; answering from the last brain or the built-in one'),
  );
  const questions = new QuestionLog(repo, logger);
  const commands = [...slashCommands, ...messageCommands];
  const ctx: CommandContext = { brains, repo, logger, questions, guards: new Guards(), commands };
  const router = new InteractionRouter(slashCommands, messageCommands, ctx);
  const chat = new ChatPolicy();
  /** A server's chat settings (set with /config) over the environment's defaults. */
  const chatOptions = async (guildId: string | null) => {
    const s = await settingsOrDefaults(repo, guildId, logger);
    return {
      channels: new Set([...config.CHAT_CHANNEL_IDS, ...(s?.chatChannels ?? [])]),
      confidence: s?.confidence ?? config.CHAT_CONFIDENCE,
      cooldownMs: (s?.cooldownSeconds ?? config.CHAT_COOLDOWN_SECONDS) * 1000,
    };
  };

  client.on(Events.InteractionCreate, (interaction) => void router.handle(interaction));
  client.on(Events.MessageCreate, (message) => void onMessage(message));
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.Warn, (msg) => logger.warn(msg));

  async function onMessage(message: Message): Promise<void> {
    let reservation: Reservation | null = null;
    try {
      const me = client.user;
      if (!me) return;
      const incoming = {
        id: message.id,
        authorId: message.author.id,
        authorIsBot: message.author.bot,
        channelId: message.channelId,
        content: message.content,
        mentionsMe: message.mentions.users.has(me.id),
      };
      const opts = await chatOptions(message.guildId);
      const taken = chat.question(incoming, me.id, opts);
      if (!taken) return;
      reservation = taken.reservation;
      const answer = (await brains.for(message.guildId)).ask(taken.text);
      if (!chat.shouldPost(answer, incoming.mentionsMe, opts)) {
        chat.release(taken.reservation);
        return;
      }
      countAnswer(ctx, answer, taken.text, message.guildId);
      const { flags: _flags, ...payload } = answerPayload(answer, { asked: taken.text, logger });
      await message.reply({
        embeds: payload.embeds,
        components: payload.components,
        ...(payload.files ? { files: payload.files } : {}),
        allowedMentions: NO_MENTIONS,
      });
    } catch (err) {
      // Nothing was posted: the cooldown slot goes back.
      if (reservation) chat.release(reservation);
      logger.error({ err, message: message.id }, 'chat answer failed');
    }
  }

  const ready = new Promise<SyncResult | null>((resolve, reject) => {
    // biome-ignore lint/nursery/noMisusedPromises: the handler catches its own errors and rejects `ready` with them
    client.once(Events.ClientReady, async (c) => {
      logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, 'logged in');
      try {
        // with several shards, the first one keeps the commands in sync (they are the application's, not a shard's)
        if (c.shard && !c.shard.ids.includes(0)) return resolve(null);
        const appId = config.DISCORD_CLIENT_ID ?? c.application.id;
        const result = await syncCommands(c.rest, appId, commandDefinitions(), config.DEV_GUILD_ID);
        logger.info(result, result.changed ? 'commands updated' : 'commands already up to date');
        resolve(result);
      } catch (err) {
        logger.error({ err }, 'command sync failed; the bot keeps running with what is registered');
        resolve(null);
      }
    });
    client.login(config.DISCORD_TOKEN).catch((err: Error) => {
      logger.error({ err: { name: err.name, message: err.message } }, 'login failed');
      reject(new LoginError(`Could not log in to Discord: ${err.message}`, isTokenRejected(err)));
    });
  });

  return {
    client,
    repo,
    questions,
    ready,
    async stop() {
      await client.destroy();
      await questions.flush();
      await repo.close();
    },
  };
}
