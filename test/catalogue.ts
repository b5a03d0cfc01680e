/** The FAQ topic ids the product promises (issue 2's catalogue plus the topics added since). */
export const CATALOGUE_IDS = [
  'headphones-input-or-output', 'headset-vs-headphones', 'input-vs-output-devices', 'microphone-input-or-output',
  'headphones-as-microphone', 'trs-trrs-plugs', 'jack-sizes-adapters',
  'what-is-audio-interface', 'audio-interface-benefits', 'headphones-into-audio-interface', 'need-interface-for-headphones',
  'interface-as-headphone-amp', 'headphone-amp-with-interface', 'interface-connectivity', 'monitoring-latency',
  'direct-monitoring', 'mono-input-one-ear', 'interface-with-mobile',
  'any-headphones-with-interface', 'amp-for-all-headphones', 'balanced-necessary-for-headphones', 'match-impedance-how',
  'focusrite-any-headphones', 'focusrite-headphones-required', 'accurate-monitoring', 'noise-isolation',
  'portable-recording-setup', 'headphone-types-compatibility',
  'do-i-need-an-amp', 'headphone-output-power', 'sensitivity-explained', 'impedance-explained', 'impedance-matching',
  'output-impedance-damping', 'power-handling-vs-requirement', 'reading-amp-power-specs', 'iem-hiss-and-gain',
  'quiet-headphones-troubleshooting', 'line-out-for-headphones', 'planar-vs-dynamic', 'open-vs-closed-back',
  'balanced-vs-unbalanced', 'balanced-headphone-outputs', 'dac-vs-amp', 'do-i-need-a-dac',
  'ground-loop-hum', 'bluetooth-headphones-with-interface', 'usb-vs-xlr-microphones', 'sample-rate-bit-depth',
  'speaker-amp-for-headphones', 'wireless-headphones-latency', 'headphone-volume-too-low-interface',
] as const;
