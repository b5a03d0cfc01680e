/**
 * Resolves what people type ("hd600", "dt 770 pro 80 ohm", "2i2 gen 3", "apple dongle") to a device, choosing the
 * right variant when the text says it and naming the variants when it does not.
 */
import type { KnownDevice } from '../knowledge/index.js';
import { distance } from 'fastest-levenshtein';
import { compact, normalize } from '../text/normalize.js';
import { deviceDoc, deviceName } from './device-docs.js';
import { TextIndex } from './text-index.js';
import { variantAgreement, variantWords } from './variants.js';

export type DeviceType = KnownDevice['type'];

export type Resolution =
  | {
      status: 'found';
      device: KnownDevice;
      /** 0…1: 1 for an exact name or alias. */
      score: number;
      /** True when the text named the family only and the family's usual variant was assumed. */
      assumedVariant: boolean;
      /** All variants of the device's family (including itself), when it has several. */
      variants: KnownDevice[];
    }
  | { status: 'ambiguous'; candidates: KnownDevice[] }
  /**
   * The text names a device close to a known one but not it — another model number ("HD 280 Pro" is not the
   * HD 490 Pro) or a variant the catalogue does not have ("2i2 5th gen"): never answered with the other's figures.
   */
  | { status: 'near'; suggestions: KnownDevice[]; why: 'model-number' | 'variant' }
  | { status: 'none'; suggestions: KnownDevice[] };

/** Minimum fuzzy-search score for a name that matched no key. */
const FUZZY_FOUND = 0.55;

/**
 * Words that describe a kind of device rather than name one: a name made only of these ("motherboard", "usb c
 * adapter", "headphone amp") is a class, not a device, unless it is itself a device's alias.
 */
export const GENERIC_WORDS = new Set([
  'my',
  'the',
  'a',
  'an',
  'new',
  'old',
  'headphone',
  'headphones',
  'jack',
  'adapter',
  'adaptor',
  'dongle',
  'interface',
  'audio',
  'usb',
  'c',
  'type',
  'lightning',
  'motherboard',
  'mobo',
  'onboard',
  'laptop',
  'computer',
  'pc',
  'phone',
  'smartphone',
  'amp',
  'amplifier',
  'dac',
  'output',
  'out',
  'controller',
  'console',
  'headset',
  'earbuds',
  'earphones',
  'iem',
  'iems',
  'cable',
  'sound',
  'card',
  'mixer',
  'recorder',
  'android',
  'desktop',
  'portable',
  'gaming',
  'studio',
  'monitor',
  'monitors',
  'wireless',
  'bluetooth',
  'wired',
  'cans',
  'port',
  'socket',
  '3',
  '5',
  'mm',
  '3.5',
  '3.5mm',
]);

/**
 * Words that, right after a model's name, name another model of the same line ("DT 990 Pro X", "ATH-M50x BT"):
 * checked in free text too.
 */
const MODEL_WORDS = new Set([
  'pro',
  'x',
  'xs',
  'se',
  'max',
  'mini',
  'plus',
  'ultra',
  'lite',
  'bt',
  'ii',
  'iii',
  'iv',
  'mkii',
  'evo',
]);
/** Words that do so in a name typed on its own (a command option), but are everyday words in a sentence. */
const NAME_ONLY_MODEL_WORDS = new Set([
  's',
  'neo',
  'elite',
  'air',
  'limited',
  'closed',
  'studio',
  'wireless',
  'signature',
  'anniversary',
]);

/** A trailing word that says what kind of product a name is ("atom amp", "zen dac"), which people often leave out. */
const PRODUCT_WORDS = new Set(['amp', 'amplifier', 'dac', 'interface', 'headphones', 'headphone', 'dongle', 'adapter']);

/**
 * Names people type with the brand in front of a short form: "jds atom", "jds labs atom" for the alias "atom amp",
 * "ifi zen" for "zen dac". Only with the brand (its full name or first word): the short form alone ("atom") is too
 * common a word to be a name.
 */
function brandForms(d: KnownDevice): string[] {
  const brands = new Set([normalize(d.brand), normalize(d.brand).split(' ')[0]!]);
  const out: string[] = [];
  for (const alias of [d.model, ...d.aliases]) {
    const words = normalize(alias).split(' ').filter(Boolean);
    // brand + the alias itself adds nothing a window of the message would not find; the short form is the new name
    if (words.length < 2 || !PRODUCT_WORDS.has(words[words.length - 1]!)) continue;
    for (const brand of brands) if (brand) out.push(`${brand} ${words.slice(0, -1).join(' ')}`);
  }
  return out;
}

export class DeviceFinder {
  private readonly byKey = new Map<string, KnownDevice[]>();
  /** Every key, sorted (to ask whether any key starts with a text). */
  private readonly sortedKeys: string[];
  private readonly ids = new Map<string, KnownDevice>();
  private readonly families = new Map<string, KnownDevice[]>();
  private readonly familyWordCache = new Map<string, ReadonlySet<string>>();
  readonly index: TextIndex<KnownDevice>;

  /** Every word of every device name and alias (to tell a typo from a word the catalogue does not know). */
  private readonly vocabulary = new Set<string>();

  constructor(readonly devices: readonly KnownDevice[]) {
    for (const d of devices) {
      for (const name of [deviceName(d), d.model, d.variant ?? '', ...d.aliases])
        for (const w of normalize(name).split(' ')) if (w) this.vocabulary.add(w);
      for (const name of new Set([deviceName(d), d.model, ...d.aliases, ...brandForms(d)].map(compact))) {
        if (name.length < 2) continue;
        const list = this.byKey.get(name);
        if (list) list.push(d);
        else this.byKey.set(name, [d]);
      }
      this.ids.set(d.id, d);
      if (d.family) this.families.set(d.family, [...(this.families.get(d.family) ?? []), d]);
    }
    this.index = new TextIndex(devices.map(deviceDoc));
    this.sortedKeys = [...this.byKey.keys()].sort();
  }

  /** True when some device key starts with this text (so a longer window of words may still name a device). */
  hasKeyStartingWith(prefix: string): boolean {
    const keys = this.sortedKeys;
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < keys.length && keys[lo]!.startsWith(prefix);
  }

  /** Devices whose name or alias, without spaces and punctuation, is exactly this key. */
  devicesForKey(key: string): KnownDevice[] {
    return this.byKey.get(key) ?? [];
  }

  byId(id: string): KnownDevice | undefined {
    return this.ids.get(id);
  }

  /**
   * The longest known name or alias contained in a compact text (at least 4 characters), of the wanted type, whose
   * device the text's model numbers fit ("hifimanhe400se" contains "hifimanhe400s", but "he400se" is not that one's).
   */
  private longestContained(
    q: string,
    ok: (d: KnownDevice) => boolean,
  ): { key: string; device: KnownDevice } | undefined {
    const text = q.slice(0, 120);
    for (let len = text.length; len >= 4; len--) {
      for (let start = 0; start + len <= text.length; start++) {
        const key = text.slice(start, start + len);
        const device = this.byKey.get(key)?.find(ok);
        if (device) return { key, device };
      }
    }
    return undefined;
  }

  variantsOf(d: KnownDevice): KnownDevice[] {
    return d.family ? (this.families.get(d.family) ?? [d]) : [d];
  }

  resolve(text: string, type?: DeviceType): Resolution {
    const q = compact(text);
    if (q.length < 2) return { status: 'none', suggestions: [] };
    const ofType = (d: KnownDevice) => !type || d.type === type;

    const byId = this.byId(text.trim());
    if (byId && ofType(byId))
      return {
        status: 'found',
        device: byId,
        score: 1,
        assumedVariant: false,
        variants: this.variantsOf(byId).length > 1 ? this.variantsOf(byId) : [],
      };

    const exact = (this.byKey.get(q) ?? []).filter(ofType);
    if (exact.length === 1) return this.found(exact[0]!, 1, text, true);
    if (exact.length > 1) return { status: 'ambiguous', candidates: exact };
    // "motherboard", "usb c adapter": a kind of device, not a name.
    if (
      normalize(text)
        .split(' ')
        .every((w) => GENERIC_WORDS.has(w))
    )
      return { status: 'none', suggestions: [] };

    // The longest known name contained in the text ("scarlett 2i2 4th gen interface" contains "scarlett2i24thgen").
    const numbers = modelNumbers(text);
    const contained = this.longestContained(q, (d) => ofType(d) && this.fitsNumbers(d, numbers));
    if (contained && contained.key.length >= q.length * 0.5) return this.checked(contained.device, 0.9, text, true);

    const hits = this.index.search(text, { limit: 8 }).filter((h) => ofType(h.doc.payload));
    const top = hits[0];
    if (contained && (!top || top.score < 0.8)) return this.checked(contained.device, 0.75, text, false);
    if (top && top.score >= FUZZY_FOUND) return this.checked(top.doc.payload, top.score, text, false);
    return { status: 'none', suggestions: hits.slice(0, 3).map((h) => h.doc.payload) };
  }

  /**
   * A match that is not an exact name: accepted only when the text's model numbers belong to the device, and — when
   * a family's usual variant would be assumed — when no word of the text is one the catalogue does not know
   * ("magni heretic" is not the Magni+; "scarlet solo" is a typo of a known word and still resolves).
   */
  private checked(device: KnownDevice, score: number, text: string, exact: boolean): Resolution {
    if (!this.fitsNumbers(device, modelNumbers(text)))
      return { status: 'near', suggestions: [device], why: 'model-number' };
    if (this.strangeSuffix(device, text)) return { status: 'near', suggestions: [device], why: 'model-number' };
    // "sound blaster g6" is not the Sound Blaster Z: a generation-like word ("g6", "gen 2") on a loose match to a
    // device that has no generations (and no such word in its names) names another product.
    const generation = variantWords(text).generation;
    if (
      !exact &&
      generation !== undefined &&
      this.variantsOf(device).every((v) => variantWords(v.variant ?? v.model).generation === undefined) &&
      !this.hasNumber(device, String(generation))
    )
      return { status: 'near', suggestions: [device], why: 'model-number' };
    const r = this.found(device, score, text, exact);
    if (r.status === 'found' && r.assumedVariant && this.unknownWords(text).length > 0) {
      return { status: 'near', suggestions: r.variants, why: 'variant' };
    }
    return r;
  }

  /**
   * True when a word that marks a different model of a line ("pro", "x", "ultra", "mini", "closed"…) follows the
   * device's name in the text but is in none of its family's names: "DT 770 Pro X" is not the DT 770 Pro, "K701
   * Ultra" not the K701 — and so does a word no device name uses that is not a typo of one ("K612 Xq"). Only right
   * after a word of the name, so "hd 600 headphones for studio" still resolves.
   */
  private strangeSuffix(device: KnownDevice, text: string): boolean {
    const own = this.familyWords(device);
    const words = normalize(text).split(' ').filter(Boolean);
    const after = words.filter((w, i) => i > 0 && !own.has(w) && own.has(words[i - 1]!));
    if (after.length === 0) return false;
    if (after.some((w) => MODEL_WORDS.has(w) || NAME_ONLY_MODEL_WORDS.has(w))) return true;
    // only then the costlier look for a word no device name uses
    const unknown = new Set(this.unknownWords(after.join(' ')));
    return after.some((w) => unknown.has(w));
  }

  /** True when `word`, right after this device's name in a message, names another model of its line. */
  namesOtherModel(device: KnownDevice, word: string): boolean {
    return MODEL_WORDS.has(word) && !this.familyWords(device).has(word);
  }

  /** Every word of the names of a device's family (built once per family). */
  private familyWords(device: KnownDevice): ReadonlySet<string> {
    const key = device.family ?? device.id;
    let words = this.familyWordCache.get(key);
    if (!words) {
      words = new Set(
        this.variantsOf(device).flatMap((d) =>
          [deviceName(d), d.model, d.variant ?? '', ...d.aliases].flatMap((n) => normalize(n).split(' ')),
        ),
      );
      this.familyWordCache.set(key, words);
    }
    return words;
  }

  /**
   * Words of the text that no device name uses and that are not a typo of one (edit distance ≤ 1, or ≤ 2 from 6
   * letters).
   */
  private unknownWords(text: string): string[] {
    return normalize(text)
      .split(' ')
      .filter((w) => w.length >= 3 && !GENERIC_WORDS.has(w) && !this.vocabulary.has(w))
      .filter((w) => {
        const limit = w.length >= 6 ? 2 : 1;
        for (const v of this.vocabulary)
          if (Math.abs(v.length - w.length) <= limit && distance(v, w) <= limit) return false;
        return true;
      });
  }

  /** True when the text has a model number only this family member's names carry ("macbook air m2" vs before 2021). */
  private namesOnly(device: KnownDevice, variants: KnownDevice[], text: string): boolean {
    const others = variants.filter((v) => v !== device);
    return modelNumbers(text).some((n) => this.hasNumber(device, n) && !others.some((o) => this.hasNumber(o, n)));
  }

  /** Every model number of the text belongs to the device or a member of its family. */
  private fitsNumbers(device: KnownDevice, numbers: string[]): boolean {
    const family = this.variantsOf(device);
    return numbers.every((n) => family.some((d) => this.hasNumber(d, n)));
  }

  /** True when a model number ("280", "2i2", "dt770") appears in one of the device's names or its variant ohms. */
  private hasNumber(d: KnownDevice, n: string): boolean {
    return namesHaveNumber(
      [deviceName(d), d.model, ...d.aliases, d.variant ?? ''],
      n,
      variantWords(d.variant ?? '').ohms,
    );
  }

  /** Picks the family member the text's variant words point to; otherwise keeps the matched device. */
  private found(device: KnownDevice, score: number, text: string, exact: boolean): Resolution {
    const variants = this.variantsOf(device);
    if (variants.length < 2) {
      if (variantAgreement(device.variant ?? device.model, variantWords(text)) < 0) {
        return { status: 'near', suggestions: [device], why: 'variant' };
      }
      return { status: 'found', device, score, assumedVariant: false, variants: [] };
    }
    // The text spells out one member's variant label ("sundara open-back", "he6se v2"): that member, not assumed.
    const spelled = variants.filter((v) => spellsVariant(v, variants, text));
    if (spelled.length === 1) return { status: 'found', device: spelled[0]!, score, assumedVariant: false, variants };
    const words = variantWords(text);
    const ranked = variants
      .map((d) => ({ d, agree: variantAgreement(d.variant ?? d.model, words) }))
      .sort((a, b) => b.agree - a.agree || Number(b.d === device) - Number(a.d === device));
    const best = ranked[0]!;
    const mine = ranked.find((r) => r.d === device)!;
    // Variant words that no family member has ("2i2 5th gen", "dt 770 pro 600 ohm"): a variant not in the catalogue.
    if (best.agree < 0) return { status: 'near', suggestions: variants, why: 'variant' };
    if (exact && mine.agree >= 0 && (best.agree <= mine.agree || !device.familyDefault)) {
      // The text named this exact device; only a family-level alias defers to what variant words say.
      const assumed =
        Boolean(device.familyDefault) &&
        mine.agree <= 0 &&
        !namesVariant(device, text) &&
        !this.namesOnly(device, variants, text);
      return { status: 'found', device, score, assumedVariant: assumed, variants };
    }
    if (best.agree > 0) return { status: 'found', device: best.d, score, assumedVariant: false, variants };
    if (mine.agree < 0) return { status: 'ambiguous', candidates: variants };
    const chosen = variants.find((v) => v.familyDefault) ?? device;
    return { status: 'found', device: chosen, score, assumedVariant: true, variants };
  }
}

/**
 * Model numbers in a name as typed: tokens with a digit ("280", "2i2", "m50x", "3+"), after impedances ("250 ohm"),
 * connector sizes ("3.5mm"), generations ("gen 3", "3rd gen"), marks ("mk2") and years are taken out — those are
 * variant words.
 */
export function modelNumbers(text: string): string[] {
  const n = normalize(text)
    .replace(/\b\d+(?:\.\d+)?\s*(?:ohms?|Ω)\b/g, ' ')
    // connector sizes and pin counts ("3.5mm", "4.4 mm", "4 pin") say which jack, not which model
    .replace(/\b\d+(?:\.\d+)?\s*mm\b|\b\d\s*pin\b/g, ' ')
    .replace(
      /\b(?:gen(?:eration)?\s*\d|\d(?:st|nd|rd|th)(?:\s*gen(?:eration)?)?|g\d|mk\s*\d|mk[iv]+|mark\s*\d)\b/g,
      ' ',
    );
  return n
    .split(' ')
    .map((w) => w.replace(/[^a-z0-9+]/g, ''))
    .filter((w) => /\d/.test(w) && !/^(19|20)\d\d$/.test(w));
}

/** Every digit run and every compact name of a device ("hd490pro" → runs ["490"]). */
function numberKeys(names: string[]): { compacts: string[]; runs: Set<string> } {
  const compacts = names.map(compact);
  const runs = new Set(compacts.flatMap((c) => c.match(/\d+/g) ?? []));
  return { compacts, runs };
}

/** True when a model number from the text belongs to one of these names (pure numbers may be an impedance variant). */
export function namesHaveNumber(names: string[], n: string, variantOhms: number[] = []): boolean {
  const { compacts, runs } = numberKeys(names);
  const has = (x: string) =>
    /^\d+$/.test(x) ? runs.has(x) || variantOhms.includes(Number(x)) : compacts.some((c) => c.includes(x));
  // "my hd600s" is a plural, not another model
  const singular = n.replace(/(\d)s$/, '$1');
  return has(n) || (singular !== n && has(singular));
}

/**
 * True when the text contains this member's variant label and the label tells it apart: no other member's model
 * name contains it ("mojo" is in "Mojo 2", so it does not single out the first Mojo).
 */
function spellsVariant(device: KnownDevice, family: KnownDevice[], text: string): boolean {
  const label = compact(device.variant ?? '');
  if (label.length < 2 || !compact(text).includes(label)) return false;
  return family.every((o) => o === device || !compact(o.model).includes(label));
}

/** True when the text contains the device's variant label (e.g. "4th gen"), so no variant was assumed. */
function namesVariant(device: KnownDevice, text: string): boolean {
  return Boolean(device.variant) && compact(text).includes(compact(device.variant!));
}
