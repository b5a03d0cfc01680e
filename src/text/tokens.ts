/** Word-level helpers for search and understanding: stop words and a light stemmer. */
import { words } from './normalize.js';

/** Function words that carry no topic meaning. Domain words like "in", "out", "vs" are kept where they matter. */
export const STOP_WORDS = new Set(
  `a an the and or but if then so of to for on at by with from as into onto about is are was were be been being am
   do does did doing done have has had having i me my mine you your yours we our us they them their it its this that
   these those there here what which who whom whose when where why how can could should would will shall may might must
   just really very too also any some all each every other another more most much many such only own same than not no
   yes please thanks thank hi hello hey guys anyone someone somebody something anything lol lmao pls plz u ur im ive
   get got getting go going make makes made want wanted need needs know think thought like use using used one ones
   way thing things stuff kind sort well ok okay still even because since while over under again further out up down
   whether either neither both few`.split(/\s+/).filter(Boolean),
);

/** Light stemming so plurals and simple inflections match: "headphones" → "headphone", "impedances" → "impedance". */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** Content words of a text, stemmed, without stop words (duplicates kept in order). */
export function contentTokens(text: string): string[] {
  return words(text)
    .filter((w) => !STOP_WORDS.has(w))
    .map(stem);
}
