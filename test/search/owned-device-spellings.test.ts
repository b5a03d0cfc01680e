/**
 * The gear people in help channels own, typed the way they type it (shorthands, typos, generations): each spelling
 * resolves to the right device — and a name close to a known device but not it is never answered as that device.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { DeviceFinder } from '../../src/search/device-finder.js';

const finder = new DeviceFinder(loadKnowledge().devices);

const SPELLINGS: [string, string][] = [
  // Focusrite Scarlett, every generation and size
  ['scarlett solo', 'focusrite-scarlett-solo-4th-gen'],
  ['scarlett solo 4th gen', 'focusrite-scarlett-solo-4th-gen'],
  ['solo gen 4', 'focusrite-scarlett-solo-4th-gen'],
  ['scarlett solo 3rd gen', 'focusrite-scarlett-solo-3rd-gen'],
  ['solo gen 3', 'focusrite-scarlett-solo-3rd-gen'],
  ['scarlett solo gen3', 'focusrite-scarlett-solo-3rd-gen'],
  ['scarlett solo 2nd gen', 'focusrite-scarlett-solo-2nd-gen'],
  ['scarlett solo 1st gen', 'focusrite-scarlett-solo-1st-gen'],
  ['2i2 gen3', 'focusrite-scarlett-2i2-3rd-gen'],
  ['2i2 3rd gen', 'focusrite-scarlett-2i2-3rd-gen'],
  ['2i2 g3', 'focusrite-scarlett-2i2-3rd-gen'],
  ['scarlett 2i2 gen 3', 'focusrite-scarlett-2i2-3rd-gen'],
  ['focusrite scarlett 2i2 3rd gen', 'focusrite-scarlett-2i2-3rd-gen'],
  ['scarlett 2i2 3rd generation', 'focusrite-scarlett-2i2-3rd-gen'],
  ['2i2 2nd gen', 'focusrite-scarlett-2i2-2nd-gen'],
  ['2i2 gen 2', 'focusrite-scarlett-2i2-2nd-gen'],
  ['2i2 1st gen', 'focusrite-scarlett-2i2-1st-gen'],
  ['2i2 4th gen', 'focusrite-scarlett-2i2-4th-gen'],
  ['2i2 gen 4', 'focusrite-scarlett-2i2-4th-gen'],
  ['scarlett 2i2', 'focusrite-scarlett-2i2-4th-gen'],
  ['4i4 3rd gen', 'focusrite-scarlett-4i4-3rd-gen'],
  ['4i4 gen 3', 'focusrite-scarlett-4i4-3rd-gen'],
  ['4i4 gen 4', 'focusrite-scarlett-4i4-4th-gen'],
  ['8i6 3rd gen', 'focusrite-scarlett-8i6-3rd-gen'],
  ['18i20', 'focusrite-scarlett-18i20-4th-gen'],
  ['18i8 3rd gen', 'focusrite-scarlett-18i8-3rd-gen'],
  // MOTU, Audient, SSL
  ['motu m2', 'motu-m2'],
  ['m2 interface', 'motu-m2'],
  ['motu m4', 'motu-m4'],
  ['motu m6', 'motu-m6'],
  ['ultralite mk5', 'motu-ultralite-mk5'],
  ['evo4', 'audient-evo-4'],
  ['evo 4', 'audient-evo-4'],
  ['audient evo 4', 'audient-evo-4'],
  ['evo 8', 'audient-evo-8'],
  ['evo8', 'audient-evo-8'],
  ['audient id4', 'audient-id4-mkii'],
  ['id4 mk2', 'audient-id4-mkii'],
  ['id4 mkii', 'audient-id4-mkii'],
  ['id14 mkii', 'audient-id14-mkii'],
  ['ssl2', 'solid-state-logic-ssl-2-mkii'],
  ['ssl 2', 'solid-state-logic-ssl-2-mkii'],
  ['ssl2+', 'solid-state-logic-ssl-2-plus-mkii'],
  ['ssl 2+', 'solid-state-logic-ssl-2-plus-mkii'],
  ['ssl 2 plus', 'solid-state-logic-ssl-2-plus-mkii'],
  ['ssl 2 mk1', 'solid-state-logic-ssl-2-mki'],
  // Behringer, UA, PreSonus, Arturia, Steinberg, others
  ['umc22', 'behringer-umc22'],
  ['umc 22', 'behringer-umc22'],
  ['umc 202', 'behringer-umc202hd'],
  ['umc202hd', 'behringer-umc202hd'],
  ['behringer umc202hd', 'behringer-umc202hd'],
  ['umc 204', 'behringer-umc204hd'],
  ['umc204hd', 'behringer-umc204hd'],
  ['umc404hd', 'behringer-umc404hd'],
  ['volt 1', 'universal-audio-volt-1'],
  ['volt2', 'universal-audio-volt-2'],
  ['volt 2', 'universal-audio-volt-2'],
  ['ua volt 2', 'universal-audio-volt-2'],
  ['volt 276', 'universal-audio-volt-276'],
  ['volt 176', 'universal-audio-volt-176'],
  ['audiobox usb 96', 'presonus-audiobox-usb-96'],
  ['studio 24c', 'presonus-studio-24c'],
  ['presonus studio 24c', 'presonus-studio-24c'],
  ['minifuse 2', 'arturia-minifuse-2'],
  ['arturia minifuse 1', 'arturia-minifuse-1'],
  ['minifuse 4', 'arturia-minifuse-4'],
  ['ur22mkii', 'steinberg-ur22mkii'],
  ['ur22 mk2', 'steinberg-ur22mkii'],
  ['ur22c', 'steinberg-ur22c'],
  ['ur12', 'steinberg-ur12'],
  ['m-audio air 192 4', 'm-audio-air-192-4'],
  ['air 192 4', 'm-audio-air-192-4'],
  ['m-audio air 192 6', 'm-audio-air-192-6'],
  ['rubix22', 'roland-rubix22'],
  ['rubix 24', 'roland-rubix24'],
  ['us-2x2hr', 'tascam-us-2x2hr'],
  ['ag03mk2', 'yamaha-ag03mk2'],
  ['komplete audio 1', 'native-instruments-komplete-audio-1'],
  ['komplete audio 6', 'native-instruments-komplete-audio-6'],
  // amps and dongles
  ['magni 3', 'schiit-magni-3'],
  ['magni unity', 'schiit-magni-unity'],
  ['magni+', 'schiit-magni-plus'],
  ['magni plus', 'schiit-magni-plus'],
  ['magni heresy', 'schiit-magni-heresy'],
  ['magni 2', 'schiit-magni-2'],
  ['schiit magni', 'schiit-magni-plus'],
  ['atom amp+', 'jds-labs-atom-amp-plus'],
  ['atom amp 2', 'jds-labs-atom-amp-2'],
  ['zen dac v2', 'ifi-zen-dac-v2'],
  ['zen dac 3', 'ifi-zen-dac-3'],
  ['hip dac 3', 'ifi-hip-dac-3'],
  ['fiio ka13', 'fiio-ka13'],
  ['btr5', 'fiio-btr5-2021'],
  ['topping dx1', 'topping-dx1'],
  ['apple dongle', 'apple-usb-c-to-3-5mm-adapter-us'],
  ['apple usb c dongle', 'apple-usb-c-to-3-5mm-adapter-us'],
  ['lightning dongle', 'apple-lightning-to-3-5mm-adapter'],
  // a connector size is not a model number
  ['apple lightning to 3.5mm adapter', 'apple-lightning-to-3-5mm-adapter'],
  ['lightning to 3.5 mm headphone adapter', 'apple-lightning-to-3-5mm-adapter'],
  ['apple usb-c to 3.5mm dongle', 'apple-usb-c-to-3-5mm-adapter-us'],
  ['a2155', 'apple-usb-c-to-3-5mm-adapter-eu'],
  ['samsung usb c adapter', 'samsung-usb-c-to-3-5mm-adapter'],
  ['google usb c adapter', 'google-usb-c-to-3-5mm-adapter'],
  // consoles
  ['ps5 controller', 'sony-dualsense'],
  ['dualsense', 'sony-dualsense'],
  ['ps4 controller', 'sony-dualshock-4'],
  ['dualshock 4', 'sony-dualshock-4'],
  ['xbox controller', 'microsoft-xbox-wireless-controller'],
  ['switch', 'nintendo-switch'],
  ['nintendo switch', 'nintendo-switch'],
  ['switch oled', 'nintendo-switch-oled'],
  ['steam deck', 'valve-steam-deck'],
  // phones and computers by generation
  ['iphone 15', 'apple-iphone-usb-c'],
  ['iphone 16 pro', 'apple-iphone-usb-c'],
  ['iphone 13', 'apple-iphone-lightning'],
  ['iphone 7', 'apple-iphone-lightning'],
  ['iphone se 2020', 'apple-iphone-lightning'],
  ['iphone 6s', 'apple-iphone-6s-se'],
  ['iphone', 'apple-iphone-usb-c'],
  ['pixel 8', 'google-pixel-usb-c'],
  ['pixel', 'google-pixel-usb-c'],
  ['galaxy s23', 'samsung-galaxy-s-usb-c'],
  ['galaxy', 'samsung-galaxy-s-usb-c'],
  ['galaxy s5', 'samsung-galaxy-s5'],
  ['macbook air m1', 'apple-mac-headphone-jack-pre-2021'],
  ['macbook pro 2019', 'apple-mac-headphone-jack-pre-2021'],
  ['intel macbook pro', 'apple-mac-headphone-jack-pre-2021'],
  ['macbook air m2', 'apple-mac-headphone-jack-2021'],
  ['macbook pro 14', 'apple-mac-headphone-jack-2021'],
  ['macbook', 'apple-mac-headphone-jack-2021'],
  ['realtek alc1220', 'realtek-alc1220'],
  ['alc1220', 'realtek-alc1220'],
  ['alc897', 'realtek-alc892-alc897'],
  ['alc4080', 'realtek-alc4080'],
  // headphones and IEMs
  ['hd 280 pro', 'sennheiser-hd280-pro'],
  ['hd280', 'sennheiser-hd280-pro'],
  ['hd280 pro', 'sennheiser-hd280-pro'],
  ['hd 58x', 'sennheiser-hd58x'],
  ['hd58x jubilee', 'sennheiser-hd58x'],
  ['hd 25 light', 'sennheiser-hd25-light'],
  ['ie 100 pro', 'sennheiser-ie-100-pro'],
  ['dt 990 pro 250', 'beyerdynamic-dt990-pro-250'],
  ['dt990 250', 'beyerdynamic-dt990-pro-250'],
  ['dt990 pro 80 ohm', 'beyerdynamic-dt990-pro-80'],
  ['dt 770 m', 'beyerdynamic-dt770-m'],
  ['dt880 32', 'beyerdynamic-dt880-32'],
  ['mdr v6', 'sony-mdr-v6'],
  ['mdr-m1st', 'sony-mdr-m1st'],
  ['airpods max', 'apple-airpods-max-usb-c'],
  ['xm5', 'sony-wh-1000xm5-wired'],
  ['wh1000xm5', 'sony-wh-1000xm5-wired'],
  ['kz zsn', 'kz-zsn'],
  ['zsn pro', 'kz-zsn-pro'],
  ['cloud 2', 'hyperx-cloud-ii'],
  ['hyperx cloud ii', 'hyperx-cloud-ii'],
  ['arctis nova 1', 'steelseries-arctis-nova-1'],
  ['moondrop aria', 'moondrop-aria'],
  ['se535', 'shure-se535'],
  ['andromeda', 'campfire-andromeda-emerald-sea'],
  ['hifiman he400se', 'hifiman-he400se'],
  ['k371', 'akg-k371'],
];

describe('devices people own, as they type them', () => {
  it('has at least 150 spellings', () => expect(SPELLINGS.length).toBeGreaterThanOrEqual(150));
  it.each(SPELLINGS)('%s → %s', (text, id) => {
    const r = finder.resolve(text);
    expect(r.status, JSON.stringify(r.status === 'found' ? r.device.id : r)).toBe('found');
    if (r.status === 'found') expect(r.device.id).toBe(id);
  });
});

describe('no silent swaps', () => {
  it.each([
    ['hd 281 pro', 'model-number'],
    ['hd 660s3', 'model-number'],
    ['scarlett 2i2 5th gen', 'variant'],
    ['dt 770 pro 600 ohm', 'variant'],
    ['magni 3+', 'model-number'],
    ['magni heretic', 'variant'],
    ['iphone 19x', 'model-number'],
    ['sound blaster g6', 'model-number'],
    ['dt 990 pro x', 'model-number'],
    ['ath m50x bt', 'model-number'],
    ['akg k701 ultra', 'model-number'],
  ])('%s is named as unknown, never answered as a neighbour', (text) => {
    const r = finder.resolve(text);
    expect(r.status, r.status === 'found' ? r.device.id : '').not.toBe('found');
  });
  it('words around a name that are not a model word still resolve it', () => {
    for (const [text, id] of [
      ['hd 600 open back', 'sennheiser-hd600'],
      ['hd 660 s', 'sennheiser-hd660s'],
      ['hd 600 headphones for studio', 'sennheiser-hd600'],
    ])
      expect(finder.resolve(text!)).toMatchObject({ status: 'found', device: { id } });
  });
  it('a kind of device is a class, not a device', () => {
    for (const text of ['motherboard', 'usb c adapter', 'headphone amp', 'audio interface'])
      expect(finder.resolve(text).status).toBe('none');
  });
});

describe('variant words the text spells out are taken, not assumed', () => {
  it.each([
    ['macbook pro 2021', 'apple-mac-headphone-jack-2021'],
    ['macbook pro 2023', 'apple-mac-headphone-jack-2021'],
    ['macbook air 2020', 'apple-mac-headphone-jack-pre-2021'],
    ['utopia 2016', 'focal-utopia-2016'],
    ['sundara open-back', 'hifiman-sundara'],
    ['sundara closed back', 'hifiman-sundara-closed-back'],
    ['he6se v1', 'hifiman-he6se-v1'],
    ['apple lightning to 3.5mm adapter', 'apple-lightning-to-3-5mm-adapter'],
  ])('%s → %s (no variant assumed)', (text, id) => {
    const r = finder.resolve(text);
    if (r.status !== 'found') throw new Error(`${text}: ${r.status}`);
    expect(r.device.id).toBe(id);
    expect(r.assumedVariant).toBe(false);
  });
  it('a bare family name still says a variant was assumed', () => {
    for (const text of ['sundara', 'he6se', 'utopia']) {
      const r = finder.resolve(text);
      expect(r.status === 'found' && r.assumedVariant, text).toBe(true);
    }
  });
});
