/** Regular expressions built from word lists, so a long alternation stays readable (and each word whole). */

/** `\b(?:a|b|c)\b` for these words or phrases (regex characters in them escaped). */
export function wordsPattern(words: readonly string[], flags = ''): RegExp {
  return new RegExp(`\\b(?:${words.map(escapeRegex).join('|')})\\b`, flags);
}

function escapeRegex(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
