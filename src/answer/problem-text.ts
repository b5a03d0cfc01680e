/** One plain-English sentence per engine problem (src/engine/problems.ts), with its field, place and numbers. */
import type { Field, Place, Problem } from '../engine/index.js';
import { fmt, fmtDb } from '../format.js';

const n = (i: number | undefined) => (i ?? 0) + 1;

/** The words for a field, as the sentence's subject. */
function label(f: Field | undefined): string {
  switch (f?.name) {
    case 'headphone':
      return 'Headphone spec';
    case 'source':
      return 'Source spec';
    case 'impedance':
      return 'Headphone impedance';
    case 'impedance_min':
      return 'Minimum headphone impedance';
    case 'impedance_max':
      return 'Maximum headphone impedance';
    case 'impedance_range':
      return 'Impedance range';
    case 'sensitivity':
      return 'Sensitivity';
    case 'sensitivity_unit':
      return 'Sensitivity unit';
    case 'driver':
      return 'Driver type';
    case 'form':
      return 'Headphone form';
    case 'max_power':
      return 'Maximum power handling';
    case 'target':
      return 'Target level';
    case 'voltages':
      return 'voltages';
    case 'voltage':
      return `Voltage rating ${n(f.index)}`;
    case 'voltage_vrms':
      return `Voltage rating ${n(f.index)} (Vrms)`;
    case 'voltage_dbu':
      return `Voltage rating ${n(f.index)} (dBu)`;
    case 'voltage_dbv':
      return `Voltage rating ${n(f.index)} (dBV)`;
    case 'voltage_load':
      return `Voltage rating ${n(f.index)} load`;
    case 'power_ratings':
      return 'powerRatings';
    case 'power_rating':
      return `Power rating ${n(f.index)}`;
    case 'power_mw':
      return `Power rating ${n(f.index)} power`;
    case 'power_load':
      return `Power rating ${n(f.index)} load`;
    case 'output_impedance':
      return 'Output impedance';
    case 'current_limit':
      return 'Current limit';
    case 'noise':
      return 'Output noise';
    case 'gain_modes':
      return 'gainModes';
    case 'gain_mode':
      return `Gain mode ${n(f.index)}`;
    case 'load_range':
      return 'loadRangeOhm';
    case 'load_range_min':
      return 'load range minimum';
    case 'load_range_max':
      return 'load range maximum';
    case undefined:
      return 'The input';
  }
}

function placeText(p: Place): string {
  switch (p.kind) {
    case 'output':
      return `Output ${JSON.stringify(p.id)}`;
    case 'source':
      return `Source ${JSON.stringify(p.id)}`;
    case 'gain_mode':
      return `Gain mode ${JSON.stringify(p.name)}`;
    case 'gain_mode_at':
      return `Gain mode ${p.index + 1}`;
    case 'member':
      return p.output !== undefined ? `${p.id} (${p.output})` : p.id;
  }
}

/** A limit with its unit ("100 kΩ", "0.001 Vrms"). */
const limitText = (value: number, unit: string) =>
  unit === 'Ω' && value >= 1000 ? `${fmt(value / 1000)} kΩ` : `${fmt(value)} ${unit}`;

/** A list of choices: quoted with "or" for units, comma-separated for kinds. */
const choicesText = (f: Field | undefined, choices: readonly string[]) =>
  f?.name === 'sensitivity_unit'
    ? `${choices
        .slice(0, -1)
        .map((c) => JSON.stringify(c))
        .join(', ')} or ${JSON.stringify(choices[choices.length - 1])}`
    : choices.join(', ');

/** The sentence without its place. */
function sentence(p: Problem): string {
  const L = label(p.field);
  switch (p.code) {
    case 'not_an_object':
      return p.field?.name === 'sensitivity'
        ? `Sensitivity must be an object with value and unit; got ${p.got}.`
        : `${L} must be an object; got ${p.got}.`;
    case 'not_a_list':
      return `${L} must be a list; got ${p.got}.`;
    case 'not_a_number': {
      const need =
        p.sign === 'positive'
          ? ` greater than 0 ${p.unit}`
          : p.sign === 'zero_or_more'
            ? ` 0 ${p.unit} or more`
            : p.unit
              ? ` of ${p.unit}`
              : '';
      return `${L} must be a finite number${need}; got ${p.got}.`;
    }
    case 'not_plausible':
      return `${L} of ${fmt(p.value)} ${p.unit} is ${p.bound} ${limitText(p.limit, p.unit)}, which is not plausible.`;
    case 'level_not_plausible':
      return `${L} of ${fmt(p.value)} ${p.unit} is ${fmt(p.vrms)} Vrms, which is not plausible.`;
    case 'out_of_range':
      return `${L} ${fmt(p.value)} ${p.unit} is outside the ${p.range} ${p.min}–${p.max} ${p.unit} range.`;
    case 'unknown_choice':
      return `Unknown ${L.toLowerCase()} ${p.got}; use ${choicesText(p.field, p.choices)}.`;
    case 'min_above_max':
      return p.field?.name === 'load_range'
        ? `load range minimum ${fmt(p.min)} Ω is not below its maximum ${fmt(p.max)} Ω.`
        : `Minimum impedance ${fmt(p.min)} Ω is greater than maximum impedance ${fmt(p.max)} Ω.`;
    case 'no_value':
      return `${L} has no value; give vrms, dbu or dbv.`;
    case 'needs_name':
      return `${L} needs a name; got ${p.got}.`;
    case 'forms_disagree':
      return (
        `Voltage given as ${p.given} disagrees by ${fmtDb(p.spreadDb)} dB; the forms must agree within ` +
        `${p.toleranceDb} dB.`
      );
    case 'open_levels_disagree':
      return (
        `Maximum (unloaded) output voltage given as ${p.given}: they disagree by ${fmtDb(p.spreadDb)} dB ` +
        `(more than ${p.toleranceDb} dB).`
      );
    case 'ratings_disagree':
      return `Ratings at the same load disagree by ${fmtDb(p.spreadDb)} dB: ${p.ratings}.`;
    case 'rating_exceeds_unloaded': {
      const behind = p.zOutOhm !== null ? ` behind ${fmt(p.zOutOhm)} Ω` : '';
      return (
        `Loaded rating ${p.rating} (${fmt(p.vrms)} Vrms) is more than ${fmt(p.openVrms)} Vrms unloaded${behind} can ` +
        `deliver into ${fmt(p.loadOhm)} Ω (${fmt(p.possibleVrms)} Vrms).`
      );
    }
    case 'no_outputs':
      return p.where?.length ? 'no output to evaluate.' : 'A source needs at least one output to evaluate.';
    case 'no_sources':
      return 'At least one source is needed.';
    case 'no_members':
      return 'A class estimate needs at least one sourced member.';
    case 'non_finite':
      return `Internal error: the computation produced a non-finite number at ${p.at}.`;
  }
}

export function problemText(p: Problem): string {
  const where = (p.where ?? []).map(placeText);
  return [...where, sentence(p)].join(': ');
}

/** Several problems as one paragraph. */
export const problemsText = (problems: readonly Problem[]) => problems.map(problemText).join(' ');
