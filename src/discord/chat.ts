/**
 * Chat answers: reply when the bot is mentioned, or when a message in an enabled channel looks like a question the
 * knowledge base answers with high confidence. Never to bots or itself, at most once per message, with cooldowns
 * per user and per channel.
 */
import { LRUCache } from 'lru-cache';
import type { Answer } from '../answer/types.js';

export interface ChatPolicyOptions {
  channels: ReadonlySet<string>;
  confidence: number;
  cooldownMs: number;
}

export interface IncomingMessage {
  id: string;
  authorId: string;
  authorIsBot: boolean;
  channelId: string;
  content: string;
  mentionsMe: boolean;
}

const QUESTION = /\?\s*$|^(?:is|are|do|does|can|could|should|would|will|what|whats|what's|why|how|which|where|any)\b/i;

/** A reserved cooldown slot: kept when an answer is posted, given back when nothing is. */
export interface Reservation {
  readonly message: IncomingMessage;
  readonly priorUser: number | undefined;
  readonly priorChannel: number | undefined;
}

/** Knob: how many users, channels and message ids the policy remembers (least recently used go first). */
export const CHAT_MEMORY = 20_000;

export class ChatPolicy {
  private readonly lastByUser = new LRUCache<string, number>({ max: CHAT_MEMORY });
  private readonly lastByChannel = new LRUCache<string, number>({ max: CHAT_MEMORY });
  private readonly handled = new LRUCache<string, true>({ max: CHAT_MEMORY });

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * The question to answer with its cooldown slot reserved, or null when the bot should stay quiet. The slot is
   * taken before anything is answered, so a burst of messages gets one answer, not ten; call release() when nothing
   * is posted after all.
   */
  question(
    m: IncomingMessage,
    botId: string,
    opts: ChatPolicyOptions,
  ): { text: string; reservation: Reservation } | null {
    if (m.authorIsBot || m.authorId === botId || this.handled.has(m.id)) return null;
    const text = m.content
      .replace(new RegExp(`<@!?${botId}>`, 'g'), ' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (!m.mentionsMe && !(opts.channels.has(m.channelId) && QUESTION.test(text))) return null;
    if (!text) return null;
    const t = this.now();
    const priorUser = this.lastByUser.get(m.authorId);
    const priorChannel = this.lastByChannel.get(m.channelId);
    const cooling =
      t - (priorUser ?? -Infinity) < opts.cooldownMs ||
      (!m.mentionsMe && t - (priorChannel ?? -Infinity) < opts.cooldownMs);
    if (cooling) return null;
    this.handled.set(m.id, true);
    this.lastByUser.set(m.authorId, t);
    if (!m.mentionsMe) this.lastByChannel.set(m.channelId, t);
    return { text, reservation: { message: m, priorUser, priorChannel } };
  }

  /** Gives a reserved slot back (nothing was posted): the cooldowns are as they were before. */
  release(r: Reservation): void {
    const restore = (cache: LRUCache<string, number>, key: string, prior: number | undefined) => {
      if (prior === undefined) cache.delete(key);
      else cache.set(key, prior);
    };
    restore(this.lastByUser, r.message.authorId, r.priorUser);
    if (!r.message.mentionsMe) restore(this.lastByChannel, r.message.channelId, r.priorChannel);
  }

  /** Whether an answer is worth posting: mentions always get one; unprompted answers need high confidence. */
  shouldPost(answer: Answer, mentioned: boolean, opts: ChatPolicyOptions): boolean {
    if (mentioned) return true;
    return answer.kind !== 'none' && answer.kind !== 'clarify' && answer.confidence >= opts.confidence;
  }
}
