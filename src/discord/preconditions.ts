/**
 * Declarative checks on a command (`requires: ['guild', 'editor']`), enforced once by the router for everything
 * the command owns: the slash command itself, its autocomplete, its buttons and its modals.
 */
import type { BaseInteraction } from 'discord.js';
import type { KnowledgeRepository } from '../storage/repository.js';
import { NOT_EDITOR, isEditor } from './editors.js';

/** `guild`: only inside a server. `editor`: Manage Server, or the editor role set with /config. */
export type Requirement = 'guild' | 'editor';

const REFUSALS: Record<Requirement, string> = {
  guild: 'Server knowledge lives in servers: use this command in a server.',
  editor: NOT_EDITOR,
};

/** The first requirement the interaction does not meet, as the message to show; null when all are met. */
export async function refusal(
  interaction: BaseInteraction,
  requires: readonly Requirement[] | undefined,
  repo: KnowledgeRepository,
): Promise<string | null> {
  for (const r of requires ?? []) {
    const met = r === 'guild' ? Boolean(interaction.guildId) : await isEditor(interaction, repo);
    if (!met) return REFUSALS[r];
  }
  return null;
}
