import { z } from "zod";
import { DomainFailure } from "./failure.js";

// Command input: validation with zod, and the rules several modules share, written once so a
// field means the same thing everywhere.

/** Validates command input with zod; every problem becomes an INVALID_INPUT reason naming its field (input.path). */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new DomainFailure(
    parsed.error.issues.map((issue) => {
      const field = ["input", ...issue.path.map(String)].join(".");
      return { code: "INVALID_INPUT" as const, field, message: `${field} ${issue.message}.`, currentVersion: null };
    }),
  );
}

/** An `expectedVersion`: the version the client read (1 or more). */
export const expectedVersion = z.number().int().min(1, "must be a version you read (1 or more)");

/** Optional text, trimmed, at most `max` characters; null clears it. */
export function optionalText(max: number) {
  return z.string().trim().max(max, `must be at most ${max} characters`).nullish();
}

/** An absolute http or https URL of at most 2,000 characters. */
export const httpUrl = z
  .string()
  .trim()
  .max(2000, "must be at most 2000 characters")
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "must be an http or https URL");
