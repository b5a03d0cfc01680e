/** The local console: type a question, read the answer. Runs when no Discord token is configured. */
import { createInterface, type Interface } from 'node:readline';
import type { Brain } from '../answer/brain.js';
import { answerToMarkdown } from '../render/markdown.js';
import { CONSOLE_SYNTAX } from '../render/syntax.js';

const HELP = `Ask anything about headphones, audio interfaces, amps, cables and connections, e.g.
  are headphones input or output?
  should I plug my headphones into my audio interface?
  do I need an amp for 250 ohm headphones?
Commands:
  /help            this help
  /topics          list every FAQ topic
  /faq <words>     look up an FAQ topic
  /quit            leave (Ctrl+D works too)`;

export interface ConsoleIO {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
}

/** Formats Markdown for a terminal: bold as ANSI bold when the output is a TTY, plain otherwise. */
function forTerminal(markdown: string, tty: boolean): string {
  return markdown.replace(/\*\*(.+?)\*\*/g, tty ? '\u001b[1m$1\u001b[22m' : '$1').replace(/`([^`]+)`/g, '$1');
}

/** Handles one line of console input; returns false when the user wants to leave. */
export function handleConsoleLine(brain: Brain, line: string, write: (text: string) => void, tty = false): boolean {
  const text = line.trim();
  if (!text) return true;
  if (text === '/quit' || text === '/exit' || text === '/q') return false;
  if (text === '/help' || text === '?') write(HELP);
  else if (text === '/topics') write(brain.knowledge.topics.map((t) => `  ${t.id.padEnd(36)} ${t.title}`).join('\n'));
  else if (text.startsWith('/faq'))
    write(forTerminal(answerToMarkdown(brain.faq(text.slice(4).trim() || 'help'), CONSOLE_SYNTAX), tty));
  else if (text.startsWith('/')) write(`Unknown command ${text.split(' ')[0]}. Type /help for the list.`);
  else write(forTerminal(answerToMarkdown(brain.ask(text), CONSOLE_SYNTAX), tty));
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
  return new Promise((resolve) => {
    rl.on('line', (line) => {
      if (!handleConsoleLine(brain, line, write, tty)) rl.close();
      else rl.prompt();
    });
    rl.on('close', () => {
      io.output.write('Bye.\n');
      resolve();
    });
    rl.prompt();
  });
}
