/**
 * Chat answers: reply when the bot is mentioned, or when a message in an enabled channel looks like a question the
 * knowledge base answers with high confidence. Never to bots or itself, at most once per message, with cooldowns
 * per user and per channel.
 */
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

export class ChatPolicy {
  private readonly lastByUser = new Map<string, number>();
  private readonly lastByChannel = new Map<string, number>();
  private readonly handled = new Set<string>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The question to answer, or null when the bot should stay quiet. Marks the message as handled. */
  question(m: IncomingMessage, botId: string, opts: ChatPolicyOptions): string | null {
    if (m.authorIsBot || m.authorId === botId || this.handled.has(m.id)) return null;
    const text = m.content.replace(new RegExp(`<@!?${botId}>`, 'g'), ' ').replace(/\s+/g, ' ').trim();
    if (!m.mentionsMe && !(opts.channels.has(m.channelId) && QUESTION.test(text))) return null;
    if (!text) return null;
    const t = this.now();
    const cooling = t - (this.lastByUser.get(m.authorId) ?? -Infinity) < opts.cooldownMs || (!m.mentionsMe && t - (this.lastByChannel.get(m.channelId) ?? -Infinity) < opts.cooldownMs);
    if (cooling) return null;
    this.remember(m.id);
    return text;
  }

  /** Whether an answer is worth posting: mentions always get one; unprompted answers need high confidence. */
  shouldPost(answer: Answer, mentioned: boolean, opts: ChatPolicyOptions): boolean {
    if (mentioned) return true;
    return answer.kind !== 'none' && answer.kind !== 'clarify' && answer.confidence >= opts.confidence;
  }

  /** Starts the cooldowns once an answer was actually sent. */
  answered(m: IncomingMessage): void {
    const t = this.now();
    this.lastByUser.set(m.authorId, t);
    this.lastByChannel.set(m.channelId, t);
  }

  private remember(id: string): void {
    this.handled.add(id);
    if (this.handled.size > 5000) this.handled.delete(this.handled.values().next().value!);
  }
}
