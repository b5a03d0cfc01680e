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
import type { Logger } from '../logger.js';
import { chartOf } from '../answer/chart.js';
import { chartAttachment } from './chart-attachment.js';

export const NO_MENTIONS = { parse: [] as never[], repliedUser: false };

type Repliable = ChatInputCommandInteraction | MessageContextMenuCommandInteraction;

export interface ReplyOptions {
  hide?: boolean;
  mention?: User | null;
  /** A member the requester asked to ping but pinged moments ago: named without a ping. */
  heldMention?: User | null;
  asked?: string;
  /** Attach a drive check's headroom chart (default true; `chart:false` on /ask and /match turns it off). */
  chart?: boolean;
  /** Where a chart that could not be drawn is reported (the answer goes out without it). */
  logger?: Pick<Logger, 'warn'>;
}

export function answerPayload(answer: Answer, opts: ReplyOptions): InteractionReplyOptions {
  const rendered = renderAnswer(answer, opts.asked);
  const chart = opts.chart === false ? null : chartOf(answer);
  const attached = chart ? chartAttachment(chart, opts.logger) : null;
  if (attached) rendered.embeds[0]?.setImage(attached.url);
  const mention = opts.mention && !opts.mention.bot ? opts.mention : null;
  const held = !mention && opts.heldMention ? `-# for ${opts.heldMention.username} (not pinged again so soon)` : null;
  return {
    ...(mention ? { content: `<@${mention.id}>` } : held ? { content: held } : {}),
    embeds: rendered.embeds,
    components: rendered.components,
    ...(attached ? { files: [attached.file] } : {}),
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
): Pick<ReplyOptions, 'hide' | 'chart' | 'logger'> & { mention: User | null; heldMention: User | null } {
  const hide = interaction.options.getBoolean('hide') ?? false;
  // only /ask and /match declare `chart`; elsewhere the option is absent and reads null
  const chart = interaction.options.getBoolean('chart') ?? true;
  const base = { hide, chart, logger: ctx.logger };
  const wanted = interaction.options.getUser('mention');
  if (!wanted || wanted.bot) return { ...base, mention: null, heldMention: null };
  return ctx.guards.mayPing(interaction.user.id, wanted.id)
    ? { ...base, mention: wanted, heldMention: null }
    : { ...base, mention: null, heldMention: wanted };
}
