import fs from "node:fs";
import path from "node:path";
import type { PlaygroundExample } from "./example.js";

// The README's "First queries" section is the one source of the example queries: the README test
// runs every block against the example story, and the playground build bakes the same blocks into
// its bundle as tabs. Editing the README changes both.

const SECTION_HEADING = "## First queries";
const ROLES: readonly PlaygroundExample["role"][] = ["VIEWER", "REPORTER", "EDITOR", "ADMIN"];

/** Where the README is, from src/playground (tsx, vitest) or dist/playground (compiled). */
export const README_PATH = path.resolve(import.meta.dirname, "../../README.md");

/** Thrown when the README's example section is missing or one of its blocks cannot be used. */
export class ReadmeExamplesError extends Error {
  override readonly name = "ReadmeExamplesError";
}

function roleOf(block: string, name: string): PlaygroundExample["role"] {
  const marked = /^# role: (\w+)/m.exec(block)?.[1];
  if (marked === undefined) return "VIEWER";
  const role = ROLES.find((candidate) => candidate === marked);
  if (!role) throw new ReadmeExamplesError(`README example ${name} names an unknown role "${marked}" (one of ${ROLES.join(", ")})`);
  return role;
}

/** The last paragraph of prose before a block, on one line. */
function descriptionOf(prose: string): string {
  const paragraphs = prose.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, " ").trim());
  return paragraphs.filter((paragraph) => paragraph.length > 0).at(-1) ?? "";
}

/**
 * The ```graphql blocks of the README's "First queries" section, in order, each with its name,
 * role and the sentence introducing it. Throws a ReadmeExamplesError when the section is missing,
 * has no blocks, or a block has no operation name (a tab and a test need one) or repeats one.
 */
export function readmeExamples(markdown: string): PlaygroundExample[] {
  const start = markdown.indexOf(SECTION_HEADING);
  if (start < 0) throw new ReadmeExamplesError(`README has no "${SECTION_HEADING}" section`);
  const next = markdown.indexOf("\n## ", start + SECTION_HEADING.length);
  const section = markdown.slice(start + SECTION_HEADING.length, next < 0 ? undefined : next);
  const examples: PlaygroundExample[] = [];
  let proseStart = 0;
  for (const match of section.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    const query = match[1] ?? "";
    const name = /^\s*(?:query|mutation|subscription)\s+(\w+)/m.exec(query)?.[1];
    if (!name) throw new ReadmeExamplesError(`README example #${examples.length + 1} has no operation name`);
    if (examples.some((example) => example.name === name)) throw new ReadmeExamplesError(`README has two examples named ${name}`);
    examples.push({ name, role: roleOf(query, name), description: descriptionOf(section.slice(proseStart, match.index)), query });
    proseStart = match.index + match[0].length;
  }
  if (examples.length === 0) throw new ReadmeExamplesError(`README's "${SECTION_HEADING}" section has no graphql blocks`);
  return examples;
}

/** The examples of the project's own README.md. */
export function projectExamples(readmePath: string = README_PATH): PlaygroundExample[] {
  return readmeExamples(fs.readFileSync(readmePath, "utf8"));
}
