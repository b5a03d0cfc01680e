/**
 * A real PostgreSQL server for the tests, started and stopped by them: the machine's PostgreSQL binaries (Debian's
 * `postgresql` package; .ci/run installs it), a throw-away data folder, a free loopback port, password
 * authentication over TCP. PostgreSQL refuses to run as root, so as root the server runs as `nobody`.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const PG_USER = 'headroom';
export const PG_PASSWORD = 'test-only-pa55word';
const NOBODY = { uid: 65534, gid: 65534, name: 'nobody' };

/** The folder with initdb and pg_ctl: on PATH, else the newest /usr/lib/postgresql/<n>/bin. */
export function postgresBin(): string | null {
  const onPath = spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return join(onPath, '..');
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(base, versions[0], 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export class PostgresServer {
  private constructor(
    readonly dir: string,
    readonly port: number,
    private readonly bin: string,
  ) {}

  static async start(): Promise<PostgresServer> {
    const bin = postgresBin();
    if (!bin)
      throw new Error(
        'PostgreSQL server binaries not found (initdb, pg_ctl): install them, e.g. `apt-get install postgresql` ' +
          '(.ci/run does this).',
      );
    const dir = mkdtempSync(join(tmpdir(), 'headroom-pg-'));
    const server = new PostgresServer(dir, await freePort(), bin);
    if (process.getuid?.() === 0) chownSync(dir, NOBODY.uid, NOBODY.gid);
    chmodSync(dir, 0o700);
    const pwfile = join(dir, 'pw');
    writeFileSync(pwfile, PG_PASSWORD);
    if (process.getuid?.() === 0) chownSync(pwfile, NOBODY.uid, NOBODY.gid);
    server.run('initdb', [
      '-D',
      server.data,
      '-U',
      PG_USER,
      `--pwfile=${pwfile}`,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    server.startServer();
    return server;
  }

  get data(): string {
    return join(this.dir, 'data');
  }

  /** A connection URL for a database (created on first use by createDatabase). */
  url(database: string, password = PG_PASSWORD): string {
    return `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  private run(tool: string, args: string[]): string {
    const exe = join(this.bin, tool);
    const asRoot = process.getuid?.() === 0;
    const [cmd, argv] = asRoot ? ['runuser', ['-u', NOBODY.name, '--', exe, ...args]] : [exe, args];
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: this.dir });
  }

  /** Starts (or restarts) the server and waits until it accepts connections. */
  startServer(): void {
    const options = `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} -c fsync=off -c max_connections=60`;
    this.run('pg_ctl', ['-D', this.data, '-o', options, '-l', join(this.dir, 'log'), '-w', '-t', '30', 'start']);
  }

  /** Stops the server at once (like a crash or a lost database host), keeping its data. */
  stopServer(): void {
    this.run('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
  }

  async createDatabase(name: string): Promise<string> {
    const c = new pg.Client({ connectionString: this.url('postgres') });
    await c.connect();
    try {
      await c.query(`CREATE DATABASE ${name}`);
    } finally {
      await c.end();
    }
    return this.url(name);
  }

  async stop(): Promise<void> {
    try {
      this.stopServer();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
