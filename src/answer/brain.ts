/**
 * The brain: one object that every surface (console, CLI, Discord) asks. It owns the search index built from the
 * knowledge, and turns a question into an Answer.
 */
import type { Knowledge, KnownDevice, Topic } from '../knowledge/index.js';
import { topicDoc } from '../search/knowledge-docs.js';
import { TextIndex } from '../search/text-index.js';
import { DeviceFinder, type DeviceType } from '../search/device-finder.js';
import { deviceAnswer } from './device-answer.js';
import { answerFromUnderstanding, type Understanding } from './ask.js';
import { resolveMatch, type MatchRequest } from './match-request.js';
import { headphonesFor, sourcesFor, type ReverseResult } from './reverse.js';
import { THRESHOLDS } from './confidence.js';
import { DeviceClasses } from './classes.js';
import type { AnswerContext } from './context.js';
import { faqAnswer, noneAnswer } from './faq-answer.js';
import type { Answer } from './types.js';
import type { SearchHit } from '../search/types.js';
import { questionSentences } from '../understand/segments.js';

/** A question sentence found inside a long message scores a little below the same text asked on its own. */
const SENTENCE_DISCOUNT = 0.95;

export const MAX_QUESTION_LENGTH = 4000;

export class Brain {
  readonly topics: ReadonlyMap<string, Topic>;
  private readonly faqIndex: TextIndex<Topic>;
  readonly devices: DeviceFinder;
  readonly classes: DeviceClasses;
  private readonly context: AnswerContext;

  constructor(readonly knowledge: Knowledge) {
    this.topics = new Map(knowledge.topics.map((t) => [t.id, t]));
    const hoisted = [...knowledge.topics].sort((a, b) => Number(b.hoisted ?? false) - Number(a.hoisted ?? false));
    this.faqIndex = new TextIndex(hoisted.map(topicDoc)).prepare();
    this.devices = new DeviceFinder(knowledge.devices);
    this.devices.index.prepare();
    this.classes = new DeviceClasses(knowledge.devices);
    this.context = { finder: this.devices, topics: this.topics, classes: this.classes };
  }

  /** A device card for a name as people type it (or "which one?" when the name fits several). */
  device(name: string, type?: DeviceType): Answer {
    return deviceAnswer(this.devices.resolve(name.slice(0, 200), type), name, this.classes);
  }

  /** A drive check: named devices or raw figures, or an impedance-only question. */
  match(request: MatchRequest): Answer {
    return resolveMatch(request, this.context);
  }

  /** Which known sources drive these headphones (best headroom first). */
  sourcesFor(headphone: string, targetSpl = 110): ReverseResult {
    return sourcesFor(this.devices, headphone, targetSpl);
  }

  /** Which known headphones this source drives (best headroom first). */
  headphonesFor(source: string, targetSpl = 110): ReverseResult {
    return headphonesFor(this.devices, source, targetSpl);
  }

  /** Every device, optionally of one type, sorted by name. */
  listDevices(type?: DeviceType): KnownDevice[] {
    return this.knowledge.devices.filter((d) => !type || d.type === type).sort((a, b) => `${a.brand} ${a.model}`.localeCompare(`${b.brand} ${b.model}`));
  }

  /** Answers a free-text question. */
  ask(question: string): Answer {
    return this.askDetailed(question).answer;
  }

  /** Answers a free-text question and says what it understood (entities, device mentions, intent). */
  askDetailed(question: string): { answer: Answer; understanding: Understanding | null } {
    const text = question.slice(0, MAX_QUESTION_LENGTH);
    if (!text.trim()) return { answer: noneAnswer([], 'Ask me a question about headphones, audio interfaces, amps or connections.'), understanding: null };
    const { answer, understanding } = answerFromUnderstanding(text, this.context);
    return { answer: answer ?? this.faq(text), understanding };
  }

  /** Looks a question up among the FAQ topics only. */
  faq(query: string): Answer {
    const exact = this.topics.get(query.trim());
    if (exact) return faqAnswer(exact, 1, this.topics);
    const hits = this.searchTopics(query.slice(0, MAX_QUESTION_LENGTH), 5);
    const top = hits[0];
    if (top && top.score >= THRESHOLDS.answer && top.phraseCoverage >= THRESHOLDS.phraseCoverage) return faqAnswer(top.doc.payload, top.score, this.topics);
    return noneAnswer(hits);
  }

  /** Ranked topics for autocomplete. */
  completeTopics(prefix: string, limit = 25): Topic[] {
    return this.faqIndex.complete(prefix, { limit }).map((d) => d.payload);
  }

  /**
   * Ranked topics for a question. In a long message, each question sentence is also searched on its own and the
   * best-scoring reading wins (slightly discounted, since it ignores the context around it).
   */
  searchTopics(query: string, limit = 5): SearchHit<Topic>[] {
    let best = this.faqIndex.search(query, { limit });
    for (const sentence of questionSentences(query)) {
      const hits = this.faqIndex.search(sentence, { limit }).map((h) => ({ ...h, score: h.score * SENTENCE_DISCOUNT }));
      if ((hits[0]?.score ?? 0) > (best[0]?.score ?? 0)) best = hits;
    }
    return best;
  }
}
