/**
 * Where copydesk's CPU time goes: a summary of the V8 CPU profiles `node --cpu-prof` writes when
 * the server exits (`npm run bench -- --profile`), as self time per package and per function,
 * idle time left out.
 */
import fs from "node:fs";
import path from "node:path";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Self time shares of a profile. */
export interface ProfileSummary {
  readonly files: readonly string[];
  /** Busy time in the profiles (idle left out), in ms. */
  readonly busyMs: number;
  /** Share of busy time by package (node_modules/<name>, copydesk, node:internal, gc...), largest first. */
  readonly byPackage: readonly { readonly name: string; readonly percent: number }[];
  /** The functions with the most self time. */
  readonly topFunctions: readonly { readonly name: string; readonly percent: number }[];
}

/** The package a script belongs to, from its URL. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith("node:")) return "node:internal";
  if (url.includes("/dist/") || url.includes("/src/")) return "copydesk";
  return url;
}

/** Summarizes every .cpuprofile in `directory` (null when there is none). */
export function summarizeProfiles(directory: string): ProfileSummary | null {
  if (!fs.existsSync(directory)) return null;
  const files = fs.readdirSync(directory).filter((file) => file.endsWith(".cpuprofile"));
  if (files.length === 0) return null;
  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let busy = 0;
  for (const file of files) {
    const profile = JSON.parse(fs.readFileSync(path.join(directory, file), "utf8")) as CpuProfile;
    const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const node = nodes.get(id);
      const delta = (profile.timeDeltas[index] ?? 0) / 1000;
      if (!node || node.callFrame.functionName === "(idle)") return;
      busy += delta;
      const { functionName, url, lineNumber } = node.callFrame;
      const pkg = packageOf(url, functionName);
      byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + delta);
      const name = `${functionName || "(anonymous)"} ${url ? `${pkg === "copydesk" ? url.slice(url.indexOf("/dist/") + 1) : pkg}:${lineNumber + 1}` : ""}`.trim();
      byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
    });
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => ({ name, percent: Math.round((ms / Math.max(busy, 1)) * 1000) / 10 }));
  return { files, busyMs: Math.round(busy), byPackage: top(byPackage, 15), topFunctions: top(byFunction, 25) };
}
