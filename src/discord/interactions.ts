/**
 * Routes every interaction: slash commands, autocomplete, the context menu, buttons and modals. An exception in one
 * handler becomes a friendly ephemeral error; it never takes the bot down.
 */
import {
  MessageFlags,
  type ButtonInteraction,
  type Interaction,
  type ModalSubmitInteraction,
  type RepliableInteraction,
} from 'discord.js';
import { ANSWER_COMPONENTS, UNREADABLE } from './answer-components.js';
import type { AnyCommand, CommandContext, MessageCommand, SlashCommand } from './command.js';
import { NO_MENTIONS } from './reply.js';
import { refusal } from './preconditions.js';
import { StorageError } from '../storage/storage-errors.js';
import { STORE_DOWN } from './store-down.js';

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
        const allowed = command?.autocomplete && !(await refusal(interaction, command.requires, this.ctx.repo));
        await (allowed ? command.autocomplete!(interaction, this.ctx) : interaction.respond([]));
      } else if (interaction.isChatInputCommand()) {
        const command = this.slash.get(interaction.commandName);
        if (!command) throw new Error(`unknown command ${interaction.commandName}`);
        const refused = await refusal(interaction, command.requires, this.ctx.repo);
        if (refused) return void (await this.refuse(interaction, refused));
        await command.execute(interaction, this.ctx);
      } else if (interaction.isMessageContextMenuCommand()) {
        const command = this.message.get(interaction.commandName);
        if (!command) throw new Error(`unknown command ${interaction.commandName}`);
        await command.execute(interaction, this.ctx);
      } else if (interaction.isButton() || interaction.isModalSubmit()) {
        await this.component(interaction);
      }
    } catch (err) {
      const storeDown = err instanceof StorageError;
      this.ctx.logger[storeDown ? 'warn' : 'error'](
        { err, interaction: interaction.id, type: interaction.type },
        storeDown ? 'store unreachable; interaction refused' : 'interaction failed',
      );
      if (interaction.isRepliable()) {
        const content = storeDown
          ? STORE_DOWN
          : 'Sorry — something went wrong while answering that. Try again, or ask in other words.';
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

  /** The owner of this custom id (by prefix): a command module, or the answers' own components. */
  private owner<K extends 'buttons' | 'modals'>(kind: K, customId: string) {
    for (const owner of [...this.slash.values(), ANSWER_COMPONENTS]) {
      const handlers = owner[kind];
      if (!handlers) continue;
      for (const [prefix, handler] of Object.entries(handlers))
        if (customId.startsWith(prefix)) return { owner, handler, payload: customId.slice(prefix.length) };
    }
    return null;
  }

  private async refuse(interaction: RepliableInteraction, content: string): Promise<void> {
    await interaction.reply({ content, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
  }

  /** Every button and modal goes one way: find its owner, check the owner's requirements, run the handler. */
  private async component(interaction: ButtonInteraction | ModalSubmitInteraction): Promise<void> {
    const owned = this.owner(interaction.isButton() ? 'buttons' : 'modals', interaction.customId);
    if (!owned) return this.refuse(interaction, interaction.isButton() ? UNREADABLE.button : UNREADABLE.form);
    const refused = await refusal(interaction, owned.owner.requires, this.ctx.repo);
    if (refused) return this.refuse(interaction, refused);
    await (owned.handler as (i: typeof interaction, p: string, c: CommandContext) => Promise<void>)(
      interaction,
      owned.payload,
      this.ctx,
    );
  }
}
