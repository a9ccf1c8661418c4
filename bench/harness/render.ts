/**
 * Rewrites the table in bench/README.md from a results file, with the targets checked again by
 * the current rules (`npm run bench:table [-- bench/results/bench-quick.json]`). For a change
 * of presentation or of a check's rule without re-running 13 minutes of load.
 */
import fs from "node:fs";
import path from "node:path";
import { evaluateChecks, renderReadme, singleRequestStatements, type BenchResults } from "./report.js";
import { TARGET_CHECKS } from "./workloads.js";

const root = path.resolve(import.meta.dirname, "../..");
const file = path.resolve(process.argv[2] ?? path.join(root, "bench/results/bench-latest.json"));
const results = JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults;
const rechecked: BenchResults = {
  ...results,
  databases: results.databases.map((database) => ({
    ...database,
    workloads: Object.fromEntries(
      Object.entries(database.workloads).map(([id, workload]) => [
        id,
        { ...workload, checks: evaluateChecks(TARGET_CHECKS[id] ?? [], workload, singleRequestStatements(database, id)) },
      ]),
    ),
  })),
};
fs.writeFileSync(file, `${JSON.stringify(rechecked, null, 2)}\n`);
const readme = path.join(root, "bench/README.md");
fs.writeFileSync(readme, renderReadme(fs.readFileSync(readme, "utf8"), rechecked, path.relative(path.dirname(readme), file)));
console.log(`bench/README.md now shows ${path.relative(root, file)}`);
