// Loaded into the server by bench/startup.ts (node --import): on SIGUSR2, writes where the
// process's memory is to the file named by STARTUP_PROBE_FILE, as one JSON line. Bench-only: the
// server never loads it otherwise.
import { readFileSync, writeFileSync } from "node:fs";

/** Every WebAssembly.Memory made from JavaScript (PGlite's Postgres makes its own this way). */
const memories = [];
WebAssembly.Memory = new Proxy(WebAssembly.Memory, {
  construct(target, args) {
    const memory = Reflect.construct(target, args);
    memories.push(new WeakRef(memory));
    return memory;
  },
});

const MiB = 2 ** 20;
const kibField = (text, name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(text)?.[1] ?? Number.NaN) / 1024;

process.on("SIGUSR2", () => {
  const usage = process.memoryUsage();
  const status = readFileSync("/proc/self/status", "utf8");
  const wasm = memories.map((ref) => ref.deref()).filter((memory) => memory !== undefined);
  const report = {
    rssMiB: kibField(status, "VmRSS"),
    rssAnonMiB: kibField(status, "RssAnon"),
    rssFileMiB: kibField(status, "RssFile"),
    heapUsedMiB: usage.heapUsed / MiB,
    heapTotalMiB: usage.heapTotal / MiB,
    externalMiB: usage.external / MiB,
    arrayBuffersMiB: usage.arrayBuffers / MiB,
    wasmMemoryMiB: wasm.reduce((sum, memory) => sum + memory.buffer.byteLength, 0) / MiB,
    wasmMemories: wasm.length,
  };
  writeFileSync(process.env.STARTUP_PROBE_FILE ?? "/dev/null", `${JSON.stringify(report)}\n`);
});
