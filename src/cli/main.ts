/**
 * The scripting CLI: `npm run -s cli -- <command>`.
 *   ask "<question>" [--json]     answer a question (no question + --json: one question per line from stdin)
 *   faq "<query>" [--json]        look up an FAQ topic
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { answerToJson } from './json.js';
import { loadBrainOrExit } from './load.js';
import { answerToMarkdown } from '../render/markdown.js';
import type { Answer } from '../answer/types.js';

function print(answer: Answer, json: boolean): void {
  console.log(json ? JSON.stringify(answerToJson(answer)) : answerToMarkdown(answer));
}

async function readLines(onLine: (line: string) => void): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) onLine(line);
}

export function buildProgram(): Command {
  const program = new Command('headroom')
    .description('Headroom: answers audio-gear questions from the command line.')
    .option('--knowledge <dir>', 'knowledge folder to load (default: the bundled knowledge/)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('ask')
    .description('answer a question; with --json and no question, answers one question per line from stdin')
    .argument('[question...]', 'the question')
    .option('--json', 'print JSON (one object per line)')
    .action(async (words: string[], opts: { json?: boolean }) => {
      const brain = loadBrainOrExit(program.opts().knowledge);
      const question = words.join(' ').trim();
      if (question) return print(brain.ask(question), Boolean(opts.json));
      if (!opts.json) throw new CommanderError(2, 'headroom.noQuestion', 'error: give a question, e.g. ask "do I need an amp for 250 ohm headphones?" (or use --json to read questions from stdin)');
      await readLines((line) => {
        if (line.trim()) print(brain.ask(line), true);
      });
    });

  program
    .command('faq')
    .description('look up an FAQ topic by id or by words')
    .argument('<query...>', 'topic id or words')
    .option('--json', 'print JSON')
    .action((words: string[], opts: { json?: boolean }) => {
      const brain = loadBrainOrExit(program.opts().knowledge);
      print(brain.faq(words.join(' ')), Boolean(opts.json));
    });

  program
    .command('device')
    .description('show a device with its figures and their sources')
    .argument('<name...>', 'the device name as you would type it ("hd600", "2i2 4th gen")')
    .option('--type <type>', 'headphone or source')
    .option('--json', 'print JSON')
    .action((words: string[], opts: { json?: boolean; type?: string }) => {
      const type = parseType(opts.type);
      const brain = loadBrainOrExit(program.opts().knowledge);
      print(brain.device(words.join(' '), type), Boolean(opts.json));
    });

  program
    .command('devices')
    .description('list every device (id, name, type)')
    .option('--type <type>', 'headphone or source')
    .option('--json', 'print JSON (one array)')
    .action((opts: { json?: boolean; type?: string }) => {
      const type = parseType(opts.type);
      const brain = loadBrainOrExit(program.opts().knowledge);
      const list = brain.listDevices(type).map((d) => ({ id: d.id, name: `${d.brand} ${d.model}`, type: d.type }));
      console.log(opts.json ? JSON.stringify(list) : list.map((d) => `${d.id.padEnd(44)} ${d.type.padEnd(9)} ${d.name}`).join('\n'));
    });

  return program;
}

function parseType(value: string | undefined): 'headphone' | 'source' | undefined {
  if (value === undefined) return undefined;
  const v = value.toLowerCase().replace(/s$/, '');
  if (v === 'headphone' || v === 'source') return v;
  throw new CommanderError(2, 'headroom.badType', `error: --type must be "headphone" or "source", not "${value}"`);
}

export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
      if (err.code.startsWith('headroom.')) console.error(err.message);
      return err.exitCode || 2;
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
