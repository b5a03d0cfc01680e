/** Cross-file checks that no single schema can make: unique ids and aliases, existing related ids, embed budgets. */
import { EMBED_LIMITS } from './limits.js';
import type { Topic } from './faq-schema.js';
import type { KnownDevice } from './load-devices.js';
import type { KnowledgeProblem } from './problems.js';
import { compact, normalize } from '../text/normalize.js';

export function checkTopics(topics: Topic[]): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const ids = new Map<string, Topic>();
  for (const t of topics) {
    const prior = ids.get(t.id);
    if (prior) problems.push({ file: t.file, field: 'id', message: `"${t.id}" is already used by ${prior.file}` });
    else ids.set(t.id, t);
  }
  const phrases = new Map<string, { topic: Topic; field: string }>();
  for (const t of topics) {
    const seenHere = new Set<string>();
    [t.title, ...t.aliases].forEach((phrase, i) => {
      const field = i === 0 ? 'title' : `aliases[${i - 1}]`;
      const key = normalize(phrase);
      if (seenHere.has(key)) {
        problems.push({ file: t.file, field, message: `"${phrase}" repeats another title/alias of the same topic` });
        return;
      }
      seenHere.add(key);
      const prior = phrases.get(key);
      if (prior && prior.topic !== t) {
        problems.push({
          file: t.file,
          field,
          message:
            `"${phrase}" is also ${prior.field} of ${prior.topic.id} (${prior.topic.file}); aliases must be ` +
            `unique across topics`,
        });
      } else phrases.set(key, { topic: t, field });
    });
    t.related.forEach((rel, i) => {
      if (rel === t.id)
        problems.push({ file: t.file, field: `related[${i}]`, message: 'a topic cannot be related to itself' });
      else if (!ids.has(rel))
        problems.push({ file: t.file, field: `related[${i}]`, message: `no topic has the id "${rel}"` });
    });
    const budget =
      t.title.length + t.body.length + t.related.reduce((n, r) => n + (ids.get(r)?.title.length ?? 0) + 4, 0) + 200;
    if (budget > EMBED_LIMITS.total) {
      problems.push({
        file: t.file,
        field: 'answer',
        message:
          `title, answer and related titles come to about ${budget} characters; one message allows ` +
          `${EMBED_LIMITS.total}`,
      });
    }
  }
  return problems;
}

export function checkDevices(devices: KnownDevice[]): KnowledgeProblem[] {
  const fileOf = (d: KnownDevice) => d.file;
  const problems: KnowledgeProblem[] = [];
  const ids = new Map<string, KnownDevice>();
  for (const d of devices) {
    const prior = ids.get(d.id);
    if (prior)
      problems.push({ file: fileOf(d), field: `${d.id}.id`, message: `"${d.id}" is already used in ${fileOf(prior)}` });
    else ids.set(d.id, d);
  }
  const names = new Map<string, KnownDevice>();
  for (const d of devices) {
    const own = new Set<string>();
    for (const [i, name] of [`${d.brand} ${d.model}`, ...d.aliases].entries()) {
      const key = compact(name);
      if (own.has(key)) continue; // an alias that repeats the device's own name is harmless
      own.add(key);
      const prior = names.get(key);
      if (prior && prior !== d) {
        problems.push({
          file: fileOf(d),
          field: `${d.id}.${i === 0 ? 'name' : `aliases[${i - 1}]`}`,
          message: `"${name}" also names ${prior.id} (${fileOf(prior)}); device names and aliases must be unique`,
        });
      } else names.set(key, d);
    }
    // A device without figures is still known by name (answered with a labelled class estimate), but it needs a
    // page that shows the product exists.
    if (d.type === 'headphone' && d.impedance.length === 0 && !d.url) {
      problems.push({
        file: fileOf(d),
        field: `${d.id}.url`,
        message: 'a headphone without a sourced impedance needs `url`: a page that shows the product exists',
      });
    }
    const figures = (o: (typeof d & { type: 'source' })['outputs'][number]) =>
      o.level.length + o.power.length + o.outputImpedance.length + (o.maxCurrent?.length ?? 0) + (o.noise?.length ?? 0);
    if (d.type === 'source' && d.outputs.every((o) => figures(o) === 0) && !d.url) {
      problems.push({
        file: fileOf(d),
        field: `${d.id}.url`,
        message: 'a source without sourced output figures needs `url`: a page that shows the product exists',
      });
    }
  }
  const byId = new Map(devices.map((d) => [d.id, d]));
  for (const d of devices) {
    if (d.type !== 'source' || !d.headphonesVia) continue;
    const via = byId.get(d.headphonesVia);
    if (via?.type !== 'source') {
      problems.push({
        file: fileOf(d),
        field: `${d.id}.headphonesVia`,
        message: `no source has the id "${d.headphonesVia}"`,
      });
    }
  }
  const families = new Map<string, KnownDevice[]>();
  for (const d of devices) if (d.family) families.set(d.family, [...(families.get(d.family) ?? []), d]);
  for (const [family, members] of families) {
    const defaults = members.filter((m) => m.familyDefault);
    if (members.length > 1 && defaults.length !== 1) {
      problems.push({
        file: fileOf(members[0]!),
        field: `${family}.familyDefault`,
        message:
          `family "${family}" has ${members.length} variants and ${defaults.length} marked familyDefault; ` +
          `mark exactly one`,
      });
    }
  }
  return problems;
}
