/** Why the bot could not log in, and whether retrying could help. */

/** A failed login. `tokenRejected`: Discord refused the token itself, so a restart would fail the same way. */
export class LoginError extends Error {
  constructor(
    message: string,
    readonly tokenRejected: boolean,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

/** discord.js reports a refused token as code `TokenInvalid`; a REST call with it answers HTTP 401. */
export function isTokenRejected(err: unknown): boolean {
  const e = err as { code?: unknown; status?: unknown } | null;
  return e?.code === 'TokenInvalid' || e?.status === 401;
}
