/**
 * Which language a message is in, roughly: by the share of each language's commonest function words. Enough to tell
 * an English question from a German, French, Spanish, Italian, Portuguese or Dutch one; anything else is 'en' when in
 * doubt (device names and figures read the same in every language).
 */
import { normalize } from './normalize.js';

export type Language = 'en' | 'de' | 'fr' | 'es' | 'it' | 'pt' | 'nl';

const FUNCTION_WORDS: Record<Language, string[]> = {
  en: 'the a an and or is are do does can my i to of for with on in it this that what how why should will'.split(' '),
  de: (
    'der die das und ist ich mein meine nicht mit für ein eine zu den dem kann auf oder wie was warum brauche bei ' +
    'habe auch'
  ).split(' '),
  fr: (
    'le la les et est je mon ma mes pas avec pour un une des du de que qui dans sur peut comment ' + 'pourquoi faut ou'
  ).split(' '),
  es: 'el la los las y es yo mi mis no con para un una de que en del por puedo como por qué necesito o al'.split(' '),
  it: 'il lo la gli le e è io mio mia non con per un una di che in del posso come perché ho anche o'.split(' '),
  pt: 'o a os as e é eu meu minha não com para um uma de que em do da posso como porque preciso ou'.split(' '),
  nl: 'de het een en is ik mijn niet met voor van dat in op kan hoe waarom heb ook of wat'.split(' '),
};
const SETS = Object.fromEntries(
  Object.entries(FUNCTION_WORDS).map(([k, v]) => [k, new Set(v.map((w) => normalize(w)))]),
) as Record<Language, Set<string>>;

/** A guess needs at least this many function-word hits, and another language must beat English by this margin. */
const MIN_HITS = 2;
const MARGIN = 1.5;

export function guessLanguage(text: string): Language {
  const words = normalize(text).split(' ').filter(Boolean);
  if (words.length < 3) return 'en';
  const score = (lang: Language) => words.filter((w) => SETS[lang].has(w)).length;
  const en = score('en');
  let best: Language = 'en';
  let bestScore = en;
  for (const lang of Object.keys(SETS) as Language[]) {
    if (lang === 'en') continue;
    const s = score(lang);
    if (s > bestScore) {
      best = lang;
      bestScore = s;
    }
  }
  return best !== 'en' && bestScore >= MIN_HITS && bestScore >= en * MARGIN ? best : 'en';
}
