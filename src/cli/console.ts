/** The local console: type a question, read the answer. Runs when no Discord token is configured. */
import { createInterface, type Interface } from 'node:readline';
import type { Brain } from '../answer/brain.js';
import { answerToMarkdown } from '../render/markdown.js';
import { CONSOLE_SYNTAX } from '../render/syntax.js';
import { chartOf } from '../answer/chart.js';
import type { LevelChart } from '../answer/types.js';
import { flagsForFile, NO_CHART, writeChartFiles } from './chart-files.js';

const HELP = `Ask anything about headphones, audio interfaces, amps, cables and connections, e.g.
  are headphones input or output?
  should I plug my headphones into my audio interface?
  do I need an amp for 250 ohm headphones?
Commands:
  /help            this help
  /topics          list every FAQ topic
  /faq <words>     look up an FAQ topic
  /chart <file>    save the last answer's headroom chart (.png, or .svg)
  /quit            leave (Ctrl+D works too)`;

export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** Formats Markdown for a terminal: bold as ANSI bold when the output is a TTY, plain otherwise. */
function forTerminal(markdown: string, tty: boolean): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, tty ? '\u001b[1m$1\u001b[22m' : '$1').replace(/`([^`]+)`/g, '$1');
}

/** What the console remembers between lines: the last answer's chart, for /chart. */
export interface ConsoleSession {
  lastChart: LevelChart | null;
}

/** Handles one line of console input; returns false when the user wants to leave. */
export function handleConsoleLine(
  brain: Brain,
  line: string,
  write: (text: string) => void,
  tty = false,
  session: ConsoleSession = { lastChart: null },
): boolean {
  const text = line.trim();
  if (!text) return true;
  if (text === '/quit' || text === '/exit' || text === '/q') return false;
  if (text === '/help' || text === '?') write(HELP);
  else if (text === '/topics') write(brain.knowledge.topics.map((t) => `  ${t.id.padEnd(36)} ${t.title}`).join('\n'));
  else if (text.startsWith('/faq'))
    write(forTerminal(answerToMarkdown(brain.faq(text.slice(4).trim() || 'help'), CONSOLE_SYNTAX), tty));
  else if (text === '/chart' || text.startsWith('/chart ')) {
    const file = text.slice('/chart'.length).trim();
    if (!file) write('Give a file name: /chart chart.png (or chart.svg).');
    else if (!session.lastChart) write(`No chart to save: ${NO_CHART}.`);
    else write(writeChartFiles(session.lastChart, flagsForFile(file)) ?? `Chart saved to ${file}.`);
  } else if (text.startsWith('/')) write(`Unknown command ${text.split(' ')[0]}. Type /help for the list.`);
  else {
    const answer = brain.ask(text);
    session.lastChart = chartOf(answer);
    const saveHint = session.lastChart ? '\n\n(/chart FILE saves the headroom chart of this answer)' : '';
    write(`${forTerminal(answerToMarkdown(answer, CONSOLE_SYNTAX), tty)}${saveHint}`);
  }
  return true;
}

export function runConsole(
  brain: Brain,
  io: ConsoleIO = { input: process.stdin, output: process.stdout },
): Promise<void> {
  const tty = Boolean((io.output as { isTTY?: boolean }).isTTY);
  const write = (s: string) => io.output.write(`${s}\n\n`);
  write(`Headroom console — ${brain.knowledge.topics.length} topics loaded. Type a question, /help, or /quit.`);
  const rl: Interface = createInterface({ input: io.input, output: io.output, prompt: 'you> ', terminal: tty });
  const session: ConsoleSession = { lastChart: null };
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      if (!handleConsoleLine(brain, line, write, tty, session)) rl.close();
      else rl.prompt();
    });
    rl.on('close', () => {
      io.output.write('Bye.\n');
      resolve();
    });
    rl.prompt();
  });
}
