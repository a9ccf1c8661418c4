import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/index.js";
import { startMigratedEmbedded } from "../support/database.js";
import { startTestServer } from "../support/server.js";

describe("/readyz follows the database", () => {
  it("is 200 while the database answers and 503 once it is down, while /healthz stays 200", async () => {
    const embedded = await startMigratedEmbedded();
    const database = await openDatabase({ kind: "server", url: embedded.url, preparedStatements: false });
    const server = await startTestServer(database);
    try {
      const up = await fetch(`${server.baseUrl}/readyz`);
      expect(up.status).toBe(200);
      expect(await up.json()).toEqual({ status: "ready", database: "up" });

      await embedded.stop();
      const down = await fetch(`${server.baseUrl}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({ status: "unavailable", database: "down" });
      expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
      await database.prisma.$disconnect();
    }
  });

  it("is 503 when the configured server cannot be reached at all", async () => {
    const database = await openDatabase({ kind: "server", url: "postgresql://postgres@127.0.0.1:1/nowhere" }, { migrate: false });
    const server = await startTestServer(database);
    try {
      expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(503);
    } finally {
      await server.close();
      await database.close();
    }
  });
});
