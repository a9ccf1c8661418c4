import { describe, expect, it } from "vitest";
import type { PrismaClient } from "../../src/db/index.js";
import { createLoaders } from "../../src/graphql/context.js";
import { ANONYMOUS_ACTOR, type Actor } from "../../src/core/actor.js";

// Loaders are built per request, on first use (src/graphql/context.ts): the lazy form must keep
// them per request (a DataLoader caches what it loaded, with the request's visibility) and stable
// within one request (two resolvers must batch into the same loader).

// Building a loader sends nothing: the client is only called when a loader loads.
const prisma = {} as PrismaClient;
const editor: Actor = { role: "EDITOR", userId: "u1", tokenId: "t1" };

describe("a request's loaders", () => {
  it("are the same loader on every access within one request", () => {
    const loaders = createLoaders(prisma, ANONYMOUS_ACTOR);
    expect(loaders.articleById).toBe(loaders.articleById);
    expect(loaders.quotesOfArticle).toBe(loaders.quotesOfArticle);
  });

  it("are never shared between requests, whoever asks", () => {
    const first = createLoaders(prisma, ANONYMOUS_ACTOR);
    const second = createLoaders(prisma, ANONYMOUS_ACTOR);
    const third = createLoaders(prisma, editor);
    expect(second.articleById).not.toBe(first.articleById);
    expect(third.articleById).not.toBe(first.articleById);
    expect(third.personById).not.toBe(second.personById);
  });

  it("offer every module's loaders by name", () => {
    const loaders = createLoaders(prisma, editor);
    for (const name of ["userById", "articleById", "quoteById", "personById", "placeById", "incidentById", "annotationById", "auditEventById"] as const) {
      expect(loaders[name], name).toBeDefined();
      expect(typeof loaders[name].load, name).toBe("function");
    }
  });
});
