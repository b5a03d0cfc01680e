/** Word-level helpers for search and understanding: stop words and a light stemmer. */
import { normalize } from './normalize.js';
import { EMPTY_LEXICON, type Lexicon } from './lexicon.js';

/** Function words that carry no topic meaning. Domain words like "in", "out", "vs" are kept where they matter. */
export const STOP_WORDS = new Set(
  `a an the and or but if then so of to for on at by with from as into onto about is are was were be been being am
   do does did doing done have has had having i me my mine you your yours we our us they them their it its this that
   these those there here which who whom whose when where can could should would will shall may might must
   just really very too also some each other another more most much many such own same than not no
   actually basically literally exactly honestly probably maybe kinda sorta gonna wanna gotta bit little lot lots
   yes please thanks thank hi hello hey guys anyone someone somebody something anything lol lmao pls plz u ur im ive
   get got getting go going want wanted know think thought like one ones make makes made take takes took
   tell explain help fix
   way thing things stuff kind sort well ok okay still even because since while over under again further out up down
   whether either neither both few s t d ll re ve`
    .split(/\s+/)
    .filter(Boolean),
);

/** Question words stay as tokens ("why get an interface" ≠ "what is an interface") but weigh little. */
export const QUESTION_WORDS = new Set(['what', 'why', 'how']);
export const QUESTION_WORD_WEIGHT = 0.35;

/** Light stemming so plurals and simple inflections match: "headphones" → "headphone", "impedances" → "impedance". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/**
 * Content words of a text, its phrases rewritten and words stemmed and mapped to their canonical synonym by the
 * lexicon (knowledge/lexicon.yaml), without stop words (duplicates kept in order).
 */
export function contentTokens(text: string, lexicon: Lexicon = EMPTY_LEXICON): string[] {
  const normalized = lexicon.rewrite(normalize(text));
  return contentTokensOf(normalized ? normalized.split(' ') : [], lexicon);
}

/** The same, from words already normalised and rewritten (so a caller that needs the words too normalises once). */
export function contentTokensOf(ws: readonly string[], lexicon: Lexicon = EMPTY_LEXICON): string[] {
  return ws
    .filter((w) => !STOP_WORDS.has(w))
    .map((w) => {
      const s = stem(w);
      return lexicon.canonical(w) ?? lexicon.canonical(s) ?? s;
    });
}
