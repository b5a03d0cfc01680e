/**
 * The surface-neutral Answer: what the brain decided, with everything a surface needs to render it.
 * The console, the CLI and Discord all take this and only render it.
 */
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

export type Answer = FaqAnswer | ClarifyAnswer | NoneAnswer;
export type AnswerKind = Answer['kind'] | 'match' | 'device';
