/** Who may edit a server's knowledge: Manage Server, or the editor role set with /config. Checked in every handler. */
import { PermissionFlagsBits, type BaseInteraction } from 'discord.js';
import type { KnowledgeRepository } from '../storage/repository.js';

export async function isEditor(interaction: BaseInteraction, repo: KnowledgeRepository): Promise<boolean> {
  if (!interaction.guildId) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const role = (await repo.getSettings(interaction.guildId)).editorRoleId;
  const member = interaction.member;
  if (!role || !member) return false;
  const roles = member.roles;
  return Array.isArray(roles) ? roles.includes(role) : roles.cache.has(role);
}

export const NOT_EDITOR =
  'Only server moderators (Manage Server) or the editor role set with `/config` can change this server’s knowledge.';
