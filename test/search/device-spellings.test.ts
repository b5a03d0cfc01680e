import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { DeviceFinder } from '../../src/search/device-finder.js';

const finder = new DeviceFinder(loadKnowledge().devices);

/** How people type device names in chat → the device id they mean. */
const SPELLINGS: [string, string][] = [
  ['hd600', 'sennheiser-hd600'],
  ['HD-600', 'sennheiser-hd600'],
  ['HD 600', 'sennheiser-hd600'],
  ['sennheiser 600', 'sennheiser-hd600'],
  ['Sennheiser HD600', 'sennheiser-hd600'],
  ['sennhiser hd600', 'sennheiser-hd600'],
  ['hd 600s', 'sennheiser-hd600'],
  ['hd650', 'sennheiser-hd650'],
  ['HD 650', 'sennheiser-hd650'],
  ['sennheiser hd-650', 'sennheiser-hd650'],
  ['hd6xx', 'sennheiser-hd6xx'],
  ['HD 6XX', 'sennheiser-hd6xx'],
  ['massdrop hd6xx', 'sennheiser-hd6xx'],
  ['hd800s', 'sennheiser-hd800s'],
  ['HD 800 S', 'sennheiser-hd800s'],
  ['hd800', 'sennheiser-hd800'],
  ['hd560s', 'sennheiser-hd560s'],
  ['hd 560s', 'sennheiser-hd560s'],
  ['hd25', 'sennheiser-hd25'],
  ['hd 25', 'sennheiser-hd25'],
  ['hd660s2', 'sennheiser-hd660s2'],
  ['hd 660s2', 'sennheiser-hd660s2'],
  ['hd660s', 'sennheiser-hd660s'],
  ['hd 490 pro', 'sennheiser-hd490-pro'],
  ['ie600', 'sennheiser-ie-600'],
  ['IE 600', 'sennheiser-ie-600'],
  ['ie 200', 'sennheiser-ie-200'],
  ['dt770 250', 'beyerdynamic-dt770-pro-250'],
  ['dt 770 pro 250', 'beyerdynamic-dt770-pro-250'],
  ['DT770 Pro 250 ohm', 'beyerdynamic-dt770-pro-250'],
  ['dt 770 pro 80 ohm', 'beyerdynamic-dt770-pro-80'],
  ['dt770 80', 'beyerdynamic-dt770-pro-80'],
  ['dt770pro 80', 'beyerdynamic-dt770-pro-80'],
  ['dt770 32', 'beyerdynamic-dt770-pro-32'],
  ['dt 770 pro 32 ohm', 'beyerdynamic-dt770-pro-32'],
  ['dt770', 'beyerdynamic-dt770-pro-250'],
  ['dt 770 pro x', 'beyerdynamic-dt770-pro-x'],
  ['dt770 pro x', 'beyerdynamic-dt770-pro-x'],
  ['dt990 pro 250', 'beyerdynamic-dt990-pro-250'],
  ['dt 990 pro 80', 'beyerdynamic-dt990-pro-80'],
  ['dt990', 'beyerdynamic-dt990-pro-250'],
  ['dt990 600', 'beyerdynamic-dt990-600'],
  ['dt 990 600 ohm', 'beyerdynamic-dt990-600'],
  ['dt880 pro', 'beyerdynamic-dt880-pro-250'],
  ['dt 880 600', 'beyerdynamic-dt880-600'],
  ['dt880 600 ohm', 'beyerdynamic-dt880-600'],
  ['dt1990', 'beyerdynamic-dt1990-pro'],
  ['dt 1990 pro', 'beyerdynamic-dt1990-pro'],
  ['dt1990 mk2', 'beyerdynamic-dt1990-pro-mk2'],
  ['dt 1990 pro mkii', 'beyerdynamic-dt1990-pro-mk2'],
  ['dt1770', 'beyerdynamic-dt1770-pro'],
  ['dt 1770 pro mk2', 'beyerdynamic-dt1770-pro-mk2'],
  ['dt 700 pro x', 'beyerdynamic-dt700-pro-x'],
  ['dt900 pro x', 'beyerdynamic-dt900-pro-x'],
  ['m50x', 'audio-technica-ath-m50x'],
  ['ath m50x', 'audio-technica-ath-m50x'],
  ['ATH-M50x', 'audio-technica-ath-m50x'],
  ['audio technica m50x', 'audio-technica-ath-m50x'],
  ['m40x', 'audio-technica-ath-m40x'],
  ['ath-m40x', 'audio-technica-ath-m40x'],
  ['m20x', 'audio-technica-ath-m20x'],
  ['m30x', 'audio-technica-ath-m30x'],
  ['m70x', 'audio-technica-ath-m70x'],
  ['ath m60x', 'audio-technica-ath-m60x'],
  ['r70x', 'audio-technica-ath-r70x'],
  ['ath-r70x', 'audio-technica-ath-r70x'],
  ['ad700x', 'audio-technica-ath-ad700x'],
  ['ath ad900x', 'audio-technica-ath-ad900x'],
  ['mdr7506', 'sony-mdr-7506'],
  ['mdr-7506', 'sony-mdr-7506'],
  ['sony 7506', 'sony-mdr-7506'],
  ['mdr mv1', 'sony-mdr-mv1'],
  ['sony mv1', 'sony-mdr-mv1'],
  ['mdr-m1', 'sony-mdr-m1'],
  ['k702', 'akg-k702'],
  ['akg k702', 'akg-k702'],
  ['k 702', 'akg-k702'],
  ['k712', 'akg-k712-pro'],
  ['k712 pro', 'akg-k712-pro'],
  ['k371', 'akg-k371'],
  ['akg k371', 'akg-k371'],
  ['k240', 'akg-k240-studio'],
  ['k240 studio', 'akg-k240-studio'],
  ['k701', 'akg-k701'],
  ['k361', 'akg-k361'],
  ['sundara', 'hifiman-sundara'],
  ['hifiman sundara', 'hifiman-sundara'],
  ['edition xs', 'hifiman-edition-xs'],
  ['hifiman edition xs', 'hifiman-edition-xs'],
  ['he400se', 'hifiman-he400se'],
  ['he 400se', 'hifiman-he400se'],
  ['arya stealth', 'hifiman-arya-stealth'],
  ['he6se', 'hifiman-he6se-v2'],
  ['ananda', 'hifiman-ananda'],
  ['he4xx', 'hifiman-he4xx'],
  ['susvara', 'hifiman-susvara'],
  ['deva pro', 'hifiman-deva-pro'],
  ['lcd2', 'audeze-lcd-2'],
  ['lcd-2 classic', 'audeze-lcd-2-classic'],
  ['lcd-x', 'audeze-lcd-x-2021'],
  ['lcd x', 'audeze-lcd-x-2021'],
  ['audeze lcd-1', 'audeze-lcd-1'],
  ['focal clear', 'focal-clear'],
  ['clear mg', 'focal-clear-mg'],
  ['focal elex', 'focal-elex'],
  ['elegia', 'focal-elegia'],
  ['focal utopia', 'focal-utopia-2022'],
  ['shp9500', 'philips-shp9500'],
  ['philips shp 9500', 'philips-shp9500'],
  ['fidelio x2hr', 'philips-fidelio-x2hr'],
  ['x2hr', 'philips-fidelio-x2hr'],
  ['porta pro', 'koss-porta-pro'],
  ['ksc75', 'koss-ksc75'],
  ['sr80x', 'grado-sr80x'],
  ['grado sr60x', 'grado-sr60x'],
  ['t50rp', 'fostex-t50rp-mk3'],
  ['fostex t50rp mk3', 'fostex-t50rp-mk3'],
  ['sr850', 'samson-sr850'],
  ['hd681', 'superlux-hd681'],
  ['aria 2', 'moondrop-aria-2'],
  ['moondrop chu 2', 'moondrop-chu-ii'],
  ['blessing 2', 'moondrop-blessing-2'],
  ['blessing 3', 'moondrop-blessing-3'],
  ['truthear zero', 'truthear-zero'],
  ['7hz timeless', '7hz-timeless'],
  ['salnotes zero', '7hz-salnotes-zero'],
  ['se215', 'shure-se215'],
  ['shure se215', 'shure-se215'],
  ['se846', 'shure-se846-gen-2'],
  ['er2xr', 'etymotic-er2xr'],
  ['ety er2xr', 'etymotic-er2xr'],
  ['andromeda', 'campfire-andromeda-emerald-sea'],
  ['srh840a', 'shure-srh840a'],
  ['srh1840', 'shure-srh1840'],
  ['99 classics', 'meze-99-classics'],
  ['meze 109 pro', 'meze-109-pro'],
  // sources
  ['2i2 4th gen', 'focusrite-scarlett-2i2-4th-gen'],
  ['scarlett 2i2 gen 4', 'focusrite-scarlett-2i2-4th-gen'],
  ['focusrite scarlett 2i2 4th gen', 'focusrite-scarlett-2i2-4th-gen'],
  ['4i4 4th gen', 'focusrite-scarlett-4i4-4th-gen'],
  ['apple dongle', 'apple-usb-c-to-3-5mm-adapter-us'],
  ['apple usb-c dongle', 'apple-usb-c-to-3-5mm-adapter-us'],
  ['iphone dongle', 'apple-lightning-to-3-5mm-adapter'],
  ['lightning dongle', 'apple-lightning-to-3-5mm-adapter'],
  ['macbook jack', 'apple-mac-headphone-jack-2021'],
  ['macbook pro headphone jack', 'apple-mac-headphone-jack-2021'],
  ['magni 2', 'schiit-magni-2'],
  ['topping l30', 'topping-l30'],
  ['l30 ii', 'topping-l30-ii'],
  ['dx3 pro+', 'topping-dx3-pro-plus'],
  ['fiio k5 pro', 'fiio-k5-pro'],
  ['k5 pro', 'fiio-k5-pro'],
  ['fiio k3', 'fiio-k3'],
  ['o2', 'nwavguy-o2'],
  ['objective2', 'nwavguy-o2'],
  ['adi-2 dac', 'rme-adi-2-dac-fs'],
  ['rme adi 2 dac fs', 'rme-adi-2-dac-fs'],
  ['dragonfly red', 'audioquest-dragonfly-red'],
  ['dawn pro', 'moondrop-dawn-pro'],
  ['chord mojo 2', 'chord-mojo-2'],
  ['zen can', 'ifi-zen-can'],
  ['hpa4', 'benchmark-hpa4'],
  ['fiio ka3', 'fiio-ka3'],
  ['btr3', 'fiio-btr3'],
];

describe('device names as people type them', () => {
  it('has more than 150 spellings in the table', () => {
    expect(SPELLINGS.length).toBeGreaterThan(150);
  });

  it.each(SPELLINGS)('"%s" → %s', (typed, id) => {
    const r = finder.resolve(typed);
    expect(
      r.status === 'found'
        ? r.device.id
        : `${r.status}: ${r.status === 'ambiguous' ? r.candidates.map((c) => c.id).join(', ') : ''}`,
    ).toBe(id);
  });
});

describe('variants', () => {
  it('names the variants when the text does not say which, and marks the assumption', () => {
    const r = finder.resolve('dt 770 pro');
    expect(r.status).toBe('found');
    if (r.status !== 'found') return;
    expect(r.assumedVariant).toBe(true);
    expect(r.variants.map((v) => v.id).sort()).toEqual([
      'beyerdynamic-dt770-pro-250',
      'beyerdynamic-dt770-pro-32',
      'beyerdynamic-dt770-pro-80',
    ]);
  });
  it('does not claim an assumption when the variant is named', () => {
    const r = finder.resolve('dt770 pro 80 ohm');
    expect(r.status === 'found' && r.assumedVariant).toBe(false);
  });
  it('restricts to a type', () => {
    expect(finder.resolve('hd600', 'source').status).not.toBe('found');
  });
  it('answers none with suggestions for an unknown name', () => {
    const r = finder.resolve('zorbotron 9000');
    expect(r.status).toBe('none');
  });
});
