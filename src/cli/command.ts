import { parseArgs } from "node:util";
import { loadConfig } from "../config.js";
import type { Database } from "../db/index.js";

/** A bad command line: the CLI prints the message and the usage, and exits 2. */
export class UsageError extends Error {}

/** The work a command line asks for, once its arguments are read: resolves to the exit code. */
export type Work = () => Promise<number>;

/** One CLI command: reads its arguments (a bad one throws UsageError) before anything is opened. */
export type Command = (args: readonly string[]) => Work;

/** The type of each option a command takes: `--name value`/`--name=value`, or a bare `--flag`. */
type OptionTypes = Readonly<Record<string, "string" | "boolean">>;

/** The options given, by name. */
export type OptionValues<T extends OptionTypes> = { -readonly [N in keyof T]?: T[N] extends "string" ? string : boolean };

/** How a command words its refusals; `command` prefixes each message ("export: ..."). */
interface ReadOptions {
  readonly command: string;
  /** Whether arguments other than options are taken (files); refused as "unexpected argument" otherwise. */
  readonly positionals: boolean;
  /** An empty value (`--out=`) counts as a missing one. */
  readonly emptyIsMissing?: boolean;
  /** The message for an option without its value (default "<command>: --<name> needs a value"). */
  readonly missing?: (name: string) => string;
}

/**
 * Reads a command's arguments with node's parseArgs. Its lenient mode is used and the tokens
 * checked here, so that refusals keep copydesk's wording (strict mode throws node's own) and a
 * value may start with a dash (`--seed -5`), as before.
 */
export function readArgs<T extends OptionTypes>(args: readonly string[], types: T, how: ReadOptions): { values: OptionValues<T>; positionals: string[] } {
  const options = Object.fromEntries(Object.entries(types).map(([name, type]) => [name, { type }]));
  const { tokens } = parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === "positional") {
      if (!how.positionals) throw new UsageError(`${how.command}: unexpected argument ${JSON.stringify(token.value)}`);
      positionals.push(token.value);
    } else if (token.kind === "option") {
      const type = Object.hasOwn(types, token.name) ? types[token.name] : undefined;
      if (type === undefined || (type === "boolean" && token.inlineValue)) throw new UsageError(`${how.command}: unknown option ${token.rawName}`);
      if (type === "boolean") {
        values[token.name] = true;
      } else if (token.value === undefined || (how.emptyIsMissing && token.value === "")) {
        throw new UsageError(how.missing ? how.missing(token.name) : `${how.command}: --${token.name} needs a value`);
      } else {
        values[token.name] = token.value;
      }
    }
  }
  return { values: values as OptionValues<T>, positionals };
}

/**
 * Runs `work` on the database npm start would use (borrowing a running copydesk's), then closes it.
 * The database layer (Prisma's client, PGlite) is loaded here, when a command needs it, not when
 * the CLI starts: a usage error or `extract` never pays for it.
 */
export async function withDatabase(work: (database: Database) => Promise<number>): Promise<number> {
  const { openDatabase } = await import("../db/index.js");
  const database = await openDatabase(loadConfig().database, { allowBorrowed: true });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
