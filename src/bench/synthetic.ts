/**
 * Realistic synthetic knowledge for benchmarks: devices with brands, models, variants and the aliases people type,
 * and FAQ topics with titles, aliases and bodies in the product's vocabulary. Deterministic (seeded).
 */
import type { Knowledge, KnownDevice, Topic } from '../knowledge/index.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BRANDS = [
  'Acoustix',
  'Sonara',
  'Veltro',
  'Harmonik',
  'Blauwerk',
  'Kestrel',
  'Moravia',
  'Quill Audio',
  'Tessar',
  'Lumen Labs',
  'Ostrava',
  'Pellucid',
  'Northwind',
  'Ardent',
  'Calder',
  'Drummond',
  'Eskel',
  'Fenwick',
  'Galloway',
  'Hollis',
  'Ivers',
  'Juno Audio',
  'Kaldor',
  'Lisk',
  'Marrow',
  'Nyquist',
  'Orrin',
  'Pryce',
  'Quorra',
  'Rask',
];
const SERIES = [
  'HD',
  'DT',
  'ATH-M',
  'K',
  'SR',
  'XR',
  'MDR',
  'HE',
  'LCD',
  'EX',
  'PX',
  'Studio',
  'Aria',
  'Nova',
  'Pulse',
  'Vox',
];
const SUFFIX = ['', 'x', 'X', 's', 'S', ' Pro', ' Pro X', ' MKII', ' SE', ' Studio', ' Reference', ' Open', ' Closed'];
const SOURCE_KINDS = ['Interface', 'Dongle', 'DAC/Amp', 'Amp', 'Recorder'];
const WORDS = [
  'headphones',
  'interface',
  'amp',
  'dac',
  'impedance',
  'sensitivity',
  'latency',
  'monitoring',
  'balanced',
  'cable',
  'jack',
  'adapter',
  'volume',
  'gain',
  'noise',
  'hiss',
  'hum',
  'ground',
  'usb',
  'bluetooth',
  'microphone',
  'recording',
  'mixing',
  'studio',
  'podcast',
  'laptop',
  'phone',
  'driver',
  'buffer',
  'sample',
  'rate',
  'output',
  'input',
  'power',
  'voltage',
  'current',
  'ohm',
  'decibel',
  'level',
  'loud',
  'quiet',
  'open',
  'closed',
  'planar',
  'dynamic',
  'iem',
  'earbuds',
  'stereo',
  'mono',
  'plug',
  'socket',
  'preamp',
  'phantom',
  'xlr',
  'trs',
  'firmware',
  'settings',
  'windows',
  'mac',
  'linux',
];
const VERBS = [
  'connect',
  'fix',
  'reduce',
  'set up',
  'choose',
  'improve',
  'check',
  'measure',
  'route',
  'clean up',
  'power',
  'compare',
  'adjust',
  'troubleshoot',
];
const TEMPLATES = [
  (v: string, a: string, b: string) => `How do I ${v} the ${a} on my ${b}?`,
  (v: string, a: string, b: string) => `Why does my ${a} ${v === 'fix' ? 'break' : 'misbehave'} with the ${b}?`,
  (_v: string, a: string, b: string) => `What is the best ${a} for a ${b} setup?`,
  (v: string, a: string, b: string) => `Can I ${v} ${a} without a ${b}?`,
  (_v: string, a: string, b: string) => `Is ${a} or ${b} more important for beginners?`,
];

export function syntheticKnowledge(count: number, seed = 42): Knowledge {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const devices: KnownDevice[] = [];
  const topics: Topic[] = [];
  const deviceCount = Math.round(count * 0.7);
  const url = 'https://example.invalid/benchmark-data';
  for (let i = 0; i < deviceCount; i++) {
    const brand = pick(BRANDS);
    const series = pick(SERIES);
    const number = 100 + Math.floor(r() * 9000);
    const model = `${series} ${number}${pick(SUFFIX)} ${i}`;
    const compactModel = model.replace(/[\s-]/g, '').toLowerCase();
    const aliases = [
      compactModel,
      `${brand.split(' ')[0]!.toLowerCase()} ${compactModel}`,
      `${series.toLowerCase()}${number} ${i}`,
    ];
    const id = `bench-${i}`;
    if (r() < 0.75) {
      const ohms = pick([16, 32, 38, 50, 64, 80, 150, 250, 300, 600]);
      devices.push({
        id,
        type: 'headphone',
        brand,
        model,
        aliases,
        file: 'synthetic',
        form: pick(['over-ear', 'on-ear', 'iem'] as const),
        driver: pick(['dynamic', 'planar', 'balanced-armature'] as const),
        ...(r() < 0.3
          ? { family: `bench-family-${Math.floor(i / 3)}`, variant: `${ohms} Ω`, familyDefault: i % 3 === 0 }
          : {}),
        impedance: [{ ohms, url, basis: 'maker' }],
        sensitivity: [{ db: 85 + Math.round(r() * 30), per: pick(['mW', 'V'] as const), url, basis: 'maker' }],
      } as KnownDevice);
    } else {
      const kind = pick(SOURCE_KINDS);
      const category = pick(['interface', 'dongle', 'desktop-amp', 'dac-amp'] as const);
      const cls =
        category === 'interface' ? 'budget-interface' : category === 'dongle' ? 'phone-dongle' : 'desktop-amp';
      devices.push({
        id,
        type: 'source',
        brand,
        model: `${model} ${kind}`,
        aliases,
        file: 'synthetic',
        category,
        class: cls,
        outputs: [
          {
            name: 'Headphone out',
            balanced: false,
            level: [{ value: 0.5 + r() * 8, unit: 'Vrms', url, basis: 'maker' }],
            power: [],
            outputImpedance: [{ ohms: Math.round(r() * 50), url, basis: 'maker' }],
          },
        ],
      } as KnownDevice);
    }
  }
  for (let i = 0; i < count - deviceCount; i++) {
    const [a, b] = [pick(WORDS), pick(WORDS)];
    const title = `${pick(TEMPLATES)(pick(VERBS), a, b)} (${i})`.slice(0, 100);
    const body = Array.from({ length: 90 }, () => pick(WORDS)).join(' ');
    topics.push({
      id: `bench-topic-${i}`,
      title,
      aliases: [`${a} ${b} ${pick(VERBS)} ${i}`, `${pick(VERBS)} ${a} ${i}`, `${b} vs ${a} ${i}`],
      examples: [],
      tags: [a],
      related: [],
      body,
      file: 'synthetic',
    });
  }
  return { topics, devices };
}
