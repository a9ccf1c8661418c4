import type { ReviewStatus, Role } from "../generated/prisma/enums.js";
import { hasRole, type Actor } from "./actor.js";
import { fail } from "./failure.js";

/** One rule: the lowest role that may do something, and how a refusal names it ("Only editors and above may <what>"). */
export interface Rule {
  readonly role: Role;
  readonly what: string;
}

/**
 * Who may do what: every role rule of copydesk, stated once. The domain authorizes its commands
 * and shapes what an actor may read from it ({@link authorize}, {@link may}); the GraphQL adapter
 * guards fields and mutations with the same actions (src/graphql/policy.ts), so the API and the
 * domain cannot disagree about a role (tests/unit/policy.test.ts).
 */
export const POLICY = {
  // Articles
  "article.create": { role: "REPORTER", what: "create articles" },
  "article.update": { role: "REPORTER", what: "edit articles" },
  /** Changing an article (or its quotes) once it is public: reporters edit drafts and articles in review. */
  "article.updatePublic": { role: "EDITOR", what: "edit published articles" },
  "article.submit": { role: "REPORTER", what: "submit articles for review" },
  "article.publish": { role: "EDITOR", what: "publish articles" },
  "article.retract": { role: "EDITOR", what: "retract articles" },
  "article.delete": { role: "EDITOR", what: "delete articles" },
  "article.restore": { role: "EDITOR", what: "restore articles" },
  "article.correct": { role: "EDITOR", what: "issue corrections" },
  "article.ingest": { role: "REPORTER", what: "ingest articles" },
  /** Drafts and articles in review, their revisions and diffs. */
  "article.readUnpublished": { role: "REPORTER", what: "read unpublished articles and revisions" },

  // Quotes
  "quote.create": { role: "REPORTER", what: "record quotes" },
  "quote.update": { role: "REPORTER", what: "edit quotes" },
  "quote.attribute": { role: "EDITOR", what: "attribute quotes" },
  "quote.verify": { role: "EDITOR", what: "verify quotes" },
  "quote.link": { role: "EDITOR", what: "link quotes" },

  // Machine suggestions (pending quotes, people, mentions, incidents)
  "suggestion.read": { role: "REPORTER", what: "see machine suggestions" },
  "suggestion.review": { role: "EDITOR", what: "review machine suggestions" },

  // People, unnamed sources and organizations
  "person.create": { role: "EDITOR", what: "create people" },
  "person.update": { role: "EDITOR", what: "edit people" },
  "person.addAlias": { role: "EDITOR", what: "add aliases" },
  "person.addRole": { role: "EDITOR", what: "add roles" },
  "person.merge": { role: "EDITOR", what: "merge people" },

  // Incidents
  "incident.create": { role: "EDITOR", what: "record incidents" },
  "incident.update": { role: "EDITOR", what: "change incidents" },
  "incident.link": { role: "EDITOR", what: "link incidents to articles" },
  "incident.merge": { role: "EDITOR", what: "merge incidents" },

  // Annotations and fact-checks
  "annotation.read": { role: "REPORTER", what: "read annotations" },
  "annotation.create": { role: "REPORTER", what: "annotate" },
  "annotation.reply": { role: "REPORTER", what: "reply to annotations" },
  "annotation.update": { role: "REPORTER", what: "change annotations" },
  "annotation.resolve": { role: "REPORTER", what: "resolve annotations" },
  "annotation.reopen": { role: "REPORTER", what: "reopen annotations" },
  "annotation.delete": { role: "REPORTER", what: "delete annotations" },
  /** Changing or deleting someone else's annotation. */
  "annotation.moderate": { role: "EDITOR", what: "change other people's annotations" },
  "annotation.reanchor": { role: "EDITOR", what: "place annotations by hand" },
  "claimReview.create": { role: "EDITOR", what: "fact-check claims" },

  // The audit log
  "audit.read": { role: "REPORTER", what: "read the audit log" },
  /** Following every audit event live (the whole newsroom's activity). */
  "audit.subscribe": { role: "ADMIN", what: "follow the audit log live" },

  // Users and tokens
  /** Seeing users as such (by id, as authors and actors) with their roles; below it, only the signer of published work, by name (src/domain/visibility/users.ts). */
  "user.read": { role: "REPORTER", what: "see the newsroom's users and their roles" },
  "user.create": { role: "ADMIN", what: "create users" },
  "user.setRole": { role: "ADMIN", what: "change roles" },
  "user.disable": { role: "ADMIN", what: "disable users" },
  "user.readAccount": { role: "ADMIN", what: "read account states" },
  "token.create": { role: "ADMIN", what: "create tokens" },
  "token.revoke": { role: "ADMIN", what: "revoke tokens" },
  "token.read": { role: "ADMIN", what: "list tokens" },
} as const satisfies Record<string, Rule>;

/** Something an actor may or may not do: a key of {@link POLICY}. */
export type Action = keyof typeof POLICY;

/** The rule of an action. */
export function ruleOf(action: Action): Rule {
  return POLICY[action];
}

/** True when the actor's role may do `action`. */
export function may(actor: Actor, action: Action): boolean {
  return hasRole(actor, POLICY[action].role);
}

/** FORBIDDEN (a {@link DomainFailure}) unless the actor's role may do `action`. */
export function authorize(actor: Actor, action: Action): void {
  if (may(actor, action)) return;
  const { role, what } = POLICY[action];
  throw fail("FORBIDDEN", `Only ${role.toLowerCase()}s and above may ${what}. Send the token of such a user.`);
}

/**
 * The one rule for machine suggestions (quotes, mentions, people, incidents): REJECTED ones are
 * never shown, PENDING ones only to those who may see suggestions (they review them).
 */
export function visibleReviewStatuses(actor: Actor): ReviewStatus[] {
  return may(actor, "suggestion.read") ? ["ACCEPTED", "PENDING"] : ["ACCEPTED"];
}
