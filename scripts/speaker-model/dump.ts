// Research spike (issue 17, speaker re-ranking): runs one extractor over every answer key the
// spike may use and writes text, key and extraction to one JSON file, so that the experiment can
// compare the current rules with the rules as they stood when a batch was first scored.
//   npx tsx scripts/speaker-model/dump.ts [--src DIR] --out FILE
// DIR holds an `extraction/index.ts` (default: this checkout's src); an older tree can be laid out
// with `git archive COMMIT src | tar -x -C /tmp/x` and a node_modules link beside its src.
// Only the batches listed in BATCHES are read: speech-8 and incidents-8 are unscored and must never
// be opened, and PolNeAR's derived data may not be committed.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Extraction, ExtractionOptions } from "../../src/extraction/types.js";
import type { DumpFile, KeyFile } from "./types.js";

const root = path.resolve(import.meta.dirname, "../..");

/** Folders of answer keys and the batch each belongs to. */
export const BATCHES: readonly { readonly batch: string; readonly folder: string }[] = [
  { batch: "seeds", folder: "seeds" },
  { batch: "seeds", folder: "seeds/stories" },
  { batch: "speech", folder: "eval/first-sight/speech" },
  { batch: "speech-2", folder: "eval/first-sight/speech-2" },
  { batch: "speech-3", folder: "eval/first-sight/speech-3" },
  { batch: "speech-4", folder: "eval/first-sight/speech-4" },
  { batch: "speech-5", folder: "eval/first-sight/speech-5" },
  { batch: "speech-6", folder: "eval/first-sight/speech-6" },
  { batch: "speech-7", folder: "eval/first-sight/speech-7" },
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string): string | null => {
    const at = args.indexOf(name);
    return at >= 0 ? (args[at + 1] ?? null) : null;
  };
  const src = path.resolve(option("--src") ?? path.join(root, "src"));
  const out = option("--out");
  if (!out) throw new Error("dump: --out FILE is required");
  const module = (await import(pathToFileURL(path.join(src, "extraction/index.ts")).href)) as {
    extractArticle: (text: string, options?: ExtractionOptions) => Extraction;
  };
  const stories: DumpFile["stories"] = [];
  for (const { batch, folder } of BATCHES) {
    const dir = path.join(root, folder);
    for (const name of fs.readdirSync(dir).filter((file) => file.endsWith(".gold.json")).sort()) {
      const key = JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as KeyFile;
      const text = fs.readFileSync(path.join(dir, name.replace(/\.gold\.json$/, ".txt")), "utf8");
      const extraction = module.extractArticle(text, { publishedAt: key.article?.publishedAt ?? null, headline: key.article?.headline ?? null });
      stories.push({ batch, story: `${folder}/${name.replace(/\.gold\.json$/, "")}`, text, key, extraction });
    }
  }
  fs.writeFileSync(out, JSON.stringify({ src, stories } satisfies DumpFile));
  process.stdout.write(`dump: ${stories.length} stories from ${src} -> ${out}\n`);
}

await main();
