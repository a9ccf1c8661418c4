import { z } from "zod";

// The input rules several mutation modules share, written once so a field means the same thing
// everywhere (parseInput in mutations.ts turns their messages into INVALID_INPUT errors).

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
