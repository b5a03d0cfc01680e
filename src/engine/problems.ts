/**
 * What is wrong with an input, as data: a code, the field it is about, where it was found and its numbers — never
 * English. Like the warnings, problems are put into words by the answer layer (src/answer/problem-text.ts), so the
 * engine stays numbers in, numbers (and codes) out.
 */

/** The figure a problem is about; `index` (0-based) for an item of a list (the second voltage rating: 1). */
export type FieldName =
  | 'headphone'
  | 'source'
  | 'impedance'
  | 'impedance_min'
  | 'impedance_max'
  | 'impedance_range'
  | 'sensitivity'
  | 'sensitivity_unit'
  | 'driver'
  | 'form'
  | 'max_power'
  | 'target'
  | 'voltages'
  | 'voltage'
  | 'voltage_vrms'
  | 'voltage_dbu'
  | 'voltage_dbv'
  | 'voltage_load'
  | 'power_ratings'
  | 'power_rating'
  | 'power_mw'
  | 'power_load'
  | 'output_impedance'
  | 'current_limit'
  | 'noise'
  | 'gain_modes'
  | 'gain_mode'
  | 'load_range'
  | 'load_range_min'
  | 'load_range_max';

export interface Field {
  name: FieldName;
  index?: number;
}

/** Where in a larger input a problem was found, outermost first. */
export type Place =
  | { kind: 'output'; id: string }
  | { kind: 'source'; id: string }
  | { kind: 'gain_mode'; name: string }
  | { kind: 'gain_mode_at'; index: number }
  | { kind: 'member'; id: string; output?: string };

type Base = { field?: Field; where?: Place[] };

export type Problem = Base &
  (
    | { code: 'not_an_object'; got: string }
    | { code: 'not_a_list'; got: string }
    /** Not a finite number; `sign` when it must also be > 0 or ≥ 0, `unit` for the words. */
    | { code: 'not_a_number'; got: string; unit?: string; sign?: 'positive' | 'zero_or_more' }
    /** A finite number beyond what any headphone or output has. */
    | { code: 'not_plausible'; value: number; unit: string; bound: 'above' | 'below'; limit: number }
    /** A level given in dBu or dBV that is an implausible voltage. */
    | { code: 'level_not_plausible'; value: number; unit: 'dBu' | 'dBV'; vrms: number }
    | { code: 'out_of_range'; value: number; unit: string; min: number; max: number; range: 'plausible' | 'accepted' }
    | { code: 'unknown_choice'; got: string; choices: readonly string[] }
    | { code: 'min_above_max'; min: number; max: number }
    | { code: 'no_value' }
    | { code: 'needs_name'; got: string }
    /** One voltage in several forms (Vrms, dBu, dBV) that disagree. */
    | { code: 'forms_disagree'; given: string; spreadDb: number; toleranceDb: number }
    | { code: 'open_levels_disagree'; given: string; spreadDb: number; toleranceDb: number }
    | { code: 'ratings_disagree'; ratings: string; spreadDb: number }
    | {
        code: 'rating_exceeds_unloaded';
        rating: string;
        vrms: number;
        openVrms: number;
        zOutOhm: number | null;
        loadOhm: number;
        possibleVrms: number;
      }
    | { code: 'no_outputs' }
    | { code: 'no_sources' }
    | { code: 'no_members' }
    | { code: 'non_finite'; at: string }
  );

export type ProblemCode = Problem['code'];

/** The problems of a part found inside a larger input, with its place added in front. */
export const within = (place: Place, problems: readonly Problem[]): Problem[] =>
  problems.map((p) => ({ ...p, where: [place, ...(p.where ?? [])] }));
