/**
 * Server entries become ordinary knowledge — topics and devices validated by the same zod schemas as the built-in
 * files — and a server's knowledge is the built-in set with its own entries laid over it (replacing or hiding
 * built-in topics for that server only; the files are never modified).
 */
import { Device } from '../knowledge/device-schema.js';
import { TopicBody, TopicFrontMatter, type Topic } from '../knowledge/faq-schema.js';
import type { Knowledge, KnownDevice } from '../knowledge/index.js';
import { describeIssues, type EntryInput } from './entry-schema.js';
import type { Entry } from './repository.js';

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '') || 'entry';

export function entryTopicId(id: number, input: EntryInput): string {
  return input.kind === 'faq' && input.replaces ? input.replaces : `server-${id}-${slug(input.title)}`;
}

function topicOf(id: number, input: Extract<EntryInput, { kind: 'faq' }>): Topic {
  return {
    id: entryTopicId(id, input),
    title: input.title,
    aliases: input.aliases,
    examples: [],
    tags: ['server'],
    related: [],
    ...(input.sourceUrl ? { sources: [input.sourceUrl] } : {}),
    body: input.body,
    file: `server entry #${id}`,
  };
}

function deviceOf(id: number, input: Extract<EntryInput, { kind: 'headphone' | 'source' }>): unknown {
  const [brand, ...rest] = input.title.split(/\s+/);
  const base = {
    id: `server-${id}-${slug(input.title)}`,
    brand: brand!,
    model: rest.join(' ') || input.title,
    aliases: input.aliases,
    notes: `Added by this server's moderators (entry #${id}).`,
  };
  // What the moderator's page is cannot be checked here, so their figures count as second-hand (README).
  const cite = { url: input.sourceUrl, basis: 'second-hand' as const, via: "this server's moderators" };
  if (input.kind === 'headphone') {
    return {
      ...base,
      type: 'headphone',
      form: 'over-ear',
      driver: input.driver,
      impedance: [{ ohms: input.impedanceOhm, ...cite }],
      sensitivity: [{ db: input.sensitivityDb, per: input.sensitivityPer, ...cite }],
    };
  }
  const level =
    input.vrms !== undefined
      ? [{ value: input.vrms, unit: 'Vrms', ...cite }]
      : input.dbu !== undefined
        ? [{ value: input.dbu, unit: 'dBu', ...cite }]
        : [];
  return {
    ...base,
    type: 'source',
    category: 'interface',
    class: 'budget-interface',
    outputs: [
      {
        name: 'Headphone out',
        balanced: false,
        level,
        power:
          input.powerMw !== undefined && input.powerLoadOhm !== undefined
            ? [{ mw: input.powerMw, loadOhms: input.powerLoadOhm, ...cite }]
            : [],
        outputImpedance: input.outputImpedanceOhm !== undefined ? [{ ohms: input.outputImpedanceOhm, ...cite }] : [],
      },
    ],
  };
}

/** Names compared the way people type them: case, spaces and punctuation ignored ("HD-600" = "hd600"). */
const nameKey = (name: string) =>
  name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

/** Every spelling of every built-in device name → that device's display name (built once per knowledge). */
const builtInNames = new WeakMap<readonly KnownDevice[], Map<string, string>>();
function deviceNames(devices: readonly KnownDevice[]): Map<string, string> {
  let names = builtInNames.get(devices);
  if (!names) {
    names = new Map();
    for (const d of devices) {
      const display = `${d.brand} ${d.model}`;
      for (const n of [display, d.model, ...d.aliases])
        if (nameKey(n).length >= 3 && !names.has(nameKey(n))) names.set(nameKey(n), display);
    }
    builtInNames.set(devices, names);
  }
  return names;
}

/**
 * Validates an entry exactly like a built-in file would be; returns a friendly error or null. With the built-in
 * knowledge given, also refuses replacing a topic that does not exist and a device name that is a built-in one's
 * (the server's figures would silently stand in for the real device's sourced ones).
 */
export function knowledgeProblem(input: EntryInput, base?: Pick<Knowledge, 'topics' | 'devices'>): string | null {
  const knownTopicIds = base ? new Set(base.topics.map((t) => t.id)) : undefined;
  if ((input.kind === 'headphone' || input.kind === 'source') && base) {
    const names = deviceNames(base.devices);
    for (const n of [input.title, ...input.aliases]) {
      const taken = names.get(nameKey(n));
      if (taken)
        return (
          `"${n}" is the name of a built-in device (${taken}), whose figures come with sources. Give yours a ` +
          `name of its own (for example "${input.title} (our unit)"), or propose a correction to the built-in ` +
          `figures in a pull request.`
        );
    }
  }
  if (input.kind === 'hide' || (input.kind === 'faq' && input.replaces)) {
    if (knownTopicIds && !knownTopicIds.has(input.replaces!))
      return `there is no built-in topic "${input.replaces}" to ${input.kind === 'hide' ? 'hide' : 'replace'}`;
    if (input.kind === 'hide') return null;
  }
  if (input.kind === 'faq') {
    const t = topicOf(0, input);
    const front = TopicFrontMatter.safeParse({
      id: t.id,
      title: t.title,
      aliases: t.aliases,
      tags: t.tags,
      related: t.related,
      ...(t.sources ? { sources: t.sources } : {}),
    });
    if (!front.success) return describeIssues(front.error.issues);
    const body = TopicBody.safeParse(t.body);
    return body.success ? null : describeIssues(body.error.issues);
  }
  const d = Device.safeParse(deviceOf(0, input));
  return d.success ? null : describeIssues(d.error.issues);
}

/** The built-in knowledge with one server's entries laid over it. */
export function overlay(base: Knowledge, entries: readonly Entry[]): Knowledge {
  const live = entries.filter((e) => !e.deleted);
  const hidden = new Set(
    live.flatMap((e) =>
      e.input.kind === 'hide' || (e.input.kind === 'faq' && e.input.replaces) ? [e.input.replaces!] : [],
    ),
  );
  const topics: Topic[] = base.topics
    .filter((t) => !hidden.has(t.id))
    .map((t) => ({
      ...t,
      related: t.related.filter(
        (r) => !hidden.has(r) || live.some((e) => e.input.kind === 'faq' && e.input.replaces === r),
      ),
    }));
  const added: KnownDevice[] = [];
  const usedNames = new Set(topics.flatMap((t) => [t.title, ...t.aliases].map((x) => x.toLowerCase())));
  for (const e of live) {
    if (e.input.kind === 'faq') {
      const t = topicOf(e.id, e.input);
      // A server's alias that repeats a built-in one would make search ambiguous: the built-in phrasing stays.
      t.aliases = t.aliases.filter((a) => !usedNames.has(a.toLowerCase()));
      topics.push(t);
    } else if (e.input.kind === 'headphone' || e.input.kind === 'source') {
      const parsed = Device.safeParse(deviceOf(e.id, e.input));
      if (parsed.success) added.push({ ...parsed.data, file: `server entry #${e.id}` });
    }
  }
  return {
    topics,
    // the very same array when the server adds no devices: its brain then shares the built-in device indexes
    devices: added.length ? [...base.devices, ...added] : base.devices,
    ...(base.lexicon ? { lexicon: base.lexicon } : {}),
    ...(base.offTopic ? { offTopic: base.offTopic } : {}),
  };
}

/** A one-line label for lists and autocomplete. */
export function entryLabel(e: Entry): string {
  const kind =
    e.input.kind === 'faq'
      ? e.input.replaces
        ? `replaces ${e.input.replaces}`
        : 'FAQ'
      : e.input.kind === 'hide'
        ? `hides ${e.input.replaces}`
        : e.input.kind;
  return `#${e.id} ${e.input.kind === 'hide' ? '' : e.input.title} (${kind}${e.deleted ? ', removed' : ''})`.replace(
    /\s+/g,
    ' ',
  );
}
