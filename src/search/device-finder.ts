/**
 * Resolves what people type ("hd600", "dt 770 pro 80 ohm", "2i2 gen 3", "apple dongle") to a device, choosing the
 * right variant when the text says it and naming the variants when it does not.
 */
import type { KnownDevice } from '../knowledge/index.js';
import { compact } from '../text/normalize.js';
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
  | { status: 'none'; suggestions: KnownDevice[] };

/** Minimum fuzzy-search score for a name that matched no key. */
const FUZZY_FOUND = 0.55;

export class DeviceFinder {
  private readonly byKey = new Map<string, KnownDevice[]>();
  private readonly ids = new Map<string, KnownDevice>();
  private readonly families = new Map<string, KnownDevice[]>();
  readonly index: TextIndex<KnownDevice>;

  constructor(readonly devices: readonly KnownDevice[]) {
    for (const d of devices) {
      for (const name of new Set([deviceName(d), d.model, ...d.aliases].map(compact))) {
        if (name.length < 2) continue;
        const list = this.byKey.get(name);
        if (list) list.push(d);
        else this.byKey.set(name, [d]);
      }
      this.ids.set(d.id, d);
      if (d.family) this.families.set(d.family, [...(this.families.get(d.family) ?? []), d]);
    }
    this.index = new TextIndex(devices.map(deviceDoc));
  }

  /** Devices whose name or alias, without spaces and punctuation, is exactly this key. */
  devicesForKey(key: string): KnownDevice[] {
    return this.byKey.get(key) ?? [];
  }

  byId(id: string): KnownDevice | undefined {
    return this.ids.get(id);
  }

  /** The longest known name or alias contained in a compact text (at least 4 characters), of the wanted type. */
  private longestContained(q: string, ofType: (d: KnownDevice) => boolean): { key: string; device: KnownDevice } | undefined {
    const text = q.slice(0, 120);
    for (let len = text.length; len >= 4; len--) {
      for (let start = 0; start + len <= text.length; start++) {
        const key = text.slice(start, start + len);
        const device = this.byKey.get(key)?.find(ofType);
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
    if (byId && ofType(byId)) return this.found(byId, 1, text, true);

    const exact = (this.byKey.get(q) ?? []).filter(ofType);
    if (exact.length === 1) return this.found(exact[0]!, 1, text, true);
    if (exact.length > 1) return { status: 'ambiguous', candidates: exact };

    // The longest known name contained in the text ("scarlett 2i2 4th gen interface" contains "scarlett2i24thgen").
    const contained = this.longestContained(q, ofType);
    if (contained && contained.key.length >= q.length * 0.5) return this.found(contained.device, 0.9, text, true);

    const hits = this.index.search(text, { limit: 8 }).filter((h) => ofType(h.doc.payload));
    const top = hits[0];
    if (contained && (!top || top.score < 0.8)) return this.found(contained.device, 0.75, text, false);
    if (top && top.score >= FUZZY_FOUND) return this.found(top.doc.payload, top.score, text, false);
    return { status: 'none', suggestions: hits.slice(0, 3).map((h) => h.doc.payload) };
  }

  /** Picks the family member the text's variant words point to; otherwise keeps the matched device. */
  private found(device: KnownDevice, score: number, text: string, exact: boolean): Resolution {
    const variants = this.variantsOf(device);
    if (variants.length < 2) return { status: 'found', device, score, assumedVariant: false, variants: [] };
    const words = variantWords(text);
    const ranked = variants
      .map((d) => ({ d, agree: variantAgreement(d.variant ?? d.model, words) }))
      .sort((a, b) => b.agree - a.agree || Number(b.d === device) - Number(a.d === device));
    const best = ranked[0]!;
    const mine = ranked.find((r) => r.d === device)!;
    if (exact && mine.agree >= 0 && (best.agree <= mine.agree || !device.familyDefault)) {
      // The text named this exact device; only a family-level alias defers to what variant words say.
      return { status: 'found', device, score, assumedVariant: Boolean(device.familyDefault) && mine.agree <= 0 && !namesVariant(device, text), variants };
    }
    if (best.agree > 0) return { status: 'found', device: best.d, score, assumedVariant: false, variants };
    if (mine.agree < 0) return { status: 'ambiguous', candidates: variants };
    const chosen = variants.find((v) => v.familyDefault) ?? device;
    return { status: 'found', device: chosen, score, assumedVariant: true, variants };
  }
}

/** True when the text contains the device's variant label (e.g. "4th gen"), so no variant was assumed. */
function namesVariant(device: KnownDevice, text: string): boolean {
  return Boolean(device.variant) && compact(text).includes(compact(device.variant!));
}
