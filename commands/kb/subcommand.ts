/**
 * The shape of one /kb subcommand module: its definition (options on the subcommand builder), its handler and the
 * buttons and modals it owns. index.ts composes them into the /kb command; none of these is a command on its own.
 */
import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  SlashCommandSubcommandBuilder,
} from 'discord.js';
import type { CommandContext } from '../../src/discord/command.js';

export interface KbSubcommand {
  name: string;
  description: string;
  /** Adds the subcommand's options (the name and description are set by index.ts). */
  options?(s: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
  /** Runs in a server, by an editor: the router checked both before this runs. */
  run(interaction: ChatInputCommandInteraction, ctx: CommandContext, guildId: string): Promise<unknown>;
  buttons?: Record<string, (interaction: ButtonInteraction, payload: string, ctx: CommandContext) => Promise<void>>;
  modals?: Record<string, (interaction: ModalSubmitInteraction, payload: string, ctx: CommandContext) => Promise<void>>;
}
