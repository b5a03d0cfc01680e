/**
 * Sending answers: `hide` (ephemeral) and `mention` (ping exactly one user) on every command. Mentions are
 * allow-listed per reply: nothing but the one chosen user can ever be pinged — never @everyone, @here or roles.
 */
import {
  MessageFlags,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  type MessageContextMenuCommandInteraction,
  type User,
} from 'discord.js';
import type { Answer } from '../answer/types.js';
import { renderAnswer } from './render.js';
import type { CommandContext } from './command.js';

export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

type Repliable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

export interface ReplyOptions {
  hide?: boolean;
  mention?: User | null;
  /** A member the requester asked to ping but pinged moments ago: named without a ping. */
  heldMention?: User | null;
  asked?: string;
}

export function answerPayload(answer: Answer, opts: ReplyOptions): InteractionReplyOptions {
  const rendered = renderAnswer(answer, opts.asked);
  const mention = opts.mention && !opts.mention.bot ? opts.mention : null;
  const held = !mention && opts.heldMention ? `-# for ${opts.heldMention.username} (not pinged again so soon)` : null;
  return {
    ...(mention ? { content: `<@${mention.id}>` } : held ? { content: held } : {}),
    embeds: rendered.embeds,
    components: rendered.components,
    allowedMentions: mention ? { parse: [], users: [mention.id], repliedUser: false } : NO_MENTIONS,
    ...(opts.hide ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

/** Records what was answered for the maintainers' statistics. */
export function countAnswer(ctx: CommandContext, answer: Answer, asked: string, guildId?: string | null): void {
  const key = answer.kind === 'faq' ? answer.topic.id : answer.kind === 'none' ? null : answer.kind;
  if (guildId) ctx.questions.record(guildId, asked, key);
}

export async function replyWith(interaction: Repliable, answer: Answer, opts: ReplyOptions): Promise<void> {
  const payload = answerPayload(answer, opts);
  if (interaction.deferred) {
    const { flags: _flags, ...rest } = payload;
    await interaction.editReply(rest);
  } else await interaction.reply(payload);
}

/**
 * The standard options every command has. `mention` pings its member at most once per cooldown per requester
 * (ctx.guards): a repeat within it still answers, without the ping, and says so.
 */
export function commonOptions(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
): { hide: boolean; mention: User | null; heldMention: User | null } {
  const hide = interaction.options.getBoolean('hide') ?? false;
  const wanted = interaction.options.getUser('mention');
  if (!wanted || wanted.bot) return { hide, mention: null, heldMention: null };
  return ctx.guards.mayPing(interaction.user.id, wanted.id)
    ? { hide, mention: wanted, heldMention: null }
    : { hide, mention: null, heldMention: wanted };
}
