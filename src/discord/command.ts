/** The shape of a command module (commands/*.ts): its definition, its handler and, where used, its autocomplete. */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Brains } from '../answer/brains.js';
import type { KnowledgeRepository } from '../storage/repository.js';
import type { Logger } from '../logger.js';
import type { QuestionLog } from './question-log.js';
import type { Guards } from './guards.js';
import type { Requirement } from './preconditions.js';

export interface CommandContext {
  /** Per-server brains: built-in knowledge plus that server's entries. */
  brains: Brains;
  repo: KnowledgeRepository;
  logger: Logger;
  /** Questions for the maintainers' statistics, written off the answer path. */
  questions: QuestionLog;
  /** Limits that protect members from repeated pings and counts from repeated clicks. */
  guards: Guards;
  /** Every command the bot serves (for /help). */
  commands: readonly AnyCommand[];
}

/** What every command module has: its definition, where it sits in registration and /help, and its /help line. */
interface CommandBase {
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  /** Place in registration and /help (lower first; default 100, then by name). */
  order?: number;
  /** One line for /help: what it does, with an example if it helps. Commands without one are not listed. */
  help?: string;
}

/** A button's handler: the custom id after its prefix is the payload (its state), parsed by the handler. */
export type ButtonHandler = (interaction: ButtonInteraction, payload: string, ctx: CommandContext) => Promise<void>;
export type ModalHandler = (interaction: ModalSubmitInteraction, payload: string, ctx: CommandContext) => Promise<void>;

/**
 * Buttons and modals, by custom-id prefix: a command's own, or the answers' (src/discord/answer-components.ts). The
 * router finds the owner by prefix and checks `requires` before any handler runs — one way for every component.
 */
export interface ComponentOwner {
  /** Checked by the router before the command, its autocomplete, buttons and modals run (see preconditions.ts). */
  requires?: readonly Requirement[];
  /** Buttons whose custom id starts with one of these prefixes ("kbimp:") belong to this owner. */
  buttons?: Record<string, ButtonHandler>;
  /** Modals whose custom id starts with one of these prefixes belong to this owner. */
  modals?: Record<string, ModalHandler>;
}

export interface SlashCommand extends CommandBase, ComponentOwner {
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}

export interface MessageCommand extends CommandBase {
  execute(interaction: MessageContextMenuCommandInteraction, ctx: CommandContext): Promise<void>;
}

export type AnyCommand = SlashCommand | MessageCommand;
