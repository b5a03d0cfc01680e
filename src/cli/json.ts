/** The CLI's JSON shape for one answer (field names are a contract with the evaluation tools). */
import type { Answer, MatchAnswer } from '../answer/types.js';
import { answerToMarkdown } from '../render/markdown.js';

export interface AnswerJson {
  kind: 'faq' | 'match' | 'device' | 'clarify' | 'none';
  faq: {
    id: string;
    title: string;
    score: number /** False: the closest topic, not certainly the one asked. */;
    certain: boolean;
  } | null;
  match: null | Record<string, unknown>;
  device: null | Record<string, unknown>;
  text: string;
  confidence: number;
  suggestions: { id: string; title: string }[];
  options?: { label: string; value: string }[];
}

/** The match object: plain unrounded numbers; field names are a contract with the evaluation tools. */
function matchJson(a: MatchAnswer): Record<string, unknown> {
  if (a.mode === 'compare') {
    const first = a.rows[0]!;
    return {
      verdict: 'depends',
      mode: 'compare',
      headphone: { id: first.device.id, name: first.device.name },
      source: null,
      targetSpl: a.targetSpl,
      maxSpl: null,
      headroomDb: null,
      required: { vrms: first.vrms, mw: first.mw, ma: first.ma },
      available: null,
      limitedBy: null,
      warnings: [],
      comparison: a.rows,
    };
  }
  if (a.mode === 'impedance-only') {
    const r = a.result;
    return {
      verdict: r.verdict,
      mode: 'impedance-only',
      headphone: null,
      source: null,
      targetSpl: r.targetSpl,
      maxSpl: null,
      headroomDb: null,
      required: r.required ? { vrms: r.required.atLow.vrms, mw: r.required.atLow.mw, ma: r.required.atLow.ma } : null,
      requiredRange: r.required,
      available: null,
      limitedBy: null,
      warnings: r.warningCodes.map((code) => ({ code })),
      impedanceOhm: r.impedanceOhm,
      driver: r.driver,
      sensitivityRange: r.sensitivityRange,
      sources: r.sources.map((s) => ({
        id: s.id,
        basis: s.basis,
        verdict: s.verdict,
        headroomMinDb: s.headroomMinDb,
        headroomMaxDb: s.headroomMaxDb,
      })),
      table: r.table,
    };
  }
  if (a.mode === 'estimate') {
    const r = a.result;
    return {
      verdict: r.verdict,
      band: r.band,
      mode: 'estimate',
      estimated: true,
      estimatedSides: a.estimated,
      class: a.sourceClass,
      headphoneGroup: a.headphoneGroup,
      headphone: a.headphone ? { id: a.headphone.id, name: a.headphone.name } : null,
      source: a.source ? { id: a.source.id, name: a.source.name } : null,
      targetSpl: r.targetSpl,
      maxSpl: r.low?.maxSpl ?? null,
      headroomDb: r.low?.headroomDb ?? null,
      headroomRange: [r.low?.headroomDb ?? null, r.high?.headroomDb ?? null],
      maxSplRange: [r.low?.maxSpl ?? null, r.high?.maxSpl ?? null],
      from: a.from,
      counted: r.counted,
      trimmed: r.trimmed,
      required: null,
      available: null,
      limitedBy: null,
      warnings: [],
    };
  }
  if (a.mode === 'sources-table') {
    return {
      verdict: a.verdict,
      mode: 'sources-table',
      headphone: a.headphone ? { id: a.headphone.id, name: a.headphone.name } : null,
      source: null,
      targetSpl: a.targetSpl,
      maxSpl: null,
      headroomDb: null,
      required: a.required,
      available: null,
      limitedBy: null,
      warnings: [],
      rows: a.rows,
    };
  }
  const r = a.result;
  return {
    verdict: r.verdict,
    band: r.band,
    mode: 'pair',
    headphone: a.headphone ? { id: a.headphone.id, name: a.headphone.name } : null,
    source: a.source ? { id: a.source.id, name: a.source.name } : null,
    targetSpl: r.targetSpl,
    maxSpl: r.maxSpl,
    headroomDb: r.headroomDb,
    required: r.required,
    available: r.available ? { vrms: r.available.vrms, mw: r.available.mw, ma: r.available.ma } : null,
    limitedBy: r.limitedBy,
    warnings: r.warnings,
    output: a.outputName,
    averageSpl: r.averageSpl,
    sensitivityAmbiguous: r.sensitivityAmbiguous,
    missing: r.missing,
    derived: r.derived,
    cited: a.cited,
  };
}

function withoutFile<T extends { file: string }>(d: T): Omit<T, 'file'> {
  const { file: _file, ...rest } = d;
  return rest;
}

export function answerToJson(answer: Answer): AnswerJson {
  return {
    kind: answer.kind,
    faq:
      answer.kind === 'faq'
        ? { id: answer.topic.id, title: answer.topic.title, score: answer.score, certain: answer.certain }
        : null,
    match: answer.kind === 'match' ? matchJson(answer) : null,
    device:
      answer.kind === 'device'
        ? {
            ...withoutFile(answer.device),
            name: answer.name,
            assumedVariant: answer.assumedVariant,
            variants: answer.variants,
          }
        : null,
    text: answerToMarkdown(answer),
    confidence: answer.confidence,
    suggestions: answer.kind === 'none' ? answer.suggestions.map(({ id, title }) => ({ id, title })) : [],
    ...(answer.kind === 'clarify' ? { options: answer.options } : {}),
  };
}
