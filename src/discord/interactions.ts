/**
 * Routes every interaction: slash commands, autocomplete, the context menu and buttons. An exception in one handler
 * becomes a friendly ephemeral error; it never takes the bot down.
 */
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ButtonInteraction,
  type Interaction,
  type ModalSubmitInteraction,
  type RepliableInteraction,
} from 'discord.js';
import type { AnyCommand, CommandContext, MessageCommand, SlashCommand } from './command.js';
import { decodeButton, encodeButton } from './custom-ids.js';
import { NO_MENTIONS, answerPayload } from './reply.js';
import { renderMath } from './render.js';
import { EMBED_LIMITS, clamp } from './limits.js';
import { refusal } from './preconditions.js';

export class InteractionRouter {
  private readonly slash = new Map<string, SlashCommand>();
  private readonly message = new Map<string, MessageCommand>();

  constructor(
    slash: SlashCommand[],
    message: MessageCommand[],
    private readonly ctx: CommandContext,
  ) {
    for (const c of slash) this.slash.set(c.data.name, c);
    for (const c of message) this.message.set(c.data.name, c);
  }

  get commands(): AnyCommand[] {
    return [...this.slash.values(), ...this.message.values()];
  }

  async handle(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isAutocomplete()) {
        const command = this.slash.get(interaction.commandName);
        const allowed = command?.autocomplete && !refusal(interaction, command.requires, this.ctx.repo);
        await (allowed ? command.autocomplete!(interaction, this.ctx) : interaction.respond([]));
      } else if (interaction.isChatInputCommand()) {
        const command = this.slash.get(interaction.commandName);
        if (!command) throw new Error(`unknown command ${interaction.commandName}`);
        const refused = refusal(interaction, command.requires, this.ctx.repo);
        if (refused) return void (await this.refuse(interaction, refused));
        await command.execute(interaction, this.ctx);
      } else if (interaction.isMessageContextMenuCommand()) {
        const command = this.message.get(interaction.commandName);
        if (!command) throw new Error(`unknown command ${interaction.commandName}`);
        await command.execute(interaction, this.ctx);
      } else if (interaction.isButton()) {
        await this.button(interaction);
      } else if (interaction.isModalSubmit()) {
        await this.modal(interaction);
      }
    } catch (err) {
      this.ctx.logger.error({ err, interaction: interaction.id, type: interaction.type }, 'interaction failed');
      if (interaction.isRepliable()) {
        const content = 'Sorry — something went wrong while answering that. Try again, or ask in other words.';
        try {
          if (interaction.deferred || interaction.replied)
            await interaction.followUp({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
          else await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
        } catch (inner) {
          this.ctx.logger.warn({ err: inner }, 'could not report the error to the user');
        }
      }
    }
  }

  /** A command module that owns this custom id (by prefix), if any. */
  private owner<K extends 'buttons' | 'modals'>(kind: K, customId: string) {
    for (const c of this.slash.values()) {
      const handlers = c[kind];
      if (!handlers) continue;
      for (const [prefix, handler] of Object.entries(handlers))
        if (customId.startsWith(prefix)) return { command: c, handler, payload: customId.slice(prefix.length) };
    }
    return null;
  }

  private async refuse(interaction: RepliableInteraction, content: string): Promise<void> {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  }

  private async button(interaction: ButtonInteraction): Promise<void> {
    const owned = this.owner('buttons', interaction.customId);
    if (owned) {
      const refused = refusal(interaction, owned.command.requires, this.ctx.repo);
      return refused ? this.refuse(interaction, refused) : owned.handler(interaction, owned.payload, this.ctx);
    }
    const action = decodeButton(interaction.customId);
    if (!action) {
      await interaction.reply({
        content: 'This button is from an older version of the bot. Ask again and it will work.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    const { stats, logger } = this.ctx;
    const brain = this.ctx.brains.for(interaction.guildId);
    if (action.kind === 'rephrase') {
      const input = new TextInputBuilder()
        .setCustomId('question')
        .setLabel('What did you want to know?')
        .setStyle(TextInputStyle.Paragraph)
        .setMinLength(3)
        .setMaxLength(1000)
        .setRequired(true);
      await interaction.showModal(
        new ModalBuilder()
          .setCustomId(encodeButton(action)!)
          .setTitle('Ask it differently')
          .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
      );
      return;
    }
    if (action.kind === 'faq') {
      await interaction.reply(answerPayload(brain.faq(action.id), { hide: true }));
    } else if (action.kind === 'math') {
      await interaction.reply({
        content: renderMath(brain.match(action.request)),
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
    } else {
      // Once per member per answer: more clicks on the same message do not count again.
      if (this.ctx.guards.firstClick(interaction.user.id, interaction.message.id)) {
        const count = stats.countNotWhatIAsked(action.answered);
        if (interaction.guildId) {
          try {
            this.ctx.repo.recordNotWhatIAsked(interaction.guildId, action.answered);
          } catch (err) {
            logger.warn({ err }, '"not what I asked" not saved');
          }
        }
        logger.info({ answered: action.answered, count }, 'not what I asked');
      }
      const asked = interaction.message.embeds[0]?.footer?.text.replace(/^You asked: /, '') ?? '';
      const hits = asked
        ? brain
            .rankTopics(asked, 6)
            .filter((h) => h.topic.id !== action.answered)
            .slice(0, 5)
        : [];
      const content = hits.length
        ? `Thanks — noted. Maybe one of ` +
          `these?\n${hits.map((h) => `• **${h.topic.title}** — \`/faq topic:${h.topic.id}\``).join('\n')}`
        : 'Thanks — noted. Try `/ask` with more detail (the exact headphones and source help), or `/help`.';
      const again = new ButtonBuilder()
        .setCustomId(encodeButton({ kind: 'rephrase', answered: action.answered })!)
        .setLabel('Ask it differently')
        .setStyle(ButtonStyle.Primary);
      await interaction.reply({
        content: clamp(content, EMBED_LIMITS.messageContent),
        components: [new ActionRowBuilder<ButtonBuilder>().addComponents(again)],
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
    }
  }

  /** The "Ask it differently" modal: the new wording is kept as a gap for the maintainers and answered privately. */
  private async modal(interaction: ModalSubmitInteraction): Promise<void> {
    const owned = this.owner('modals', interaction.customId);
    if (owned) {
      const refused = refusal(interaction, owned.command.requires, this.ctx.repo);
      return refused ? this.refuse(interaction, refused) : owned.handler(interaction, owned.payload, this.ctx);
    }
    const action = decodeButton(interaction.customId);
    const question = interaction.fields.getTextInputValue('question').trim().slice(0, 1000);
    if (action?.kind !== 'rephrase' || !question) {
      await interaction.reply({
        content: 'I could not read that form. Try `/ask` instead.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: NO_MENTIONS,
      });
      return;
    }
    this.ctx.stats.countUnanswered(question);
    if (interaction.guildId) this.ctx.questions.record(interaction.guildId, question, null);
    this.ctx.logger.info({ answered: action.answered }, 'question rephrased');
    await interaction.reply(
      answerPayload(this.ctx.brains.for(interaction.guildId).ask(question), { hide: true, asked: question }),
    );
  }
}
