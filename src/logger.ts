/**
 * Structured logs (pino). The bot token — and anything shaped like a bot token — is masked at any depth of every
 * log call: strings, nested objects and arrays, and errors with their own fields (discord.js REST errors carry the
 * request, headers included), before pino serialises anything. Known secret paths are redacted by pino as well.
 */
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/** What a Discord bot token looks like: three dot-separated base64url parts. */
export const TOKEN_LIKE = /[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/g;
/** How deep a log argument is walked (deeper is cut, not logged). */
const MAX_DEPTH = 8;

export function maskString(s: string, token?: string): string {
  const out = s.replace(TOKEN_LIKE, '[token]');
  return token ? out.split(token).join('[token]') : out;
}

/** A copy of a log argument with every string masked; errors become plain objects with name, message, stack. */
export function deepMask(value: unknown, token?: string, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return maskString(value, token);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[deep]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => deepMask(v, token, depth + 1, seen));
  const out: Record<string, unknown> = {};
  if (value instanceof Error) {
    out.type = value.name;
    out.message = maskString(value.message, token);
    if (value.stack) out.stack = maskString(value.stack, token);
  }
  for (const [k, v] of Object.entries(value)) out[k] = deepMask(v, token, depth + 1, seen);
  return out;
}

export function createLogger(level: string, token?: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      // Errors arrive already as plain, masked objects (deepMask); keep them as they are.
      serializers: { err: (e: unknown) => e },
      redact: {
        paths: [
          'token',
          '*.token',
          'config.DISCORD_TOKEN',
          'DISCORD_TOKEN',
          'headers.authorization',
          '*.headers.authorization',
          '*.*.headers.authorization',
        ],
        censor: '[redacted]',
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => deepMask(a, token)) as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination(1),
  );
}
