/** Structured logs (pino). Secrets are redacted by path, and any string that looks like the bot token is masked. */
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

const TOKEN_LIKE = /[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}/g;

export function createLogger(level: string, token?: string, destination?: pino.DestinationStream): Logger {
  const mask = (s: string) => {
    const out = s.replace(TOKEN_LIKE, '[token]');
    return token ? out.split(token).join('[token]') : out;
  };
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'config.DISCORD_TOKEN', 'DISCORD_TOKEN', 'headers.authorization', '*.headers.authorization'], censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? mask(a) : a instanceof Error ? Object.assign(new Error(mask(a.message)), { name: a.name, stack: a.stack ? mask(a.stack) : undefined }) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination ?? pino.destination(1),
  );
}
