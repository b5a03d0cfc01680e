/**
 * The surface-neutral Answer: what the brain decided, with everything a surface needs to render it.
 * The console, the CLI and Discord all take this and only render it.
 */
import type { KnownDevice } from '../knowledge/index.js';

export interface TopicRef {
  id: string;
  title: string;
}

export interface FaqAnswer {
  kind: 'faq';
  topic: TopicRef & { body: string; sources: string[]; tags: string[] };
  related: TopicRef[];
  /** The search score of the topic (0…1). */
  score: number;
  confidence: number;
}

export interface ClarifyAnswer {
  kind: 'clarify';
  question: string;
  /** value: what to ask next (a device id, a topic id or a fuller question). */
  options: { label: string; value: string }[];
  confidence: number;
}

export interface NoneAnswer {
  kind: 'none';
  /** Why nothing was answered, in one friendly sentence. */
  reason: string;
  suggestions: (TopicRef & { score: number })[];
  confidence: number;
}

export interface DeviceRef {
  id: string;
  name: string;
  type: 'headphone' | 'source';
}

export interface DeviceAnswer {
  kind: 'device';
  device: KnownDevice;
  name: string;
  /** Set when the text named a family and its usual variant was assumed. */
  assumedVariant: boolean;
  /** The other variants of the same family. */
  variants: DeviceRef[];
  confidence: number;
}

export type Answer = FaqAnswer | ClarifyAnswer | NoneAnswer | DeviceAnswer;
export type AnswerKind = Answer['kind'];
