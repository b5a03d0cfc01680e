/**
 * A loopback fake of Discord for end-to-end tests: node:http serves the REST routes the bot uses and a `ws` server
 * plays the gateway (hello, identify → READY + GUILD_CREATE, heartbeats, dispatches). The REAL discord.js client
 * connects to it exactly as it would to Discord; tests read what the bot sent back from `requests`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  ChannelType,
  GatewayOpcodes,
  InteractionType,
  type APIApplicationCommand,
  type APIChatInputApplicationCommandInteractionData,
} from 'discord-api-types/v10';

/** A file part of a multipart upload: its bytes as sent, and as text for the JSON ones. */
export interface UploadedFile {
  name: string;
  contentType: string | null;
  content: string;
  bytes: Buffer;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: any;
  at: number;
}

let nextId = 100000000000000000n;
export const snowflake = () => String(nextId++);

export const IDS = {
  app: '111111111111111111',
  bot: '111111111111111111',
  guild: '222222222222222222',
  otherGuild: '222222222222222223',
  channel: '333333333333333333',
  chatChannel: '333333333333333334',
  user: '444444444444444444',
  otherUser: '444444444444444445',
  moderatorRole: '555555555555555555',
};

/** The shard Discord sends a server's events to. */
export const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

export class FakeDiscord {
  /** How many shards /gateway/bot recommends (and `dispatch` routes over). */
  shardCount = 1;
  /** Set: the shard the next events go to, whatever their server (null: the server's own shard). */
  toShard: number | null = null;
  /** Every identify seen, as [shard id, shard count]. */
  readonly identified: [number, number][] = [];
  private readonly shardOfSocket = new Map<WebSocket, number>();
  readonly requests: RecordedRequest[] = [];
  registered = new Map<string, APIApplicationCommand[]>();
  /** Tokens the fake refuses with HTTP 401, as Discord does a reset or mistyped token. */
  readonly rejectedTokens = new Set<string>();
  /** When true, command registration fails with an error body that repeats the request's Authorization header, as a
   * misconfigured proxy might: the bot logs that error, and the token must not reach the log. */
  echoAuthorization = false;
  /** Attachments the fake serves at /files/<name> (for /kb import). */
  readonly files = new Map<string, string>();
  private server: Server;
  private wss: WebSocketServer;
  private sockets = new Set<WebSocket>();
  private seq = 1;
  port = 0;

  constructor() {
    this.server = createServer((req, res) => void this.rest(req, res));
    this.wss = new WebSocketServer({ server: this.server });
    this.wss.on('connection', (ws) => this.gateway(ws));
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.close(4004);
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ------------------------------------------------------------------ REST

  private async rest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://x');
    const path = decodeURIComponent(url.pathname).replace(/^\/api\/v\d+/, '');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    const raw = bytes.toString('utf8');
    let body: any = null;
    if (raw) {
      const ct = req.headers['content-type'] ?? '';
      if (ct.includes('multipart/form-data')) {
        // split as latin1 (one char per byte) so binary parts (a PNG) come back byte for byte
        const boundary = /boundary=(.+)$/.exec(ct)![1]!.replace(/^"|"$/g, '');
        const parts = bytes.toString('latin1').split(`--${boundary}`).slice(1, -1);
        const files: UploadedFile[] = [];
        for (const part of parts) {
          const [head, ...rest] = part.replace(/^\r\n/, '').split('\r\n\r\n');
          const data = Buffer.from(rest.join('\r\n\r\n').replace(/\r\n$/, ''), 'latin1');
          const name = /name="([^"]+)"/.exec(head ?? '')?.[1];
          const content = data.toString('utf8');
          if (name === 'payload_json') body = JSON.parse(content);
          else
            files.push({
              name: /filename="([^"]+)"/.exec(head ?? '')?.[1] ?? name ?? 'file',
              contentType: /content-type:\s*([^\r\n]+)/i.exec(head ?? '')?.[1] ?? null,
              content,
              bytes: data,
            });
        }
        body = { ...(body ?? {}), files };
      } else body = JSON.parse(raw);
    }
    this.requests.push({ method: req.method ?? 'GET', path, query: url.searchParams, body, at: Date.now() });
    const json = (status: number, data: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(data));
    };
    let m: RegExpExecArray | null;
    if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
      const file = this.files.get(url.pathname.slice('/files/'.length));
      res.writeHead(file === undefined ? 404 : 200, { 'Content-Type': 'application/json' });
      return void res.end(file ?? '');
    }
    const auth = req.headers.authorization ?? '';
    if (this.rejectedTokens.has(auth.replace(/^Bot /, ''))) return json(401, { message: '401: Unauthorized', code: 0 });
    if (req.method === 'GET' && path === '/gateway/bot') {
      return json(200, {
        url: `ws://127.0.0.1:${this.port}`,
        shards: this.shardCount,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (this.echoAuthorization && /^\/applications\//.test(path)) {
      return json(400, {
        message: `Invalid request from ${auth}`,
        code: 50035,
        errors: { headers: { authorization: auth, nested: [{ seen: [auth] }] } },
      });
    }
    if ((m = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path))) {
      const key = m[2] ?? 'global';
      if (req.method === 'GET') return json(200, this.registered.get(key) ?? []);
      if (req.method === 'PUT') {
        const list = (body as any[]).map((c) => ({
          ...c,
          id: snowflake(),
          application_id: m![1],
          version: snowflake(),
          type: c.type ?? 1,
          default_member_permissions: c.default_member_permissions ?? null,
        }));
        this.registered.set(key, list as APIApplicationCommand[]);
        return json(200, list);
      }
    }
    if ((m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      if (url.searchParams.get('with_response') === 'true')
        return json(200, {
          interaction: { id: m[1], type: 2 },
          resource: { type: body?.type, message: this.message(body?.data ?? {}) },
        });
      res.writeHead(204);
      return void res.end();
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/(@original|\d+))?$/.exec(path))) {
      return json(200, this.message(body ?? {}));
    }
    if ((m = /^\/channels\/(\d+)\/messages$/.exec(path)) && req.method === 'POST') {
      return json(200, this.message(body ?? {}, m[1]));
    }
    json(404, { message: 'Unknown route in the fake', code: 0 });
  }

  private message(data: any, channelId = IDS.channel) {
    return {
      id: snowflake(),
      channel_id: channelId,
      content: data.content ?? '',
      embeds: data.embeds ?? [],
      components: data.components ?? [],
      author: { id: IDS.bot, username: 'Headroom', discriminator: '0', bot: true, avatar: null, global_name: null },
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      type: 0,
      flags: data.flags ?? 0,
    };
  }

  // ------------------------------------------------------------------ gateway

  private gateway(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.on('close', () => this.sockets.delete(ws));
    ws.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41250 } }));
    ws.on('message', (raw) => {
      const msg = JSON.parse(String(raw)) as { op: number; d: any };
      if (msg.op === GatewayOpcodes.Heartbeat) ws.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
      if (msg.op === GatewayOpcodes.Identify) {
        const [id, count] = (msg.d?.shard as [number, number] | undefined) ?? [0, 1];
        this.shardOfSocket.set(ws, id);
        this.identified.push([id, count]);
        const mine = shardOf(IDS.guild, count) === id;
        this.send(ws, 'READY', {
          v: 10,
          user: { id: IDS.bot, username: 'Headroom', discriminator: '0', bot: true, avatar: null, global_name: null },
          guilds: mine ? [{ id: IDS.guild, unavailable: true }] : [],
          session_id: `fake-session-${id}`,
          resume_gateway_url: `ws://127.0.0.1:${this.port}`,
          shard: [id, count],
          application: { id: IDS.app, flags: 0 },
        });
        if (mine) this.send(ws, 'GUILD_CREATE', this.guild());
      }
      if (msg.op === GatewayOpcodes.Resume) this.send(ws, 'RESUMED', {});
    });
  }

  private guild() {
    const channel = (id: string, name: string) => ({
      id,
      type: ChannelType.GuildText,
      guild_id: IDS.guild,
      name,
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      parent_id: null,
    });
    return {
      id: IDS.guild,
      name: 'Test server',
      owner_id: IDS.user,
      features: [],
      icon: null,
      splash: null,
      discovery_splash: null,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      emojis: [],
      stickers: [],
      joined_at: new Date().toISOString(),
      large: false,
      member_count: 2,
      roles: [
        {
          id: IDS.guild,
          name: '@everyone',
          permissions: '0',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      channels: [channel(IDS.channel, 'help'), channel(IDS.chatChannel, 'gear-questions')],
      members: [
        {
          user: { id: IDS.bot, username: 'Headroom', discriminator: '0', bot: true, avatar: null, global_name: null },
          roles: [],
          joined_at: new Date().toISOString(),
          deaf: false,
          mute: false,
          flags: 0,
        },
      ],
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private send(ws: WebSocket, t: string, d: unknown): void {
    ws.send(JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: this.seq++, d }));
  }

  /**
   * Sends a gateway event: to every connection with one shard; with several, to the shard `toShard` names, else to
   * the shard of the event's server (`(guild_id >> 22) % count`, as Discord routes them).
   */
  dispatch(t: string, d: unknown): void {
    const guildId = (d as { guild_id?: string } | null)?.guild_id ?? IDS.guild;
    const wanted = this.toShard ?? shardOf(guildId, this.shardCount);
    for (const ws of this.sockets)
      if (this.shardCount === 1 || this.shardOfSocket.get(ws) === wanted) this.send(ws, t, d);
  }

  // ------------------------------------------------------------------ payload builders

  private member(userId = IDS.user, permissions = '0') {
    return {
      user: { id: userId, username: `user${userId.slice(-3)}`, discriminator: '0', avatar: null, global_name: null },
      roles: [],
      joined_at: new Date().toISOString(),
      deaf: false,
      mute: false,
      flags: 0,
      permissions,
    };
  }

  /** Who sends the next interactions: a user id, their permissions bit string, their roles, and the server. */
  as: { userId: string; permissions: string; roles: string[]; guildId: string } = {
    userId: IDS.user,
    permissions: '0',
    roles: [],
    guildId: IDS.guild,
  };

  private base(type: InteractionType, data: unknown, extra: Record<string, unknown> = {}) {
    const id = snowflake();
    const member = { ...this.member(this.as.userId, this.as.permissions), roles: this.as.roles };
    return {
      id,
      application_id: IDS.app,
      type,
      token: `tok${id}`,
      version: 1,
      entitlements: [],
      authorizing_integration_owners: {},
      guild_id: this.as.guildId,
      guild: { id: this.as.guildId, features: [], locale: 'en-US' },
      channel_id: IDS.channel,
      channel: { id: IDS.channel, type: ChannelType.GuildText, guild_id: this.as.guildId, name: 'help' },
      member,
      locale: 'en-US',
      guild_locale: 'en-US',
      app_permissions: '0',
      data,
      ...extra,
    };
  }

  /**
   * Sends a slash command; returns the interaction id. Options: [{name, type, value}] (type 3 string, 4 integer, 5
   * boolean, 6 user).
   */
  command(
    name: string,
    options: { name: string; type: number; value?: unknown; focused?: boolean; options?: unknown[] }[] = [],
    autocomplete = false,
    resolved: Record<string, unknown> = {},
  ): string {
    const users = options.filter((o) => o.type === 6).map((o) => String(o.value));
    const data: APIChatInputApplicationCommandInteractionData & Record<string, unknown> = {
      id: snowflake(),
      name,
      type: 1,
      options: options as never,
      ...(users.length || Object.keys(resolved).length
        ? {
            resolved: {
              ...(users.length
                ? {
                    users: Object.fromEntries(users.map((u) => [u, this.member(u).user])),
                    members: Object.fromEntries(users.map((u) => [u, { ...this.member(u), user: undefined }])),
                  }
                : {}),
              ...resolved,
            },
          }
        : {}),
    } as never;
    const payload = this.base(
      autocomplete ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand,
      data,
    );
    this.dispatch('INTERACTION_CREATE', payload);
    return payload.id;
  }

  /** Presses a button on a message; pass `message.id` to press on the same message again. */
  button(customId: string, message: { embeds?: unknown[]; id?: string } = {}): string {
    const payload = this.base(
      InteractionType.MessageComponent,
      { custom_id: customId, component_type: 2 },
      {
        message: { ...this.message(message), embeds: message.embeds ?? [], ...(message.id ? { id: message.id } : {}) },
      },
    );
    this.dispatch('INTERACTION_CREATE', payload);
    return payload.id;
  }

  modalSubmit(customId: string, fields: Record<string, string>): string {
    const components = Object.entries(fields).map(([id, value]) => ({
      type: 1,
      components: [{ type: 4, custom_id: id, value }],
    }));
    const payload = this.base(InteractionType.ModalSubmit, { custom_id: customId, components });
    this.dispatch('INTERACTION_CREATE', payload);
    return payload.id;
  }

  contextMenu(name: string, content: string): string {
    const target = { ...this.message({ content }), author: this.member(IDS.otherUser).user };
    const payload = this.base(InteractionType.ApplicationCommand, {
      id: snowflake(),
      name,
      type: 3,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    });
    this.dispatch('INTERACTION_CREATE', payload);
    return payload.id;
  }

  chatMessage(
    content: string,
    opts: { channelId?: string; authorId?: string; bot?: boolean; mentionBot?: boolean } = {},
  ): string {
    const id = snowflake();
    const author = {
      id: opts.authorId ?? IDS.user,
      username: 'someone',
      discriminator: '0',
      avatar: null,
      global_name: null,
      ...(opts.bot ? { bot: true } : {}),
    };
    this.dispatch('MESSAGE_CREATE', {
      id,
      channel_id: opts.channelId ?? IDS.channel,
      guild_id: IDS.guild,
      author,
      member: { roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      content,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: opts.mentionBot
        ? [{ id: IDS.bot, username: 'Headroom', discriminator: '0', bot: true, avatar: null, global_name: null }]
        : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 0,
      flags: 0,
    });
    return id;
  }

  // ------------------------------------------------------------------ waiting

  async waitFor(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const start = Date.now();
    for (;;) {
      const hit = this.requests.find(predicate);
      if (hit) return hit;
      if (Date.now() - start > timeoutMs)
        throw new Error(
          `timed out waiting for a request; saw:\n${this.requests.map((r) => `${r.method} ${r.path}`).join('\n')}`,
        );
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** All callbacks and webhook edits for one interaction, in arrival order. */
  forInteraction(id: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`) || r.path.includes(`/tok${id}`));
  }

  async callback(id: string): Promise<RecordedRequest> {
    return this.waitFor((r) => r.path.startsWith(`/interactions/${id}/`));
  }
}
