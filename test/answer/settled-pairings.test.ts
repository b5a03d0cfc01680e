/**
 * Settled pairings: verdicts an audio engineer would sign, from the catalogue's own sourced figures (each test name
 * says where the decisive figures come from). The physics is in the engine tests; these check that real devices,
 * through the evidence policy and the source model, land where measurements say they do.
 */
import { describe, expect, it } from 'vitest';
import { Brain } from '../../src/answer/brain.js';
import type { PairMatchAnswer } from '../../src/answer/types.js';
import { loadKnowledge } from '../../src/knowledge/index.js';

const brain = new Brain(loadKnowledge());

function pair(headphone: string, source: string): PairMatchAnswer {
  const a = brain.match({ headphone, source });
  if (a.kind !== 'match' || a.mode !== 'pair')
    throw new Error(`${headphone} on ${source}: expected a pair match, got ${a.kind}`);
  return a;
}
const codes = (a: PairMatchAnswer) => a.result.warnings.map((w) => w.code);
const serious = (a: PairMatchAnswer) => a.result.warnings.filter((w) => w.severity === 'warning').map((w) => w.code);

type Row = [name: string, headphone: string, source: string, verdicts: string[], check?: (a: PairMatchAnswer) => void];

const ROWS: Row[] = [
  // phones and dongles
  [
    'HD 600 on the Lightning adapter needs an amp (ASR 103.7 dB/V settles Sennheiser "97 dB" as per mW; Australian ' +
      'Hi-Fi 1.6 mW into 300 Ω)',
    'sennheiser-hd600',
    'apple-lightning-to-3-5mm-adapter',
    ['needs_amp'],
    (a) => expect(a.result.headroomDb).toBeLessThan(-6),
  ],
  [
    'HD 600 on the USB-C adapter: moderate listening only (1 Vrms second-hand)',
    'sennheiser-hd600',
    'apple-usb-c-to-3-5mm-adapter-us',
    ['needs_amp'],
    (a) => expect(a.result.band).toBe('moderate_only'),
  ],
  [
    'DT 770 Pro 80 on the Lightning adapter: moderate listening only (maker 96 dB/mW; Australian Hi-Fi 25 mW into 16 ' +
      'Ω, 1.6 mW into 300 Ω)',
    'beyerdynamic-dt770-pro-80',
    'apple-lightning-to-3-5mm-adapter',
    ['needs_amp'],
    (a) => expect(a.result.band).toBe('moderate_only'),
  ],
  [
    'DT 770 Pro 32 on the USB-C adapter is fine (maker 96 dB/mW at 32 Ω)',
    'beyerdynamic-dt770-pro-32',
    'apple-usb-c-to-3-5mm-adapter-us',
    ['fine'],
  ],
  [
    'DT 990 Pro 250 on the USB-C adapter needs an amp for loud peaks',
    'beyerdynamic-dt990-pro-250',
    'apple-usb-c-to-3-5mm-adapter-us',
    ['needs_amp'],
  ],
  [
    'ATH-M50x on the Lightning adapter is about enough (maker 99 dB/mW at 38 Ω)',
    'audio-technica-ath-m50x',
    'apple-lightning-to-3-5mm-adapter',
    ['fine', 'marginal'],
  ],
  [
    'MDR-7506 on the USB-C adapter is fine (maker 106 dB/mW)',
    'sony-mdr-7506',
    'apple-usb-c-to-3-5mm-adapter-us',
    ['fine'],
  ],
  [
    'Truthear Zero on the USB-C adapter: fine, and no output-impedance warning on 0.9 Ω (ASR via Frieve)',
    'truthear-zero',
    'apple-usb-c-to-3-5mm-adapter-us',
    ['fine'],
    (a) => expect(codes(a)).not.toContain('output_impedance_high'),
  ],
  [
    'Shure SE215 on the USB-C adapter: fine, no output-impedance warning (17 Ω on 0.9 Ω)',
    'shure-se215',
    'apple-usb-c-to-3-5mm-adapter-us',
    ['fine'],
    (a) => expect(codes(a)).not.toContain('output_impedance_high'),
  ],
  [
    'Koss Porta Pro on the Lightning adapter is about enough, far easier than an HD 600 (ASR 102 mV for 94 dB)',
    'koss-porta-pro',
    'apple-lightning-to-3-5mm-adapter',
    ['fine', 'marginal'],
  ],
  [
    'Meze 105 AER on the Lightning adapter follows ASR (114.8 dB/V), not the maker figure 11 dB higher',
    'meze-105-aer',
    'apple-lightning-to-3-5mm-adapter',
    ['fine', 'marginal'],
    (a) => expect(a.result.headroomDb ?? 99).toBeLessThan(6),
  ],
  [
    'HD 660S on the Lightning adapter is marginal (ASR measurement over the maker figure)',
    'sennheiser-hd660s',
    'apple-lightning-to-3-5mm-adapter',
    ['marginal'],
  ],
  // laptops
  [
    'HD 600 on a 2021+ Mac is fine in its 3 V high-impedance mode (Apple HT212856; ASR MacBook Air 2024)',
    'sennheiser-hd600',
    'apple-mac-headphone-jack-2021',
    ['fine'],
    (a) => expect(a.outputName).toMatch(/high-impedance/),
  ],
  [
    'HD 58X on a 2021+ Mac uses the high-impedance mode from 150 Ω (Apple: up to 3 V for 150 Ω–1 kΩ)',
    'sennheiser-hd58x',
    'apple-mac-headphone-jack-2021',
    ['fine'],
    (a) => expect(a.result.available?.vrms).toBeGreaterThan(2.9),
  ],
  [
    'ATH-M50x on a 2021+ Mac is fine (1.25 V below 150 Ω)',
    'audio-technica-ath-m50x',
    'apple-mac-headphone-jack-2021',
    ['fine'],
  ],
  [
    'Sundara on a 2021+ Mac is marginal (HFN 105.7 dB/V)',
    'hifiman-sundara',
    'apple-mac-headphone-jack-2021',
    ['marginal'],
  ],
  [
    'HE6se on a 2021+ Mac needs an amp (ASR 1370 mV for 94 dB)',
    'hifiman-he6se-v2',
    'apple-mac-headphone-jack-2021',
    ['needs_amp'],
  ],
  [
    'Susvara on a 2021+ Mac needs an amp, clearly (HFN lab report)',
    'hifiman-susvara',
    'apple-mac-headphone-jack-2021',
    ['needs_amp'],
    (a) => expect(a.result.band).toBe('needs_amp'),
  ],
  // budget interfaces
  [
    'HD 600 on a Scarlett 2i2 4th Gen is fine or marginal, never "depends" (Focusrite launch spec +10 dBu into 300 Ω)',
    'sennheiser-hd600',
    'focusrite-scarlett-2i2-4th-gen',
    ['fine', 'marginal'],
  ],
  [
    'HD 650 on a Scarlett 2i2 4th Gen is fine (Sennheiser 103 dB/V)',
    'sennheiser-hd650',
    'focusrite-scarlett-2i2-4th-gen',
    ['fine'],
  ],
  [
    'DT 770 Pro 250 on a Scarlett 2i2 4th Gen is marginal (ceiling between the 33 Ω and 300 Ω ratings)',
    'beyerdynamic-dt770-pro-250',
    'focusrite-scarlett-2i2-4th-gen',
    ['marginal'],
  ],
  [
    'DT 770 Pro 80 on a Scarlett 2i2 4th Gen is about enough',
    'beyerdynamic-dt770-pro-80',
    'focusrite-scarlett-2i2-4th-gen',
    ['fine', 'marginal'],
  ],
  [
    "HD 560S on a Scarlett 2i2 4th Gen is fine on ASR's 106.2 dB/V (Sennheiser states 110)",
    'sennheiser-hd560s',
    'focusrite-scarlett-2i2-4th-gen',
    ['fine'],
  ],
  [
    'DT 880 600 Ω on a Scarlett 2i2 4th Gen needs an amp for loud peaks',
    'beyerdynamic-dt880-600',
    'focusrite-scarlett-2i2-4th-gen',
    ['needs_amp'],
  ],
  [
    'K701 on a Scarlett 2i2 4th Gen is marginal (Stereophile-quoted 105 dB/V)',
    'akg-k701',
    'focusrite-scarlett-2i2-4th-gen',
    ['marginal'],
  ],
  [
    'LCD-2 on a Scarlett 4i4 4th Gen is fine (Focusrite user guide +5/+11 dBu)',
    'audeze-lcd-2',
    'focusrite-scarlett-4i4-4th-gen',
    ['fine'],
  ],
  [
    'DT 1990 Pro on a Scarlett 4i4 4th Gen is fine',
    'beyerdynamic-dt1990-pro',
    'focusrite-scarlett-4i4-4th-gen',
    ['fine'],
  ],
  // desktop amps and DAC/amps
  [
    'HD 800 S on a Magni 2: fine, and no too-much-gain warning (Schiit specs via Head-Fi)',
    'sennheiser-hd800s',
    'schiit-magni-2',
    ['fine'],
    (a) => expect(codes(a)).not.toContain('too_much_gain'),
  ],
  [
    'HD 650 on an RME ADI-2 DAC: fine, no too-much-gain warning (RME manual +22 dBu, 1.5 W into 32 Ω)',
    'sennheiser-hd650',
    'rme-adi-2-dac-fs',
    ['fine'],
    (a) => expect(codes(a)).not.toContain('too_much_gain'),
  ],
  ['HE6se on a Magni 2 is fine (1 W into 50 Ω)', 'hifiman-he6se-v2', 'schiit-magni-2', ['fine']],
  [
    'HE6se on a Topping A90 (balanced) is fine, and says it needs a balanced cable',
    'hifiman-he6se-v2',
    'topping-a90',
    ['fine'],
    (a) => expect(codes(a)).toContain('balanced_cable_needed'),
  ],
  [
    'Susvara on a Topping A90 is fine at best just (2 W into 32 Ω, 320 mW into 300 Ω)',
    'hifiman-susvara',
    'topping-a90',
    ['fine', 'marginal'],
    (a) => expect(a.result.headroomDb ?? 99).toBeLessThan(3),
  ],
  ['HD 600 on a Chord Mojo 2 is fine (HFN lab report)', 'sennheiser-hd600', 'chord-mojo-2', ['fine']],
  ['HD 650 on a ZEN DAC V2 is fine', 'sennheiser-hd650', 'ifi-zen-dac-v2', ['fine']],
  // IEMs on big outputs
  [
    'Truthear Zero on an RME ADI-2 DAC uses the IEM output (0.73 Vrms, 0.1 Ω per RME), no output-impedance warning',
    'truthear-zero',
    'rme-adi-2-dac-fs',
    ['fine'],
    (a) => {
      expect(a.outputName).toMatch(/IEM/);
      expect(codes(a)).not.toContain('output_impedance_high');
      expect(serious(a)).toEqual([]);
    },
  ],
  [
    "Andromeda on a Magni 2: plenty of gain and a hiss caution (132.5 dB/V from Campfire's 11.84 mV for 94 dB)",
    'campfire-andromeda-emerald-sea',
    'schiit-magni-2',
    ['fine'],
    (a) => {
      expect(codes(a)).toContain('too_much_gain');
      expect(codes(a)).toContain('hiss_unknown_noise');
    },
  ],
];

describe('settled pairings (≥ 30, from sourced figures)', () => {
  it('has at least 30 rows', () => expect(ROWS.length).toBeGreaterThanOrEqual(30));
  for (const [name, headphone, source, verdicts, check] of ROWS) {
    it(name, () => {
      const a = pair(headphone, source);
      expect(a.headphone?.id).toBe(headphone);
      expect(a.source?.id).toBe(source);
      expect(verdicts).toContain(a.result.verdict);
      check?.(a);
    });
  }
});

describe('what the answer says about the figures', () => {
  it(
    'shows both sensitivities and the verdict the maker figure would give when they differ by more than 3 dB (HD ' +
      '560S)',
    () => {
      const a = pair('sennheiser-hd560s', 'focusrite-scarlett-2i2-4th-gen');
      expect(a.notes.join(' ')).toMatch(
        new RegExp(
          String.raw`Sennheiser's sensitivity \(110\.0 dB\/V\) and a measurement \(106\.2 dB SPL\/V\) ` +
            String.raw`are 3\.8 dB apart; ` +
            String.raw`the verdict follows the measurement \(with Sennheiser's figure it would read fine, \+4\.\d dB\)`,
        ),
      );
      expect(a.cited.map((c) => c.what)).toEqual(
        expect.arrayContaining(['sensitivity (maker)', 'sensitivity (measured, used)']),
      );
    },
  );
  it('a measurement settles a unit-less maker figure (HD 600 "97 dB")', () => {
    const a = pair('sennheiser-hd600', 'focusrite-scarlett-2i2-4th-gen');
    expect(a.result.verdict).not.toBe('depends');
    expect(a.notes.join(' ')).toMatch(/a measurement \(103\.7 dB SPL\/V\) shows it is per mW/);
  });
  it(
    'never fits an output impedance to maximum ratings (Scarlett 2i2 4th Gen stated 50 Ω is used as stated; the Mac ' +
      'jack stays unknown)',
    () => {
      expect(pair('sennheiser-hd600', 'focusrite-scarlett-2i2-4th-gen').result.derived.zOutOhm).toBe(50);
      const mac = pair('audio-technica-ath-m50x', 'apple-mac-headphone-jack-2021').result.derived;
      expect(mac.zOutBasis).toBe('assumed_zero');
      expect(mac.zOutOhm).toBe(0);
    },
  );
  it(
    'power is never extrapolated below the lowest rated load: a current cap holds (Edition XS, 18 Ω, below the ' +
      "2i2's 33 Ω rating)",
    () => {
      const d = pair('hifiman-edition-xs', 'focusrite-scarlett-2i2-4th-gen').result.derived;
      expect(d.vLoadBasis).toBe('below_lowest_rating');
      expect(d.vLoadVrms).toBeLessThan(0.6);
    },
  );
  it('every pairing answer carries a hearing-safety line', () => {
    expect(pair('sennheiser-hd650', 'rme-adi-2-dac-fs').safety).toMatch(/NIOSH/);
  });
  it('cites the basis and the page host of every figure', () => {
    const a = pair('sennheiser-hd600', 'apple-lightning-to-3-5mm-adapter');
    for (const c of a.cited) {
      expect(['maker', 'maker-quoted', 'measured', 'second-hand']).toContain(c.basis);
      expect(c.url).toMatch(/^https?:\/\//);
      if (c.basis === 'measured') expect(c.by).toBeTruthy();
    }
  });
});
