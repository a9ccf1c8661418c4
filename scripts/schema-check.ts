// npm run schema:check: compares the committed schema.graphql with the main branch's copy at the
// point this branch left it (@graphql-inspector/core) and fails on a breaking change nobody documented. A breaking change
// is documented when CHANGELOG.md's "## Unreleased" section names its path (`Article.dek`), or
// when the HEAD commit message has a "BREAKING CHANGE:" footer that names it.
//
//   npm run schema:check [-- --base-ref REF | --base FILE] [--current FILE] [--changelog FILE] [--message TEXT]
//
// Exit codes: 0 no breaking change, or all of them documented (also when there is no base to
// compare with, which is said plainly); 1 an undocumented breaking change; 2 a bad command line
// or a schema that does not parse.
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { CriticalityLevel, diff, type Change } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

const root = path.resolve(import.meta.dirname, "..");
const run = promisify(execFile);

/** The refs tried in turn for the base schema when none is given. */
export const DEFAULT_BASE_REFS = ["origin/main", "main"] as const;

/** What {@link checkSchemaChanges} compares and where it looks for documentation. */
export interface SchemaCheckInput {
  readonly base: string;
  readonly current: string;
  /** CHANGELOG.md's text ("" when there is none). */
  readonly changelog: string;
  /** The HEAD commit message ("" when unknown). */
  readonly commitMessage: string;
}

/** One breaking change and whether something documents it. */
export interface BreakingChange {
  readonly path: string;
  readonly message: string;
  readonly documentedIn: "CHANGELOG.md" | "commit message" | null;
}

/** The outcome of a check. */
export interface SchemaCheckResult {
  readonly breaking: readonly BreakingChange[];
  readonly dangerous: readonly Change[];
  readonly safe: readonly Change[];
  /** True when every breaking change is documented. */
  readonly ok: boolean;
}

/** The "## Unreleased" section of a Keep a Changelog file (up to the next "## " heading), or "". */
export function unreleasedSection(changelog: string): string {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((line) => /^##\s+\[?unreleased\]?\s*$/i.test(line.trim()));
  if (start < 0) return "";
  const end = lines.findIndex((line, index) => index > start && /^##\s/.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).join("\n");
}

/** The text after a "BREAKING CHANGE:" (or "BREAKING-CHANGE:") footer of a commit message, or "". */
export function breakingChangeNote(message: string): string {
  const match = /^BREAKING[ -]CHANGE:([\s\S]*)$/m.exec(message);
  return match?.[1] ?? "";
}

/** True when `text` names `schemaPath` as a whole (`Article.dek`, not `Article.dekline`; `Article`, not `Article.dek`). */
export function names(text: string, schemaPath: string): boolean {
  const escaped = schemaPath.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?<![\\w.])${escaped}(?![\\w]|\\.\\w)`).test(text);
}

/** Diffs two SDL texts and decides, for each breaking change, whether it is documented. */
export async function checkSchemaChanges(input: SchemaCheckInput): Promise<SchemaCheckResult> {
  const changes = await diff(buildSchema(input.base), buildSchema(input.current));
  const unreleased = unreleasedSection(input.changelog);
  const note = breakingChangeNote(input.commitMessage);
  const breaking = changes
    .filter((change) => change.criticality.level === CriticalityLevel.Breaking)
    .map((change): BreakingChange => {
      const changePath = change.path ?? change.message;
      const documentedIn = names(unreleased, changePath) ? "CHANGELOG.md" : names(note, changePath) ? "commit message" : null;
      return { path: changePath, message: change.message, documentedIn };
    });
  return {
    breaking,
    dangerous: changes.filter((change) => change.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((change) => change.criticality.level === CriticalityLevel.NonBreaking),
    ok: breaking.every((change) => change.documentedIn !== null),
  };
}

/** A human report of a check. */
export function formatReport(result: SchemaCheckResult, baseName: string): string {
  const lines = [`Compared schema.graphql with ${baseName}: ${result.breaking.length} breaking, ${result.dangerous.length} dangerous, ${result.safe.length} safe change(s).`];
  for (const change of result.breaking) {
    lines.push(`  ${change.documentedIn ? "documented " : "UNDOCUMENTED"} breaking  ${change.path}: ${change.message}${change.documentedIn ? ` (in ${change.documentedIn})` : ""}`);
  }
  for (const change of result.dangerous) lines.push(`  dangerous  ${change.path ?? ""}: ${change.message}`);
  for (const change of result.safe) lines.push(`  safe       ${change.path ?? ""}: ${change.message}`);
  if (!result.ok) {
    lines.push(
      "",
      "Clients may break. Either keep the old field (deprecate it first), or document each path above in",
      'CHANGELOG.md under "## Unreleased" (e.g. "- Removed `Article.dek`: use `Article.summary`."), or in a',
      '"BREAKING CHANGE: Article.dek ..." footer of the commit message.',
    );
  }
  return `${lines.join("\n")}\n`;
}

/** Thrown for a bad command line. */
class UsageError extends Error {}

/** Parsed options of the command. */
interface Options {
  baseRef?: string;
  base?: string;
  current: string;
  changelog: string;
  message?: string;
}

/** Parses `--name value` / `--name=value` options. */
function parseOptions(args: readonly string[]): Options {
  const options: Options = { current: path.join(root, "schema.graphql"), changelog: path.join(root, "CHANGELOG.md") };
  for (let i = 0; i < args.length; i += 1) {
    const match = /^--([a-z-]+)(?:=(.*))?$/s.exec(args[i] as string);
    const name = match?.[1];
    if (!name || !["base-ref", "base", "current", "changelog", "message"].includes(name)) throw new UsageError(`schema:check: unexpected argument ${JSON.stringify(args[i])}`);
    const value = match?.[2] ?? args[++i];
    if (value === undefined) throw new UsageError(`schema:check: --${name} needs a value`);
    if (name === "base-ref") options.baseRef = value;
    else if (name === "base") options.base = value;
    else if (name === "current") options.current = value;
    else if (name === "changelog") options.changelog = value;
    else options.message = value;
  }
  if (options.base && options.baseRef) throw new UsageError("schema:check: give --base or --base-ref, not both");
  return options;
}

/**
 * The commit of `ref` to compare with: where HEAD left it (the merge base), so that changes
 * made on main after the branch started are not taken for this branch's removals; the tip of
 * `ref` when git finds no merge base (a shallow clone).
 */
async function baseCommit(ref: string): Promise<{ commit: string; name: string }> {
  try {
    const commit = (await run("git", ["merge-base", "HEAD", ref], { cwd: root })).stdout.trim();
    return { commit, name: `${ref}'s schema.graphql where this branch left it (${commit.slice(0, 10)})` };
  } catch {
    return { commit: ref, name: `${ref}'s schema.graphql` };
  }
}

/** The base schema from a file or from the first git ref that has schema.graphql; null when there is none. */
async function readBase(options: Options): Promise<{ sdl: string; name: string } | null> {
  if (options.base) return { sdl: fs.readFileSync(options.base, "utf8"), name: options.base };
  for (const ref of options.baseRef ? [options.baseRef] : DEFAULT_BASE_REFS) {
    try {
      const { commit, name } = await baseCommit(ref);
      const { stdout } = await run("git", ["show", `${commit}:schema.graphql`], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
      return { sdl: stdout, name };
    } catch {
      // Not a git checkout, no such ref, or no schema.graphql there: try the next one.
    }
  }
  return null;
}

/** The HEAD commit message, or "" outside git. */
async function headMessage(): Promise<string> {
  try {
    return (await run("git", ["log", "-1", "--format=%B"], { cwd: root })).stdout;
  } catch {
    return "";
  }
}

/** The command: returns its exit code. */
async function main(args: readonly string[]): Promise<number> {
  let options: Options;
  try {
    options = parseOptions(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 2;
  }
  const base = await readBase(options);
  if (!base) {
    const tried = options.baseRef ? [options.baseRef] : DEFAULT_BASE_REFS;
    process.stdout.write(`schema:check: no base schema to compare with (no git, or none of ${tried.join(", ")} has schema.graphql); nothing checked.\n`);
    return 0;
  }
  const changelog = fs.existsSync(options.changelog) ? fs.readFileSync(options.changelog, "utf8") : "";
  let result: SchemaCheckResult;
  try {
    result = await checkSchemaChanges({
      base: base.sdl,
      current: fs.readFileSync(options.current, "utf8"),
      changelog,
      commitMessage: options.message ?? (await headMessage()),
    });
  } catch (error) {
    process.stderr.write(`schema:check: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  (result.ok ? process.stdout : process.stderr).write(formatReport(result, base.name));
  return result.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`schema:check: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(2);
    },
  );
}
