/**
 * Variant words in a device name: impedance variants ("80 ohm"), generations ("gen 3", "3rd gen", "g3"),
 * mark numbers ("mk2", "mkii", "mark ii"), regions ("us", "eu"), years ("2021 and later", "before 2021", "2016"). Used
 * to pick the right member of a family.
 */
import { normalize } from '../text/normalize.js';

export interface VariantWords {
  ohms: number[];
  generation?: number;
  mark?: number;
  region?: 'us' | 'eu';
  /** A year in the text ("macbook pro 2019"); in a label, the years it covers (from ≤ year < until). */
  year?: number;
  years?: { from: number; until: number };
  /** Bare numbers, which may be impedances ("dt770 250") or model numbers. */
  numbers: number[];
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5 };
const ORDINAL = /^(\d)(?:st|nd|rd|th)$/;
const YEAR = /\b((?:19|20)\d\d)\b/;
const YEAR_AND_LATER = /\b((?:19|20)\d\d) (?:and|or) (?:later|newer)\b/;
const BEFORE_YEAR = /\b(?:before|pre) ((?:19|20)\d\d)\b/;

export function variantWords(text: string): VariantWords {
  const n = ` ${normalize(text)} `;
  const out: VariantWords = { ohms: [], numbers: [] };
  for (const m of n.matchAll(/(\d+(?:\.\d+)?)\s*(?:ohms?|ohm|Ω)\b/g)) out.ohms.push(Number(m[1]));
  const gen = /\b(?:gen(?:eration)?\s*(\d)|(\d)(?:st|nd|rd|th)?\s*gen(?:eration)?|g(\d))\b/.exec(n);
  if (gen) out.generation = Number(gen[1] ?? gen[2] ?? gen[3]);
  const mark = /\b(?:mk|mark|mkii|mk\s*)(?:\s*)(\d|i{1,3}|iv|v)?\b/.exec(
    n.replace(/\bmkii\b/g, 'mk 2').replace(/\bmkiii\b/g, 'mk 3'),
  );
  if (mark) out.mark = mark[1] ? (ROMAN[mark[1]] ?? Number(mark[1])) : 2;
  if (/\b(?:us|usa|american)\b/.test(n)) out.region = 'us';
  else if (/\b(?:eu|europe|european|uk)\b/.test(n)) out.region = 'eu';
  const year = YEAR.exec(n);
  if (year) {
    const y = Number(year[1]);
    out.year = y;
    const from = YEAR_AND_LATER.exec(n);
    const until = BEFORE_YEAR.exec(n);
    if (from) out.years = { from: Number(from[1]), until: Infinity };
    else if (until) out.years = { from: -Infinity, until: Number(until[1]) };
    else out.years = { from: y, until: y + 1 };
  }
  for (const m of n.matchAll(/\b(\d{2,4})\b/g)) out.numbers.push(Number(m[1]));
  for (const w of n.trim().split(' ')) {
    const o = ORDINAL.exec(w);
    if (o && out.generation === undefined && /gen/.test(n)) out.generation = Number(o[1]);
  }
  return out;
}

/**
 * How well a variant label (e.g. "250 Ω", "4th Gen", "MKII", "US model") agrees with the words: +1 match, −1 conflict,
 * 0 silent.
 */
export function variantAgreement(label: string, words: VariantWords): number {
  const v = variantWords(label);
  let score = 0;
  if (v.ohms.length) {
    const wanted = words.ohms.length ? words.ohms : words.numbers;
    if (wanted.some((o) => v.ohms.includes(o))) score += 1;
    else if (words.ohms.length) score -= 1;
  }
  if (v.generation !== undefined && words.generation !== undefined) score += v.generation === words.generation ? 1 : -1;
  if (v.mark !== undefined) score += words.mark === v.mark ? 1 : words.mark !== undefined ? -1 : 0;
  else if (words.mark !== undefined && /\b(?:original|mk ?1|mki)\b/i.test(label) === false) score -= 0.5;
  if (v.region && words.region) score += v.region === words.region ? 1 : -1;
  if (v.years && words.year !== undefined) score += words.year >= v.years.from && words.year < v.years.until ? 1 : -1;
  return score;
}
