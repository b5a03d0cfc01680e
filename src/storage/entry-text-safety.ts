/**
 * Text a moderator types is shown by the bot to the whole server, so it is refused when it could ping or deceive,
 * even in forms Discord itself would not act on today: mass mentions spelt with look-alike letters, fullwidth
 * characters or invisible ones in between; server invite links; links whose visible text is a different address
 * than the one they open; control characters; and text that is empty once invisible characters are removed.
 */

/** Cyrillic and Greek letters that look like the Latin letters of "everyone" and "here" (and a few more). */
const CONFUSABLES: Record<string, string> = {
  а: 'a',
  е: 'e',
  ё: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  һ: 'h',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ո: 'n',
  ν: 'v',
  ο: 'o',
  α: 'a',
  ε: 'e',
  η: 'n',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  ү: 'y',
  ҽ: 'e',
  ɡ: 'g',
  ʏ: 'y',
  ɴ: 'n',
  ʀ: 'r',
  ᴇ: 'e',
  ʜ: 'h',
};

/** Zero-width and other format characters (U+200B…, U+2060…, U+FEFF, soft hyphen, bidi controls), Unicode class Cf. */
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u2800]/gu;
/** Control characters other than tab and newline (NUL included). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const MASS_MENTION = /@(?:everyone|here)\b|<@&\d+>/;
const INVITE = /\b(?:discord(?:app)?\.com\/invite|discord\.gg|dsc\.gg|discord\.me|invite\.gg)\s*\/\s*[\w-]+/i;
/** A Markdown masked link: [visible text](https://target). */
const MASKED_LINK = /\[([^\]\n]{1,300})\]\(\s*<?(https?:\/\/[^\s)>]+)>?\s*\)/gi;
/** Visible text that reads as an address: a URL or a bare domain like example.com/page. */
const LOOKS_LIKE_ADDRESS = /^(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:[/:?#]\S*)?$/i;

/** Folds a string the way a reader sees it: compatibility forms (fullwidth ＠), no invisible characters, look-alikes. */
export function asSeen(text: string): string {
  return [...text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase()].map((c) => CONFUSABLES[c] ?? c).join('');
}

function hostOf(address: string): string | null {
  try {
    return new URL(/^https?:\/\//i.test(address) ? address : `https://${address}`).hostname
      .replace(/^www\./, '')
      .toLowerCase();
  } catch {
    return null;
  }
}

/** Why `text` (a field called `what`) cannot be shown to a server, or null when it is fine. */
export function unsafeText(text: string, what: string): string | null {
  if (CONTROL.test(text)) return `${what} must not contain control characters (such as NUL)`;
  if (text.replace(INVISIBLE, '').trim() === '') return `${what} is empty once invisible characters are removed`;
  const seen = asSeen(text);
  if (MASS_MENTION.test(seen) || MASS_MENTION.test(text.toLowerCase()))
    return (
      `${what} must not contain @everyone, @here or role mentions (not even disguised with look-alike or ` +
      `invisible characters)`
    );
  if (INVITE.test(seen)) return `${what} must not contain server invite links`;
  for (const m of text.matchAll(MASKED_LINK)) {
    const shown = m[1]!.trim().replace(INVISIBLE, '');
    if (!LOOKS_LIKE_ADDRESS.test(shown)) continue;
    const shownHost = hostOf(shown);
    const realHost = hostOf(m[2]!);
    if (shownHost && realHost && shownHost !== realHost) {
      const fix = 'write the real address as the link text';
      return `${what} has a link that shows ${shownHost} but opens ${realHost}: ${fix}`;
    }
  }
  return null;
}
