#!/usr/bin/env node
// Checks a folder of hand-made answer keys (NAME.txt beside NAME.gold.json, the format of
// seeds/*.gold.json) for the mistakes a person makes while typing them, before anything is
// scored against them:
//   - the article block names its own .txt and slug, and a YYYY-MM-DD date;
//   - every quote's text (direct, partial or the reported clause of an indirect one) occurs
//     verbatim in the .txt, so a scorer never compares against words the story does not hold;
//   - kind, medium and speakerKind take only the contract's values; a named speaker is a listed
//     person or a listed organization (keys older than speakerKind: either), an unnamed one
//     carries a description;
//   - the text starts with the headline (quotation marks and case aside), when the key gives one;
//   - every person's name or one of the aliases occurs in the .txt; no name is listed twice.
//
//   node eval/check-keys.mjs FOLDER [FOLDER ...]
//
// Exit status 1 when any key has a problem (each printed as FILE: message), 0 otherwise.
// No dependencies: runs with plain node.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, basename } from "node:path";

const KINDS = new Set(["direct", "partial", "indirect"]);
const MEDIA = new Set(["statement", "tweet", "briefing", "interview", "other"]);
const SPEAKER_KINDS = new Set(["person", "organization"]);
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Drops quotation marks of every style and case, so a headline typed without them (or in capitals) still matches. */
const withoutQuoteMarks = (s) => s.replace(/["\u201C\u201D\u201E\u201F]/g, "").toLowerCase();

/** Checks one key against its text; returns the list of problems found. */
function checkKey(goldPath) {
  const problems = [];
  const key = JSON.parse(readFileSync(goldPath, "utf8"));
  const slug = basename(goldPath, ".gold.json");
  const textPath = join(goldPath, "..", `${slug}.txt`);
  if (!existsSync(textPath)) return [`no text file ${slug}.txt beside the key`];
  const text = readFileSync(textPath, "utf8");
  const article = key.article ?? {};
  if (article.file !== `${slug}.txt`) problems.push(`article.file is ${JSON.stringify(article.file)}, expected "${slug}.txt"`);
  if (article.slug !== slug) problems.push(`article.slug is ${JSON.stringify(article.slug)}, expected "${slug}"`);
  if (!DATE.test(article.publishedAt ?? "")) problems.push(`article.publishedAt ${JSON.stringify(article.publishedAt)} is not YYYY-MM-DD`);
  if (article.headline != null && !withoutQuoteMarks(text).startsWith(withoutQuoteMarks(article.headline))) {
    problems.push("the text does not start with the headline");
  }

  const people = key.people ?? [];
  const personNames = new Set(people.map((p) => p.name));
  const organizations = new Set(key.organizations ?? []);
  if (personNames.size !== people.length) problems.push("a person is listed twice");
  for (const p of people) {
    const forms = [p.name, ...(p.aliases ?? [])];
    if (!forms.some((f) => text.includes(f))) problems.push(`person "${p.name}": neither the name nor an alias occurs in the text`);
    for (const a of p.aliases ?? []) if (!text.includes(a)) problems.push(`person "${p.name}": alias "${a}" does not occur in the text`);
    if (!Array.isArray(p.titles)) problems.push(`person "${p.name}": titles must be a list`);
  }
  for (const s of key.anonymousSources ?? []) if (!s.description) problems.push("an anonymous source has no description");

  (key.quotes ?? []).forEach((q, i) => {
    const where = `quote ${i + 1} (${String(q.text).slice(0, 40)}...)`;
    if (!q.text || !text.includes(q.text)) problems.push(`${where}: text does not occur verbatim in the .txt`);
    if (!KINDS.has(q.kind)) problems.push(`${where}: kind ${JSON.stringify(q.kind)}`);
    if (q.medium != null && !MEDIA.has(q.medium)) problems.push(`${where}: medium ${JSON.stringify(q.medium)}`);
    if (q.speaker == null) {
      if (q.speakerKind != null) problems.push(`${where}: speakerKind without a speaker`);
      if (!q.speakerDescription) problems.push(`${where}: an unnamed speaker needs a speakerDescription`);
    } else if (q.speakerKind === undefined) {
      // Keys written before speakerKind existed: the speaker must still be someone the key lists.
      if (!personNames.has(q.speaker) && !organizations.has(q.speaker)) {
        problems.push(`${where}: speaker "${q.speaker}" is neither a listed person nor a listed organization`);
      }
    } else if (!SPEAKER_KINDS.has(q.speakerKind)) {
      problems.push(`${where}: speakerKind ${JSON.stringify(q.speakerKind)}`);
    } else if (q.speakerKind === "person" && !personNames.has(q.speaker)) {
      problems.push(`${where}: speaker "${q.speaker}" is not a listed person`);
    } else if (q.speakerKind === "organization" && !organizations.has(q.speaker)) {
      problems.push(`${where}: speaker "${q.speaker}" is not a listed organization`);
    }
  });
  return problems;
}

const folders = process.argv.slice(2);
if (!folders.length) {
  console.error("usage: node eval/check-keys.mjs FOLDER [FOLDER ...]");
  process.exit(2);
}
let bad = 0, keys = 0, quotes = 0, people = 0;
for (const folder of folders) {
  for (const name of readdirSync(folder).filter((f) => f.endsWith(".gold.json")).sort()) {
    const path = join(folder, name);
    keys++;
    let problems;
    try {
      problems = checkKey(path);
      const key = JSON.parse(readFileSync(path, "utf8"));
      quotes += (key.quotes ?? []).length;
      people += (key.people ?? []).length;
    } catch (error) {
      problems = [`cannot be read: ${error.message}`];
    }
    for (const p of problems) console.log(`${path}: ${p}`);
    if (problems.length) bad++;
  }
}
console.log(`${keys} keys, ${quotes} quotes, ${people} people; ${bad} with problems`);
process.exit(bad ? 1 : 0);
