/**
 * The brain: one object that every surface (console, CLI, Discord) asks. It owns the search index built from the
 * knowledge, and turns a question into an Answer.
 */
import { DEFAULT_TARGET_SPL } from '../engine/index.js';
import type { Knowledge, KnownDevice, Topic } from '../knowledge/index.js';
import { TopicRanker, type RankedTopic } from '../search/topic-ranker.js';
import { Lexicon } from '../text/lexicon.js';
import { guessLanguage } from '../text/language.js';
import { DeviceFinder, type DeviceType } from '../search/device-finder.js';
import { gearWords } from '../search/gear-words.js';
import { deviceAnswer } from './device-answer.js';
import { answerFromUnderstanding } from './ask.js';
import type { Understanding } from '../understand/message.js';
import { resolveMatch } from './match-request.js';
import { headphonesFor, sourcesFor, type ReverseResult } from './reverse.js';
import { decide } from './confidence.js';
import { DeviceClasses } from './classes.js';
import type { AnswerContext } from './context.js';
import { ALTERNATIVES, faqAnswer, noneAnswer } from './faq-answer.js';
import type { Answer, MatchRequest } from './types.js';

export const MAX_QUESTION_LENGTH = 4000;

const LANGUAGE_NAMES = {
  de: 'German',
  fr: 'French',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  nl: 'Dutch',
} as const;

export class Brain {
  readonly topics: ReadonlyMap<string, Topic>;
  private readonly ranker: TopicRanker;
  readonly devices: DeviceFinder;
  readonly lexicon: Lexicon;
  readonly classes: DeviceClasses;
  private readonly context: AnswerContext;
  private readonly gear: ReadonlySet<string>;

  /**
   * `shared`: another brain (the built-in one) whose device indexes this one reuses when both hold the very same
   * device list — a server whose entries are only FAQ topics costs its own topic ranker, not a second device index.
   */
  constructor(
    readonly knowledge: Knowledge,
    shared?: Brain,
  ) {
    this.topics = new Map(knowledge.topics.map((t) => [t.id, t]));
    const hoisted = [...knowledge.topics].sort((a, b) => Number(b.hoisted ?? false) - Number(a.hoisted ?? false));
    const same = shared?.knowledge.devices === knowledge.devices ? shared : undefined;
    this.lexicon = same && same.knowledge.lexicon === knowledge.lexicon ? same.lexicon : new Lexicon(knowledge.lexicon);
    this.gear = same?.gear ?? gearWords(knowledge.devices);
    this.ranker = new TopicRanker(hoisted, this.lexicon, {}, knowledge.offTopic ?? [], {}, this.gear);
    if (same) {
      this.devices = same.devices;
      this.classes = same.classes;
    } else {
      this.devices = new DeviceFinder(knowledge.devices);
      this.devices.index.prepare();
      this.classes = new DeviceClasses(knowledge.devices);
    }
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
  sourcesFor(headphone: string, targetSpl = DEFAULT_TARGET_SPL): ReverseResult {
    return sourcesFor(this.devices, headphone, targetSpl);
  }

  /** Which known headphones this source drives (best headroom first). */
  headphonesFor(source: string, targetSpl = DEFAULT_TARGET_SPL): ReverseResult {
    return headphonesFor(this.devices, source, targetSpl);
  }

  /** Every device, optionally of one type, sorted by name. */
  listDevices(type?: DeviceType): KnownDevice[] {
    return this.knowledge.devices
      .filter((d) => !type || d.type === type)
      .sort((a, b) => `${a.brand} ${a.model}`.localeCompare(`${b.brand} ${b.model}`));
  }

  /** Answers a free-text question. */
  ask(question: string): Answer {
    return this.askDetailed(question).answer;
  }

  /** Answers a free-text question and says what it understood (entities, device mentions, intent). */
  askDetailed(question: string): { answer: Answer; understanding: Understanding | null } {
    const text = question.slice(0, MAX_QUESTION_LENGTH);
    if (!text.trim())
      return {
        answer: noneAnswer([], 'Ask me a question about headphones, audio interfaces, amps or connections.'),
        understanding: null,
      };
    const { answer, understanding } = answerFromUnderstanding(text, this.context);
    if (answer) return { answer, understanding };
    const language = guessLanguage(text);
    if (language !== 'en') {
      // Figures and device names are computed in any language; topics are answered in English only.
      const ranked = this.ranker.rank(text, 5).ranked;
      return {
        answer: noneAnswer(
          ranked,
          `I answer in English for now (this looks like ${LANGUAGE_NAMES[language]}). The closest topics are below — ` +
            `or ask again in English.`,
        ),
        understanding,
      };
    }
    return { answer: this.faq(text), understanding };
  }

  /** Looks a question up among the FAQ topics only. */
  faq(query: string): Answer {
    const exact = this.topics.get(query.trim());
    if (exact) return faqAnswer(exact, 1, this.topics);
    const ranked = this.ranker.rank(query.slice(0, MAX_QUESTION_LENGTH), 1 + ALTERNATIVES);
    const decision = decide(ranked);
    const top = ranked.ranked[0];
    if (decision.answer && top)
      return faqAnswer(top.topic, decision.confidence, this.topics, ranked.ranked, decision.certain);
    return noneAnswer(ranked.ranked, undefined, decision.confidence);
  }

  /** Ranked topics for autocomplete. */
  completeTopics(prefix: string, limit = 25): Topic[] {
    return this.ranker.phrase.complete(prefix, { limit }).map((d) => d.payload);
  }

  /** Ranked topics for a question (all rankers fused), best first. */
  rankTopics(query: string, limit = 5): RankedTopic[] {
    return this.ranker.rank(query.slice(0, MAX_QUESTION_LENGTH), limit).ranked;
  }
}
