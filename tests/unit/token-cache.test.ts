import { describe, expect, it } from "vitest";
import { TokenCache, type TokenWithUser } from "../../src/domain/auth/token-cache.js";
import { LiveHub } from "../../src/pubsub/hub.js";
import { InProcessPubSub } from "../../src/pubsub/in-process.js";
import type { LiveEvent } from "../../src/pubsub/index.js";

function tokenRecord(id: string): TokenWithUser {
  const createdAt = new Date("2026-11-01T00:00:00Z");
  return {
    id,
    userId: "u1",
    name: "desk screen",
    prefix: "cdk_abcdefgh",
    secretHash: "ab".repeat(32),
    createdAt,
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
    user: { id: "u1", name: "desk", email: null, role: "EDITOR", createdAt, disabledAt: null },
  };
}

describe("TokenCache", () => {
  it("keeps a record for its time to live, then reads it again", () => {
    let now = 1_000;
    const cache = new TokenCache(5_000, () => now);
    cache.set("h1", tokenRecord("t1"), cache.generation);
    expect(cache.get("h1")?.id).toBe("t1");
    now += 4_999;
    expect(cache.get("h1")?.id).toBe("t1");
    now += 1;
    expect(cache.get("h1")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("forgets everything when emptied, and does not keep a record read before that", () => {
    const cache = new TokenCache(5_000);
    cache.set("h1", tokenRecord("t1"), cache.generation);
    // A lookup starts, a revocation empties the cache meanwhile, the lookup then hands in what it read.
    const before = cache.generation;
    cache.clear();
    expect(cache.get("h1")).toBeUndefined();
    cache.set("h2", tokenRecord("t2"), before);
    expect(cache.get("h2")).toBeUndefined();
    cache.set("h2", tokenRecord("t2"), cache.generation);
    expect(cache.get("h2")?.id).toBe("t2");
  });

  it("holds at most 10,000 tokens, dropping the oldest", () => {
    const cache = new TokenCache(60_000);
    for (let i = 0; i <= 10_000; i += 1) cache.set(`h${i}`, tokenRecord(`t${i}`), cache.generation);
    expect(cache.size).toBe(10_000);
    expect(cache.get("h0")).toBeUndefined();
    expect(cache.get("h10000")?.id).toBe("t10000");
  });
});

describe("LiveHub.observe", () => {
  const event = (sequence: string, targetType: string): LiveEvent => ({
    sequence,
    action: "user.disable",
    targetType,
    targetId: "u1",
    articleId: null,
    actorId: null,
    createdAt: new Date(0).toISOString(),
  });
  const log = { error: () => undefined, warn: () => undefined };

  it("hears what this instance publishes at once, and what other instances publish through the pub/sub", async () => {
    const pubsub = new InProcessPubSub();
    const here = new LiveHub(pubsub, log);
    const elsewhere = new LiveHub(pubsub, log);
    const heard: string[] = [];
    const stop = here.observe((observed) => heard.push(observed.sequence));
    here.publish([event("1", "User")]);
    // Published here: observed before publish returns (the cache is emptied before the mutation answers).
    expect(heard[0]).toBe("1");
    elsewhere.publish([event("2", "User")]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).toContain("2");
    stop();
    elsewhere.publish([event("3", "User")]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).not.toContain("3");
    here.close();
    elsewhere.close();
  });
});
