import { createHash } from "node:crypto";
import { z } from "zod";

/** The longest article body copydesk stores, in UTF-16 code units (create, update and ingest). */
export const MAX_BODY_LENGTH = 500_000;

/** An article body as every command takes it: not empty or blank, no NUL, at most {@link MAX_BODY_LENGTH}. */
export const articleBody = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`)
  .refine((value) => !value.includes("\u0000"), "must not contain NUL characters")
  .refine((value) => value.trim().length > 0, "must not be blank");

/** The body's SHA-256 (hex): how ingest recognises a text it has stored already. */
export function bodyHashOf(body: string): string {
  return createHash("sha256").update(body, "utf8").digest("hex");
}
