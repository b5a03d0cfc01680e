/**
 * Command registration: compare the definitions with what Discord has, field by field, and PUT only when something
 * differs — guild-scoped with DEV_GUILD_ID, global otherwise. Never re-registers blindly (daily create limits), and
 * says why it did (the first differences, as "kb.contexts: [0,1] → [0]").
 */
import { createHash } from 'node:crypto';
import { Routes, type REST, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

type Json = Record<string, unknown>;

const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
/** A field Discord fills in when it was left out, read back as the value that means "not set". */
const orNull = (v: unknown) => (v === undefined ? null : v);

function normaliseOption(o: Json): Json {
  return {
    type: o.type,
    name: o.name,
    description: o.description ?? '',
    name_localizations: orNull(o.name_localizations),
    description_localizations: orNull(o.description_localizations),
    required: Boolean(o.required),
    autocomplete: Boolean(o.autocomplete),
    choices: list(o.choices).map((c) => ({ name: c.name, value: c.value })),
    channel_types: [...((o.channel_types as number[] | undefined) ?? [])].sort((a, b) => a - b),
    min_value: orNull(o.min_value),
    max_value: orNull(o.max_value),
    min_length: orNull(o.min_length),
    max_length: orNull(o.max_length),
    options: list(o.options).map(normaliseOption),
  };
}

/** Every field a definition can set, with Discord's defaults made explicit (so "left out" equals "the default"). */
export function normaliseCommand(c: Json): Json {
  const sorted = (v: unknown) => (Array.isArray(v) ? [...(v as number[])].sort((a, b) => a - b) : null);
  return {
    name: c.name,
    type: c.type ?? 1,
    description: c.description ?? '',
    name_localizations: orNull(c.name_localizations),
    description_localizations: orNull(c.description_localizations),
    options: list(c.options).map(normaliseOption),
    default_member_permissions: orNull(c.default_member_permissions),
    nsfw: Boolean(c.nsfw),
    contexts: sorted(c.contexts),
    integration_types: sorted(c.integration_types) ?? [0],
  };
}

const keyOf = (c: Json) => `${c.type ?? 1}:${c.name}`;
const show = (v: unknown) => {
  const s = JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** Where two normalised values differ, as paths ("kb.options[2].options[0].required: false → true"). */
function differencesIn(path: string, have: unknown, want: unknown, out: string[]): void {
  if (JSON.stringify(have) === JSON.stringify(want)) return;
  if (Array.isArray(have) && Array.isArray(want) && have.length === want.length) {
    for (const [i, h] of have.entries()) differencesIn(`${path}[${i}]`, h, want[i], out);
    return;
  }
  const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject(have) && isObject(want)) {
    for (const k of new Set([...Object.keys(want), ...Object.keys(have)])) {
      differencesIn(`${path}.${k}`, have[k], want[k], out);
    }
    return;
  }
  out.push(`${path}: ${show(have)} → ${show(want)}`);
}

/**
 * Every difference between what is registered and what is wanted: commands added or removed, and each field of a
 * command that changed. Empty when nothing needs pushing.
 */
export function commandDifferences(registered: readonly Json[], wanted: readonly Json[]): string[] {
  const have = new Map(registered.map((c) => [keyOf(c), normaliseCommand(c)]));
  const want = new Map(wanted.map((c) => [keyOf(c), normaliseCommand(c)]));
  const out: string[] = [];
  for (const [key, w] of want) {
    const h = have.get(key);
    if (!h) out.push(`${w.name}: new command`);
    else differencesIn(String(w.name), h, w, out);
  }
  for (const [key, h] of have) if (!want.has(key)) out.push(`${h.name}: no longer defined`);
  return out;
}

/** A stable hash of a set of command definitions (order and server-added fields ignored). */
export function definitionsHash(defs: readonly Json[]): string {
  const normal = defs.map(normaliseCommand).sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  return createHash('sha256').update(JSON.stringify(normal)).digest('hex');
}

export interface SyncResult {
  scope: 'guild' | 'global';
  changed: boolean;
  hash: string;
  /** Why it re-registered: the first few differences (empty when nothing changed). */
  differences: string[];
}

/** Knob: how many differences a sync reports (the log line stays short). */
const REPORTED_DIFFERENCES = 5;

export async function syncCommands(
  rest: REST,
  applicationId: string,
  defs: RESTPostAPIApplicationCommandsJSONBody[],
  guildId?: string,
): Promise<SyncResult> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  // with localizations, so a localised name reads back as it was sent
  const registered = (await rest.get(route, { query: new URLSearchParams({ with_localizations: 'true' }) })) as Json[];
  const wanted = defs as unknown as Json[];
  const hash = definitionsHash(wanted);
  const scope = guildId ? 'guild' : 'global';
  const differences = commandDifferences(registered, wanted);
  if (differences.length === 0) return { scope, changed: false, hash, differences };
  await rest.put(route, { body: defs });
  return { scope, changed: true, hash, differences: differences.slice(0, REPORTED_DIFFERENCES) };
}
