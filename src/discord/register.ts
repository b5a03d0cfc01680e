/**
 * Command registration: compare the definitions with what Discord has (normalised, hashed) and PUT only when they
 * differ — guild-scoped with DEV_GUILD_ID, global otherwise. Never re-registers blindly (daily create limits).
 */
import { createHash } from 'node:crypto';
import { Routes, type REST, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';

type Json = Record<string, unknown>;

function normaliseOption(o: Json): Json {
  return {
    type: o.type,
    name: o.name,
    description: o.description ?? '',
    required: Boolean(o.required),
    autocomplete: Boolean(o.autocomplete),
    choices: ((o.choices as Json[] | undefined) ?? []).map((c) => ({ name: c.name, value: c.value })),
    min_value: o.min_value ?? null,
    max_value: o.max_value ?? null,
    min_length: o.min_length ?? null,
    max_length: o.max_length ?? null,
    options: ((o.options as Json[] | undefined) ?? []).map(normaliseOption),
  };
}

function normaliseCommand(c: Json): Json {
  return {
    name: c.name,
    type: c.type ?? 1,
    description: c.description ?? '',
    options: ((c.options as Json[] | undefined) ?? []).map(normaliseOption),
    default_member_permissions: c.default_member_permissions ?? null,
  };
}

/** A stable hash of a set of command definitions (order and server-added fields ignored). */
export function definitionsHash(defs: readonly Json[]): string {
  const normal = defs.map(normaliseCommand).sort((a, b) => `${a.type}:${a.name}`.localeCompare(`${b.type}:${b.name}`));
  return createHash('sha256').update(JSON.stringify(normal)).digest('hex');
}

export interface SyncResult {
  scope: 'guild' | 'global';
  changed: boolean;
  hash: string;
}

export async function syncCommands(
  rest: REST,
  applicationId: string,
  defs: RESTPostAPIApplicationCommandsJSONBody[],
  guildId?: string,
): Promise<SyncResult> {
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const registered = (await rest.get(route)) as Json[];
  const wanted = definitionsHash(defs as unknown as Json[]);
  const scope = guildId ? 'guild' : 'global';
  if (definitionsHash(registered) === wanted) return { scope, changed: false, hash: wanted };
  await rest.put(route, { body: defs });
  return { scope, changed: true, hash: wanted };
}
