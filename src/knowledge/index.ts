/**
 * Loads and checks the whole knowledge base: FAQ topics and devices. Problems are collected, never thrown one at a
 * time.
 */
import { KNOWLEDGE_DIR } from '../paths.js';
import { checkDevices, checkTopics } from './checks.js';
import type { Topic } from './faq-schema.js';
import { loadDevices, type KnownDevice } from './load-devices.js';
import { loadTopics } from './load-faq.js';
import { loadLexicon } from './load-lexicon.js';
import { loadOffTopic } from './load-off-topic.js';
import type { LexiconData } from './lexicon-schema.js';
import { KnowledgeError, type KnowledgeProblem } from './problems.js';

export type { Topic } from './faq-schema.js';
export type { KnownDevice } from './load-devices.js';
export type { Basis, Device, HeadphoneDevice, SourceClassId, SourceDevice, SourceOutput } from './device-schema.js';
export { BASES, SOURCE_CLASS_IDS } from './device-schema.js';
export type { LexiconData } from './lexicon-schema.js';
export { KnowledgeError, formatProblem, type KnowledgeProblem } from './problems.js';

/** The knowledge folder shipped with the project. */
export const DEFAULT_KNOWLEDGE_DIR = KNOWLEDGE_DIR;

export interface Knowledge {
  topics: Topic[];
  devices: KnownDevice[];
  /** The domain lexicon (knowledge/lexicon.yaml); absent means none. */
  lexicon?: LexiconData;
  /** Questions outside the scope (knowledge/off-topic.yaml), learnt as one "elsewhere" class. */
  offTopic?: string[];
}

export function loadKnowledgeWithProblems(root = DEFAULT_KNOWLEDGE_DIR): Knowledge & { problems: KnowledgeProblem[] } {
  const faq = loadTopics(root);
  const dev = loadDevices(root);
  const lex = loadLexicon(root);
  const off = loadOffTopic(root);
  const problems = [
    ...faq.problems,
    ...dev.problems,
    ...lex.problems,
    ...off.problems,
    ...checkTopics(faq.topics),
    ...checkDevices(dev.devices),
  ];
  return { topics: faq.topics, devices: dev.devices, lexicon: lex.lexicon, offTopic: off.offTopic, problems };
}

/** Loads the knowledge base or throws a KnowledgeError listing every problem (file, field, reason). */
export function loadKnowledge(root = DEFAULT_KNOWLEDGE_DIR): Knowledge {
  const { problems, ...knowledge } = loadKnowledgeWithProblems(root);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return knowledge;
}
