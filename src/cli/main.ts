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
import { runConsole } from './console.js';
import { answerToMarkdown } from '../render/markdown.js';
import type { Answer } from '../answer/types.js';
import type { Brain } from '../answer/brain.js';
import type { ReverseResult } from '../answer/reverse.js';
import { rankLine } from '../render/rank-line.js';
import { matchRequestFromFlags, parseTarget, TARGET_HELP, type MatchFlags } from './match-options.js';
import { DEFAULT_TARGET_SPL } from '../engine/index.js';
import { CHART_OPTIONS, type ChartFlags, writeChartFiles } from './chart-files.js';
import { chartOf } from '../answer/chart.js';

/** Writes the chart files asked for; exit code 1 when they could not be written. */
function charts(chart: Parameters<typeof writeChartFiles>[0], flags: ChartFlags): void {
  const problem = writeChartFiles(chart, flags);
  if (problem) {
    console.error(`error: ${problem}`);
    process.exitCode = EXIT_NOT_ANSWERED;
  }
}

const withChartOptions = (command: Command) => {
  for (const [flag, help] of CHART_OPTIONS) command.option(flag, help);
  return command;
};

function print(answer: Answer, json: boolean, extra: Record<string, unknown> = {}): void {
  console.log(json ? JSON.stringify({ ...answerToJson(answer), ...extra }) : answerToMarkdown(answer));
}

/** Exit code of a command that was asked for one thing (a device, a match): 1 when it could not give it. */
export const EXIT_NOT_ANSWERED = 1;

/** Prints the answer; a device or match lookup that found nothing (or needs a choice) sets exit code 1. */
function printRequired(answer: Answer, json: boolean): void {
  print(answer, json);
  if (answer.kind === 'none' || answer.kind === 'clarify') process.exitCode = EXIT_NOT_ANSWERED;
}

function printAsked(brain: Brain, question: string, json: boolean, flags: ChartFlags = {}): void {
  const { answer, understanding } = brain.askDetailed(question);
  print(answer, json, { entities: understanding });
  charts(chartOf(answer), flags);
}

async function readLines(onLine: (line: string) => void): Promise<void> {
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) onLine(line);
}

export function buildProgram(): Command {
  const program = new Command('headroom')
    .description('Headroom: answers audio-gear questions from the command line.')
    .option('--knowledge <dir>', 'knowledge folder to load (default: the bundled knowledge/)')
    .option('--guild <id>', "include a Discord server's own entries (from the SQLite database in DATA_DIR)")
    .option('--data-dir <dir>', 'where the database lives (default: DATA_DIR or ./data)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  withChartOptions(
    program
      .command('ask')
      .description('answer a question; with --json and no question, answers one question per line from stdin')
      .argument('[question...]', 'the question')
      .option('--json', 'print JSON (one object per line)'),
  ).action(async (words: string[], opts: { json?: boolean } & ChartFlags) => {
    const brain = await loadBrainOrExit(program.opts());
    const question = words.join(' ').trim();
    if (question) return printAsked(brain, question, Boolean(opts.json), opts);
    if (!opts.json)
      throw new CommanderError(
        2,
        'headroom.noQuestion',
        'error: give a question, e.g. ask "do I need an amp for 250 ohm headphones?" (or use --json to read ' +
          'questions from stdin)',
      );
    await readLines((line) => {
      if (line.trim()) printAsked(brain, line, true);
    });
  });

  program
    .command('faq')
    .description('look up an FAQ topic by id or by words')
    .argument('<query...>', 'topic id or words')
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { json?: boolean }) => {
      const brain = await loadBrainOrExit(program.opts());
      print(brain.faq(words.join(' ')), Boolean(opts.json));
    });

  program
    .command('device')
    .description('show a device with its figures and their sources')
    .argument('<name...>', 'the device name as you would type it ("hd600", "2i2 4th gen")')
    .option('--type <type>', 'headphone or source')
    .option('--json', 'print JSON')
    .action(async (words: string[], opts: { json?: boolean; type?: string }) => {
      const type = parseType(opts.type);
      const brain = await loadBrainOrExit(program.opts());
      printRequired(brain.device(words.join(' '), type), Boolean(opts.json));
    });

  program
    .command('devices')
    .description('list every device (id, name, type)')
    .option('--type <type>', 'headphone or source')
    .option('--json', 'print JSON (one array)')
    .action(async (opts: { json?: boolean; type?: string }) => {
      const type = parseType(opts.type);
      const brain = await loadBrainOrExit(program.opts());
      const list = brain.listDevices(type).map((d) => ({ id: d.id, name: `${d.brand} ${d.model}`, type: d.type }));
      console.log(
        opts.json
          ? JSON.stringify(list)
          : list.map((d) => `${d.id.padEnd(44)} ${d.type.padEnd(9)} ${d.name}`).join('\n'),
      );
    });

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const matchCommand = program
    .command('match')
    .description('can this source drive these headphones? (verdict, numbers and the math)')
    .option('--headphone <name>', 'headphones by name ("hd600", "dt 770 pro 250")')
    .option('--impedance <ohms>', 'or: headphone impedance ("250", "32 ohm")')
    .option(
      '--sensitivity <spec>',
      'with --impedance: "97 dB/mW", "102 dB/V" (or "97 dB": unit unknown, evaluated both ways)',
    )
    .option('--driver <type>', 'dynamic | planar | balanced-armature | hybrid | electrostatic')
    .option('--source <name>', 'source by name ("scarlett 2i2 4th gen", "apple dongle")')
    .option('--source-vrms <volts>', 'or: source max output, open circuit (Vrms)')
    .option('--source-dbu <dBu>', 'or: source max output in dBu')
    .option('--source-level <spec>', 'source max level into a load, e.g. "+10 dBu into 300 ohm" (repeatable)', collect)
    .option('--source-impedance <ohms>', 'source output impedance')
    .option('--source-max-ma <mA>', 'source current limit (mA rms)')
    .option('--source-power <spec>', 'power rating, e.g. "32 mW @ 33 ohm" (repeatable)', collect)
    .option('--target <dB>', TARGET_HELP)
    .option('--json', 'print JSON');
  withChartOptions(matchCommand).action(async (opts: MatchFlags & { json?: boolean } & ChartFlags) => {
    const { request, errors } = matchRequestFromFlags(opts);
    if (errors.length) throw new CommanderError(2, 'headroom.badMatch', `error: ${errors.join('\nerror: ')}`);
    const brain = await loadBrainOrExit(program.opts());
    const answer = brain.match(request);
    printRequired(answer, Boolean(opts.json));
    charts(chartOf(answer), opts);
  });

  const reverse = (
    name: string,
    description: string,
    run: (brain: Brain, device: string, target: number) => ReverseResult,
  ) =>
    withChartOptions(
      program
        .command(name)
        .description(description)
        .argument('<name...>', 'the device name')
        .option('--target <dB>', TARGET_HELP)
        .option('--all', 'list every device, not only those that drive / are driven')
        .option('--json', 'print JSON'),
    ).action(async (words: string[], opts: { target?: string; all?: boolean; json?: boolean } & ChartFlags) => {
      const parsed =
        opts.target === undefined ? { ok: true as const, value: DEFAULT_TARGET_SPL } : parseTarget(opts.target);
      if (!parsed.ok) throw new CommanderError(2, 'headroom.badTarget', `error: ${parsed.error}`);
      const target = parsed.value;
      const brain = await loadBrainOrExit(program.opts());
      const result = run(brain, words.join(' '), target);
      if (!result.ok) process.exitCode = EXIT_NOT_ANSWERED;
      charts(result.ok ? result.chart : null, opts);
      if (opts.json) return console.log(JSON.stringify(result));
      if (!result.ok) {
        const options = (result.options ?? []).map((o) => `\n- ${o.name}`).join('');
        console.log(`${result.message}${options}`);
        return;
      }
      const shown = opts.all
        ? result.entries
        : result.entries.filter((e) => e.verdict === 'fine' || e.verdict === 'marginal');
      console.log(
        `**${result.subject.name}** at ${result.targetSpl} dB SPL peaks — ${shown.length} of ` +
          `${result.entries.length} evaluated devices${opts.all ? '' : ' are fine or marginal'} (best headroom ` +
          `first):`,
      );
      for (const e of shown)
        console.log(`- ${rankLine(e.device.name, e.verdict, e.headroomDb)}${e.output ? ` (${e.output})` : ''}`);
      if (result.skipped) console.log(`(${result.skipped} devices lack the figures to evaluate.)`);
    });
  reverse('drives', 'which known sources drive these headphones (best headroom first)', (b, d, t) =>
    b.sourcesFor(d, t),
  );
  reverse('driven-by', 'which known headphones this source drives (best headroom first)', (b, d, t) =>
    b.headphonesFor(d, t),
  );

  program
    .command('console')
    .description('the interactive console (what `npm start` opens without a token), e.g. with --guild')
    .action(async () => {
      await runConsole(await loadBrainOrExit(program.opts()));
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
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return 0;
      if (err.code.startsWith('headroom.')) console.error(err.message);
      return err.exitCode || 2;
    }
    throw err;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
