/**
 * Text normalisation shared by validation, search and understanding, so "HD-600", "hd600" and "Hd 600!" compare
 * the way people mean them.
 */

const NON_ASCII = /[^\x00-\x7f]/;

/** Lower case, no diacritics, Ω → "ohm", punctuation → spaces, single spaces. */
export function normalize(text: string): string {
  if (text.length < MEMO_MIN_LENGTH) return normalizeFresh(text);
  const known = memo.get(text);
  if (known !== undefined) return known;
  const result = normalizeFresh(text);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!);
  memo.set(text, result);
  return result;
}

/**
 * Knobs: a question is normalised by several readers (entities, devices, each ranker), so long texts keep their
 * result for the next reader: the last MEMO_SIZE (16) texts of at least MEMO_MIN_LENGTH (64) characters.
 */
const MEMO_SIZE = 16;
const MEMO_MIN_LENGTH = 64;
const memo = new Map<string, string>();

function normalizeFresh(text: string): string {
  // Plain ASCII (most text) has no diacritics or Ω to fold: skip the Unicode passes, same result.
  const folded = NON_ASCII.test(text)
    ? text
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[Ωω]/g, ' ohm ')
    : text.toLowerCase();
  return folded
    .replace(/(\d),(\d{3})\b/g, '$1$2')
    .replace(/(\d)\.(\d)/g, '$1\u0000$2') // keep decimal points
    .replace(/[^a-z0-9\u0000+]+/g, ' ')
    .replace(/\u0000/g, '.')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Same as normalize, then with every space removed: "hd 600" and "hd-600" and "hd600" become "hd600". */
export function compact(text: string): string {
  return normalize(text).replace(/ /g, '');
}

/** Words of a normalised text. */
export function words(text: string): string[] {
  const n = normalize(text);
  return n ? n.split(' ') : [];
}
