/**
 * Command sync compares every field: a change in any one of them is one PUT, with the difference named; the same
 * definitions again are no PUT. Through discord.js's real REST client against the loopback fake Discord.
 */
import { REST, type RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../commands/index.js';
import { commandDifferences, syncCommands } from '../../src/discord/register.js';
import { FakeDiscord, IDS } from './fake-discord.js';

type Def = RESTPostAPIApplicationCommandsJSONBody & Record<string, unknown>;
const fake = new FakeDiscord();
let rest: REST;
const puts = () => fake.requests.filter((r) => r.method === 'PUT' && r.path.endsWith('/commands')).length;
const defs = () => structuredClone(commandDefinitions()) as Def[];
const named = (list: Def[], name: string) => list.find((c) => c.name === name)! as Record<string, any>;

beforeAll(async () => {
  await fake.start();
  rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken('MTEx.fake.register-test-token');
});
afterAll(() => fake.stop());

/** One edit per field a definition can set; each must be seen. */
const EDITS: [field: string, edit: (c: Record<string, any>) => void][] = [
  ['description', (c) => (c.description = 'Changed description')],
  ['default_member_permissions', (c) => (c.default_member_permissions = '8')],
  ['contexts', (c) => (c.contexts = [0, 1, 2])],
  ['integration_types', (c) => (c.integration_types = [0, 1])],
  ['nsfw', (c) => (c.nsfw = true)],
  ['name_localizations', (c) => (c.name_localizations = { de: 'fragen' })],
  ['options[0].required', (c) => (c.options[0].required = !c.options[0].required)],
  ['options[0].description', (c) => (c.options[0].description = 'Another option text')],
  ['options[0].channel_types', (c) => (c.options[0].channel_types = [0])],
  ['options[0].max_length', (c) => (c.options[0].max_length = 77)],
];

describe('command differences, field by field', () => {
  it('none for the same definitions, whatever their order', () => {
    expect(commandDifferences(defs(), defs().reverse())).toEqual([]);
  });
  it.each(EDITS)('a change of %s is named', (field, edit) => {
    const wanted = defs();
    edit(named(wanted, 'ask'));
    const diff = commandDifferences(defs(), wanted);
    expect(diff).toHaveLength(1);
    expect(diff[0]).toContain(`ask.${field}`);
  });
  it('names commands added and removed', () => {
    const wanted = defs().filter((c) => c.name !== 'help');
    expect(commandDifferences(defs(), wanted)).toEqual(['help: no longer defined']);
    expect(commandDifferences(wanted, defs())).toEqual(['help: new command']);
  });
});

describe('sync against the fake Discord', () => {
  it('PUTs once, then not again, then once per changed field', async () => {
    const guild = IDS.guild;
    const first = await syncCommands(rest, IDS.app, defs(), guild);
    expect(first.changed).toBe(true);
    expect(puts()).toBe(1);
    const again = await syncCommands(rest, IDS.app, defs(), guild);
    expect(again).toMatchObject({ changed: false, differences: [] });
    expect(puts()).toBe(1);
    let expected = 1;
    for (const [field, edit] of EDITS) {
      const wanted = defs();
      edit(named(wanted, 'ask'));
      const result = await syncCommands(rest, IDS.app, wanted, guild);
      expected += 1;
      expect(result.changed, field).toBe(true);
      expect(result.differences.join('\n')).toContain(`ask.${field}`);
      expect(puts(), field).toBe(expected);
      // back to the real definitions: one more PUT
      await syncCommands(rest, IDS.app, defs(), guild);
      expected += 1;
    }
  });
});
