#!/usr/bin/env node
// Prisma CLI's schema engine on machines without the native binary: see prisma.config.ts.
// It runs the compiled copydesk code, so `npm install` (which builds) must have run first.
import { existsSync } from "node:fs";

const entry = new URL("../dist/db/schema-engine/rpc-server.js", import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write("schema-engine (WebAssembly) could not start\n");
  process.stderr.write(
    `${JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields: { message: "copydesk is not built: run `npm run build` (npm install does it) and try again." } })}\n`,
  );
  process.exit(1);
}
try {
  const { main } = await import(entry.href);
  process.exit(await main(process.argv.slice(2)));
} catch (error) {
  process.stderr.write(`${error?.stack ?? error}\n`);
  process.exit(101);
}
