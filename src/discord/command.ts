/** The shape of a command module (commands/*.ts): its definition, its handler and, where used, its autocomplete. */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Brain } from '../answer/brain.js';
import type { Logger } from '../logger.js';
import type { Stats } from './stats.js';

export interface CommandContext {
  brain: Brain;
  logger: Logger;
  stats: Stats;
}

export interface SlashCommand {
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}

export interface MessageCommand {
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  execute(interaction: MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void>;
}

export type AnyCommand = SlashCommand | MessageCommand;
