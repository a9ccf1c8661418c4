/**
 * The CPU one editorial change costs the process that runs it (issue 20's M1 is updateArticle):
 * the command called in process, one after the other on one article, with no HTTP or GraphQL
 * around it. CPU time (user + system of this process) does not depend on how busy the machine
 * is, unlike req/s, so two builds can be compared on a loaded machine; wall time is printed too.
 *
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:change
 *   npm run bench:change -- --changes 2000          # embedded PGlite without DATABASE_URL
 */
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { createArticle, updateArticle } from "../src/domain/articles/commands.js";
import type { Session } from "../src/core/session.js";
import { openBenchDatabase, percentile } from "./support.js";

const { values: options } = parseArgs({ options: { changes: { type: "string", default: "1000" }, warmup: { type: "string", default: "300" } } });
const changes = Number(options.changes);
const warmup = Number(options.warmup);

const bench = await openBenchDatabase("change");
try {
  const { prisma } = bench.database;
  const editor = await prisma.user.create({ data: { name: "Bench editor", role: "EDITOR" } });
  const session: Session = { prisma, viewer: { role: "EDITOR", userId: editor.id, tokenId: null }, requestId: "bench-change", live: null };
  let article = await createArticle(session, { slug: "bench-change", headline: "A story to edit", body: "One paragraph of text to keep.", byline: "A" });

  /** One edit of the byline, at the version the previous one left. */
  const edit = async (index: number): Promise<void> => {
    article = await updateArticle(session, { id: article.id, expectedVersion: article.version, byline: index % 2 === 0 ? "B" : "A" });
  };
  for (let index = 0; index < warmup; index += 1) await edit(index);

  const wall: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let index = 0; index < changes; index += 1) {
    const at = performance.now();
    await edit(index);
    wall.push(performance.now() - at);
  }
  const elapsed = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  wall.sort((a, b) => a - b);
  const cpuMs = (cpu.user + cpu.system) / 1000 / changes;
  console.log(
    `updateArticle x ${changes} on ${bench.kind}: ${cpuMs.toFixed(3)} CPU ms per change, wall p50 ${percentile(wall, 0.5)} ms, ` +
      `p99 ${percentile(wall, 0.99)} ms, ${(changes / (elapsed / 1000)).toFixed(0)} changes/s one after the other`,
  );
} finally {
  await bench.release();
}
