/** The CLI's JSON shape for one answer (field names are a contract with the evaluation tools). */
import type { Answer } from '../answer/types.js';
import { answerToMarkdown } from '../render/markdown.js';

export interface AnswerJson {
  kind: 'faq' | 'match' | 'device' | 'clarify' | 'none';
  faq: { id: string; title: string; score: number } | null;
  match: null | Record<string, unknown>;
  device: null | Record<string, unknown>;
  text: string;
  confidence: number;
  suggestions: { id: string; title: string }[];
  options?: { label: string; value: string }[];
}

function withoutFile<T extends { file: string }>(d: T): Omit<T, 'file'> {
  const { file: _file, ...rest } = d;
  return rest;
}

export function answerToJson(answer: Answer): AnswerJson {
  return {
    kind: answer.kind,
    faq: answer.kind === 'faq' ? { id: answer.topic.id, title: answer.topic.title, score: answer.score } : null,
    match: null,
    device: answer.kind === 'device' ? { ...withoutFile(answer.device), name: answer.name, assumedVariant: answer.assumedVariant, variants: answer.variants } : null,
    text: answerToMarkdown(answer),
    confidence: answer.confidence,
    suggestions: answer.kind === 'none' ? answer.suggestions.map(({ id, title }) => ({ id, title })) : [],
    ...(answer.kind === 'clarify' ? { options: answer.options } : {}),
  };
}
