import { authorize, type Action } from "./policy.js";
import type { Session } from "./session.js";

/** A domain command: authorizes its action, then runs; `action` is what the GraphQL adapter guards the mutation with. */
export type Command<Input, Result> = ((session: Session, input: Input) => Promise<Result>) & { readonly action: Action };

/**
 * Declares a command: `run` only starts once the actor's role may do `action` (FORBIDDEN
 * otherwise), so every command is authorized the same way and by the one policy table.
 */
export function command<Input, Result>(action: Action, run: (session: Session, input: Input) => Promise<Result>): Command<Input, Result> {
  const authorized = async (session: Session, input: Input): Promise<Result> => {
    authorize(session.viewer, action);
    return run(session, input);
  };
  return Object.assign(authorized, { action });
}
