/** One plain-English sentence per engine warning, with its numbers. */
import type { Warning } from '../engine/index.js';
import { dB, mW, ohm, V } from '../format.js';
import { VERDICT_WORDS } from './verdict-words.js';

export function warningText(w: Warning): string {
  switch (w.code) {
    case 'output_impedance_high': {
      const rule =
        `Output impedance ${ohm(w.zOutOhm)} is above 1/8 of the headphone's ${ohm(w.impedanceOhm)} (limit ` +
        `${ohm(w.ruleLimitOhm)}; damping factor ${w.dampingFactor.toFixed(1)})`;
      if (w.responseDeviationDb !== undefined) {
        const swing =
          `with the impedance swinging ` +
          `${ohm(w.impedanceMinOhm ?? w.impedanceOhm)}–${ohm(w.impedanceMaxOhm ?? w.impedanceOhm)} the frequency ` +
          `response shifts by about ${dB(w.responseDeviationDb)}`;
        return w.severity === 'warning'
          ? `${rule}: ${swing} — an audible change in tonal balance.`
          : `${rule}, but ${swing}, too little to matter much.`;
      }
      if (w.planarBarelyCares)
        return (
          `${rule}. Planar headphones have nearly flat impedance, ` +
          'so this costs level rather than changing the tone.'
        );
      if (w.driver === 'balanced-armature' || w.driver === 'hybrid')
        return (
          `${rule}: multi-driver IEMs swing in impedance across the band, so the tonal balance can change ` +
          `noticeably.`
        );
      return (
        `${rule}. A dynamic driver's impedance mostly peaks at its bass resonance, so expect at most a small ` +
        `bass change.`
      );
    }
    case 'hiss_risk':
      return (
        `Hiss risk: the output's ${w.noiseUv} µV noise floor comes out at about ${dB(w.noiseSpl)} SPL in these ` +
        `headphones (above ~${w.thresholdSpl} dB it can be audible in quiet passages).`
      );
    case 'too_much_gain': {
      const what =
        `Plenty of gain: normal listening (~${w.normalListeningSpl} dB SPL) needs only ` +
        `${V(w.normalListeningVrms)} of the ${V(w.availableVrms)} available, ${dB(w.attenuationDb)} below full volume`;
      return w.selectableGain
        ? `${what} — use its lowest gain setting.`
        : `${what} — expect to use the bottom of the volume range (an analogue knob can be uneven between channels ` +
            `there; a digital volume or an IEM attenuator helps).`;
    }
    case 'power_handling_exceeded':
      return (
        `At full volume the output can deliver ${mW(w.availableMw)}, more than the ${mW(w.maxPowerMw)} the ` +
        `headphones are rated to handle (${dB(w.excessDb)} over): keep the volume sensible.`
      );
    case 'ambiguous_sensitivity':
      return (
        `The sensitivity "${w.sensitivityValue} dB" is printed without saying per mW or per V, and the answer ` +
        `changes: read per mW it is ` +
        `${VERDICT_WORDS[w.verdictDbMw]}${w.headroomDbMw !== null ? ` (${dB(w.headroomDbMw)} headroom)` : ''}, per V ` +
        `it is ${VERDICT_WORDS[w.verdictDbV]}${w.headroomDbV !== null ? ` (${dB(w.headroomDbV)})` : ''}.`
      );
    case 'sensitivity_unit_unknown':
      return (
        `The sensitivity "${w.sensitivityValue} dB" does not say per mW or per V; both readings give the same ` +
        `verdict, and the numbers shown use the more demanding one (per ${w.reportedUnit === 'dB/mW' ? 'mW' : 'V'}).`
      );
    case 'output_impedance_unknown':
      return `The source's output impedance is not known; ${ohm(w.assumedOhm)} was assumed.`;
    case 'hiss_unknown_noise':
      return (
        `These are very sensitive (${dB(w.sensitivityDbV)} SPL per volt) and the output's noise is not ` +
        `published: a faint hiss in quiet passages is possible.`
      );
    case 'balanced_cable_needed':
      return (
        `That is the ${w.outputId}: it needs a balanced cable (headphones with a detachable cable, or a ` +
        `balanced one fitted).`
      );
    case 'implausible_figures': {
      const what =
        w.maxSpl >= w.maxSplLimit ? `${dB(w.maxSpl)} SPL at full volume` : `${mW(w.availableMw)} into the headphones`;
      return (
        `Check these figures: ${what} is beyond any headphone output (it would wreck drivers and hearing). A ` +
        `typo, a speaker amplifier's rating or a wrong unit (mV for V, mW for W) is more likely.`
      );
    }
    case 'below_rated_load': {
      const range =
        `The output is rated only down to ${ohm(w.ratedLoadOhm)} and these headphones are ${ohm(w.loadOhm)}, with ` +
        `no current limit published: holding the rated current gives ${dB(w.headroomDbLow)} headroom, holding the ` +
        `rated voltage ${dB(w.headroomDbHigh)}`;
      return w.severity === 'warning'
        ? `${range} — ${VERDICT_WORDS[w.verdictLow]} to ${VERDICT_WORDS[w.verdictHigh]}, so the figures cannot ` +
            `settle it; a maker's rating at a lower load or a measurement would.`
        : `${range}; the verdict is the same either way.`;
    }
    case 'electrostatic_needs_energizer':
      return 'Electrostatic headphones cannot run from a headphone output at all: they need a dedicated energizer.';
  }
}
