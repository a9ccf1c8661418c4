import fs from "node:fs/promises";
import path from "node:path";
import { build } from "esbuild";
import { projectExamples } from "../src/playground/examples.js";
import { CSP_NONCE_PLACEHOLDER, PLAYGROUND_ASSETS_PREFIX, PLAYGROUND_STATIC_DIR } from "../src/playground/build-output.js";

// Builds the self-hosted GraphiQL playground (step of `npm run build`): esbuild bundles
// src/playground/browser with GraphiQL, React and the README's example queries into one script
// and one stylesheet with content hashes in their names, and writes the page that loads them to
// dist/playground/static/. Nothing is fetched: every byte comes from node_modules.

const entry = path.resolve(import.meta.dirname, "../src/playground/browser/main.tsx");
const assetsDir = path.join(PLAYGROUND_STATIC_DIR, "assets");

function page(script: string, stylesheet: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>copydesk playground</title>
    <meta name="csp-nonce" content="${CSP_NONCE_PLACEHOLDER}" />
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${PLAYGROUND_ASSETS_PREFIX}${stylesheet}" />
    <script type="module" src="${PLAYGROUND_ASSETS_PREFIX}${script}"></script>
  </head>
  <body>
    <div id="playground"></div>
    <noscript>The copydesk playground needs JavaScript. Without it, POST GraphQL to /graphql (see the README).</noscript>
  </body>
</html>
`;
}

async function main(): Promise<void> {
  const examples = projectExamples();
  await fs.rm(PLAYGROUND_STATIC_DIR, { recursive: true, force: true });
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: ["chrome110", "firefox110", "safari16"],
    minify: true,
    sourcemap: "linked",
    legalComments: "linked",
    outdir: assetsDir,
    entryNames: "[name]-[hash]",
    assetNames: "[name]-[hash]",
    metafile: true,
    logLevel: "warning",
    define: {
      "process.env.NODE_ENV": JSON.stringify("production"),
      COPYDESK_EXAMPLES: JSON.stringify(examples),
    },
  });
  const outputs = Object.keys(result.metafile.outputs).map((output) => path.basename(output));
  const script = outputs.find((name) => name.startsWith("main-") && name.endsWith(".js"));
  const stylesheet = outputs.find((name) => name.startsWith("main-") && name.endsWith(".css"));
  if (!script || !stylesheet) throw new Error(`esbuild did not emit the playground's script and stylesheet (got ${outputs.join(", ")})`);
  await fs.writeFile(path.join(PLAYGROUND_STATIC_DIR, "index.html"), page(script, stylesheet));
  const sizes = await Promise.all([script, stylesheet].map(async (name) => `${name} ${Math.round((await fs.stat(path.join(assetsDir, name))).size / 1024)} KiB`));
  process.stdout.write(`playground: ${examples.length} examples, ${sizes.join(", ")} in ${path.relative(process.cwd(), PLAYGROUND_STATIC_DIR)}\n`);
}

await main();
