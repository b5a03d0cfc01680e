/**
 * Abuse limits with bounded memory (lru-cache, entries expire): the `mention` option pings the same member at most
 * once per cooldown per requester, and a "Not what I asked" click counts once per member per answer.
 */
import { LRUCache } from 'lru-cache';

/** Knobs: how long a member is not pinged again by the same requester, and how many keys each guard keeps. */
export const GUARDS = { mentionCooldownMs: 60_000, maxKeys: 50_000, clickMemoryMs: 7 * 24 * 3600_000 } as const;

export class Guards {
  private readonly pinged = new LRUCache<string, true>({ max: GUARDS.maxKeys, ttl: GUARDS.mentionCooldownMs });
  private readonly clicked = new LRUCache<string, true>({ max: GUARDS.maxKeys, ttl: GUARDS.clickMemoryMs });

  constructor(private readonly mentionCooldownMs: number = GUARDS.mentionCooldownMs) {}

  /** True when `requester` may ping `target` now (and starts the cooldown); false while it runs. */
  mayPing(requester: string, target: string): boolean {
    const key = `${requester}>${target}`;
    if (this.pinged.has(key)) return false;
    this.pinged.set(key, true, { ttl: this.mentionCooldownMs });
    return true;
  }

  /** True for a member's first click on a message's "Not what I asked". */
  firstClick(user: string, message: string): boolean {
    const key = `${user}:${message}`;
    if (this.clicked.has(key)) return false;
    this.clicked.set(key, true);
    return true;
  }
}
