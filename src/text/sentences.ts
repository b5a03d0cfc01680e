/**
 * Finds the question(s) inside a longer message: people paste a paragraph of context and put the actual question in
 * the middle ("first time posting… anyway: should my headphones go into the interface? thx").
 */
import { wordsPattern } from './patterns.js';
import { QUESTION_WORDS, contentTokens } from './tokens.js';

const OPENERS = /(?:so |ok |okay |anyway |but |and |also |basically |tl;?dr:? )*/.source;
const ASKING = wordsPattern([
  ...['is', 'are', 'do', 'does', 'did', 'can', 'could', 'should', 'would', 'will', 'what', 'whats', "what's"],
  ...['why', 'how', 'which', 'where', 'when', 'who', 'any', 'anyone', 'has', 'have'],
]).source.replace(/^\\b/, '');
const QUESTION_START = new RegExp(`^${OPENERS}${ASKING}`, 'i');

/** Splits text into sentences (on . ! ? ; and line breaks), keeping the punctuation. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?;])\s+|\n+|(?<=:)\s+(?=[A-Za-z])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** The sentences that look like questions, in order. Empty for short messages (the whole message is the question). */
export function questionSentences(text: string, minWords = 18): string[] {
  if (text.split(/\s+/).length < minWords) return [];
  // At most the last four: in a long post the question usually comes at the end, and each one costs a search.
  return sentences(text)
    .filter(
      (s) =>
        contentTokens(s).filter((t) => !QUESTION_WORDS.has(t)).length >= 3 &&
        (s.endsWith('?') || QUESTION_START.test(s)),
    )
    .slice(-4);
}
