import { describe, expect, it } from "vitest";
import { evaluateChecks, renderTables, type BenchResults, type TargetSummary } from "../../bench/harness/report.js";
import { TARGET_CHECKS } from "../../bench/harness/workloads.js";

// The table is what the read-path issue is judged by: copydesk/PostGraphile must be computed,
// shown and checked against ">= 1.0x PostGraphile" for Q2, and a run without the peer (the
// embedded database) must show no ratio and fail that check rather than pass it by default.

function summary(requestsPerSecond: number): TargetSummary {
  return {
    requestsPerSecond,
    latencyMs: { p50: 10, p95: 20, p99: 30 },
    statementsPerRequest: null,
    maxStatementsPerRequest: null,
    serverMs: null,
    peakRssMiB: 100,
    cpuMsPerRequest: 1,
    problems: [],
    runs: [],
  };
}

const peerCheck = (TARGET_CHECKS["Q2"] ?? []).filter((check) => check.metric === "ratioToPostGraphile");

describe("the benchmark report's PostGraphile ratio", () => {
  it("checks Q2 against >= 1.0x PostGraphile req/s", () => {
    expect(peerCheck.map((check) => check.label)).toEqual([">= 1.0x PostGraphile req/s"]);
    const targets = { copydesk: summary(500), PostGraphile: summary(400) };
    expect(evaluateChecks(peerCheck, { targets, ratioToL1: null, ratioToPostGraphile: 1.25 }, 1)).toEqual([{ label: ">= 1.0x PostGraphile req/s", value: 1.25, pass: true }]);
    expect(evaluateChecks(peerCheck, { targets, ratioToL1: null, ratioToPostGraphile: 0.9 }, 1)[0]?.pass).toBe(false);
    expect(evaluateChecks(peerCheck, { targets: { copydesk: summary(500) }, ratioToL1: null }, 1)).toEqual([{ label: ">= 1.0x PostGraphile req/s", value: null, pass: false }]);
  });

  it("shows PostGraphile's req/s and copydesk/PostGraphile in the table", () => {
    const results: BenchResults = {
      date: "2026-12-06T00:00:00.000Z",
      mode: "quick",
      machine: { cpus: 2, cpuModel: "test", node: "v20", loadAverageAtStart: [0], loadAverageAtEnd: [0] },
      pinning: { loadGenerator: 0, servers: 1, postgres: "not pinned" },
      elapsedSeconds: 1,
      databases: [
        {
          database: "postgres",
          corpus: { articles: 20, seconds: 1, summary: "" },
          settings: { durationSeconds: 1, runs: 1, connections: 1, warmupSeconds: 1 },
          rssMiB: { idle: 1, peak: 1 },
          correctness: {},
          q2StatementsByPageSize: {},
          workloads: {
            Q2: { title: "dashboard", targets: { copydesk: summary(120), PostGraphile: summary(480) }, ratioToL1: null, ratioToPostGraphile: 0.25, cpuRatioToL1: null, checks: [] },
          },
          measurements: {},
          profile: null,
        },
      ],
      search100k: null,
    };
    const lines = renderTables(results, "x.json").split("\n");
    const header = lines.find((line) => line.startsWith("| workload"))?.split(" | ") ?? [];
    const row = lines.find((line) => line.startsWith("| Q2"))?.split(" | ") ?? [];
    expect(row[header.indexOf("PostGraphile req/s")]).toBe("480");
    expect(row[header.indexOf("copydesk/PostGraphile req/s")]).toBe("0.25x");
  });
});
