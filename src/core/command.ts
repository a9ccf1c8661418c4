import type { z } from "zod";
import { parseInput } from "./input.js";
import { authorize, type Action } from "./policy.js";
import type { Session } from "./session.js";

/** A domain command: authorizes its action, then runs; `action` is what the GraphQL adapter guards the mutation with. */
export type Command<Input, Result> = ((session: Session, input: Input) => Promise<Result>) & { readonly action: Action };

/** The session a command runs in: the caller's, and the action it was authorized for (the audit log's name of its change). */
export interface CommandSession extends Session {
  readonly action: Action;
}

/**
 * Declares a command: `run` only starts once the actor's role may do `action` (FORBIDDEN
 * otherwise), so every command is authorized the same way and by the one policy table. With a
 * zod `schema`, the input is validated first (INVALID_INPUT naming each field) and `run` gets
 * the parsed value.
 */
export function command<Input, Result>(action: Action, run: (session: CommandSession, input: Input) => Promise<Result>): Command<Input, Result>;
export function command<Schema extends z.ZodType, Result>(
  action: Action,
  schema: Schema,
  run: (session: CommandSession, data: z.output<Schema>) => Promise<Result>,
): Command<z.input<Schema>, Result>;
export function command(
  action: Action,
  schemaOrRun: z.ZodType | ((session: CommandSession, input: unknown) => Promise<unknown>),
  parsedRun?: (session: CommandSession, data: unknown) => Promise<unknown>,
): Command<unknown, unknown> {
  const authorized = async (session: Session, input: unknown): Promise<unknown> => {
    authorize(session.viewer, action);
    const inCommand = { ...session, action };
    if (typeof schemaOrRun === "function") return schemaOrRun(inCommand, input);
    return (parsedRun as (session: CommandSession, data: unknown) => Promise<unknown>)(inCommand, parseInput(schemaOrRun, input));
  };
  return Object.assign(authorized, { action });
}
