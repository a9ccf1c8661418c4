import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config.js";

describe("loadConfig", () => {
  it("defaults to port 4000 on 127.0.0.1 with the embedded database in ./data", () => {
    const config = loadConfig({}, "/srv/copydesk");
    expect(config).toEqual({
      port: 4000,
      host: "127.0.0.1",
      database: { kind: "embedded", dataDir: path.resolve("/srv/copydesk", "data") },
      dataDir: path.resolve("/srv/copydesk", "data"),
      logLevel: "info",
      nodeEnv: "development",
      rateLimit: { perToken: 600, perIp: 1200, windowSeconds: 60 },
      overload: { maxConcurrentRequests: 64, maxEventLoopDelayMs: 1000, requestTimeoutMs: 30_000 },
      playground: "graphiql",
      trustedDocumentsFile: null,
      tokenCacheTtlMs: 5000,
      jitCompileAfter: 2,
      sqlAnswers: true,
      connections: { readTimeoutMs: 30_000, maxPerInstance: 10_000, maxPerAddress: 256, maxWebSockets: 5000, maxWebSocketsPerAddress: 100 },
    });
  });

  it("reads when queries start running compiled: 0 turns it off, a fraction or a negative is refused", () => {
    expect(loadConfig({ JIT_COMPILE_AFTER: "0" }).jitCompileAfter).toBe(0);
    expect(loadConfig({ JIT_COMPILE_AFTER: "1" }).jitCompileAfter).toBe(1);
    expect(loadConfig({ SQL_ANSWERS: "off" }).sqlAnswers).toBe(false);
    expect(() => loadConfig({ SQL_ANSWERS: "maybe" })).toThrow(/SQL_ANSWERS.*must be on or off/);
    expect(() => loadConfig({ JIT_COMPILE_AFTER: "1.5" })).toThrow(/JIT_COMPILE_AFTER/);
    expect(() => loadConfig({ JIT_COMPILE_AFTER: "-1" })).toThrow(/JIT_COMPILE_AFTER/);
  });

  it("reads the token cache's time to live: 0 turns it off, more than a minute is refused", () => {
    expect(loadConfig({ TOKEN_CACHE_TTL_MS: "0" }).tokenCacheTtlMs).toBe(0);
    expect(loadConfig({ TOKEN_CACHE_TTL_MS: "60000" }).tokenCacheTtlMs).toBe(60_000);
    expect(() => loadConfig({ TOKEN_CACHE_TTL_MS: "60001" })).toThrow(/TOKEN_CACHE_TTL_MS/);
    expect(() => loadConfig({ TOKEN_CACHE_TTL_MS: "soon" })).toThrow(/TOKEN_CACHE_TTL_MS/);
  });

  it("uses DATABASE_URL when set, keeping DATA_DIR for local files only", () => {
    const config = loadConfig({ DATABASE_URL: "postgresql://u@db:5432/copydesk", DATA_DIR: "/x" });
    expect(config.database).toEqual({ kind: "server", url: "postgresql://u@db:5432/copydesk", preparedStatements: true });
    expect(config.dataDir).toBe("/x");
    expect(loadConfig({ DATABASE_URL: "postgresql://u@db:5432/copydesk", PREPARED_STATEMENTS: "off" }).database).toEqual({
      kind: "server",
      url: "postgresql://u@db:5432/copydesk",
      preparedStatements: false,
    });
    expect(() => loadConfig({ PREPARED_STATEMENTS: "sometimes" })).toThrow(/PREPARED_STATEMENTS.*must be on or off/);
  });

  it("reads the overload bounds, 0 turning the event-loop check and the request timeout off", () => {
    expect(loadConfig({ MAX_CONCURRENT_REQUESTS: "2", MAX_EVENT_LOOP_DELAY_MS: "0", REQUEST_TIMEOUT_MS: "0" }).overload).toEqual({
      maxConcurrentRequests: 2,
      maxEventLoopDelayMs: 0,
      requestTimeoutMs: 0,
    });
  });

  it("serves GraphiQL outside production and no playground in production, unless PLAYGROUND says otherwise", () => {
    expect(loadConfig({ NODE_ENV: "test" }).playground).toBe("graphiql");
    expect(loadConfig({ NODE_ENV: "production" }).playground).toBe("off");
    expect(loadConfig({ NODE_ENV: "production", PLAYGROUND: "graphiql" }).playground).toBe("graphiql");
    expect(loadConfig({ PLAYGROUND: "apollo" }).playground).toBe("apollo");
    expect(loadConfig({ PLAYGROUND: "off" }).playground).toBe("off");
  });

  it.each([
    [{ PLAYGROUND: "sandbox" }, "PLAYGROUND"],
    [{ PORT: "eighty" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ DATABASE_URL: "mysql://u@db/x" }, "DATABASE_URL"],
    [{ LOG_LEVEL: "loud" }, "LOG_LEVEL"],
    [{ NODE_ENV: "staging" }, "NODE_ENV"],
    [{ RATE_LIMIT_PER_TOKEN: "0" }, "RATE_LIMIT_PER_TOKEN"],
    [{ RATE_LIMIT_PER_IP: "many" }, "RATE_LIMIT_PER_IP"],
    [{ RATE_LIMIT_WINDOW_SECONDS: "1.5" }, "RATE_LIMIT_WINDOW_SECONDS"],
    [{ MAX_CONCURRENT_REQUESTS: "0" }, "MAX_CONCURRENT_REQUESTS"],
    [{ MAX_EVENT_LOOP_DELAY_MS: "-1" }, "MAX_EVENT_LOOP_DELAY_MS"],
    [{ REQUEST_TIMEOUT_MS: "soon" }, "REQUEST_TIMEOUT_MS"],
  ])("rejects %o with a message naming %s", (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });
});
