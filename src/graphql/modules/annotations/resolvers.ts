import { GraphQLError } from "graphql";
import type { AnnotationFilter as AnnotationFilterArgument, Resolvers } from "../../../generated/graphql.js";
import { DomainFailure, type FailureReason } from "../../../core/failure.js";
import type { RecordType } from "../../../core/records.js";
import { resolveTaggedType } from "../../../core/typed.js";
import { loadClaimReviewJsonLd } from "../../../domain/export/claim-review-json-ld.js";
import {
  createAnnotation,
  createClaimReview,
  deleteAnnotation,
  reanchorAnnotation,
  reopenAnnotation,
  replyToAnnotation,
  resolveAnnotation,
  updateAnnotation,
} from "../../../domain/annotations/commands.js";
import type { AnnotationFilter } from "../../../domain/annotations/filter.js";
import { annotationArticle, annotationSelector, annotationTarget, listAnnotations, type AnnotationTargetValue } from "../../../domain/annotations/service.js";
import { ErrorCode } from "../../errors.js";
import { optionalGlobalId, parseGlobalId, toGlobalId } from "../../ids.js";
import { mutationPayload } from "../../payload.js";

/**
 * Decodes the global ids of one annotation mutation's input, all of them before the command
 * runs: each bad id is an INVALID_INPUT reason on its field, reported together. The words are
 * this module's own ("input.id Not a valid Annotation id..", not inputId's "is not a valid"),
 * kept so the API's messages do not change.
 */
class InputIds {
  private readonly reasons: FailureReason[] = [];

  /** A required id. */
  id(globalId: string, type: RecordType, field: string): string {
    const parsed = parseGlobalId(globalId);
    if (parsed && parsed.type === type) return parsed.id;
    this.reasons.push({ code: "INVALID_INPUT", field, message: `${field} Not a valid ${type} id..`, currentVersion: null });
    return globalId;
  }

  /** An optional id: absent stays absent and null stays null (both mean "not given" here). */
  optional(globalId: string | null | undefined, type: RecordType, field: string): string | null | undefined {
    return globalId === null || globalId === undefined ? globalId : this.id(globalId, type, field);
  }

  /** Throws the reasons gathered, if any; the decoded ids may be used once this returns. */
  check(): void {
    if (this.reasons.length > 0) throw new DomainFailure(this.reasons);
  }
}

/** The `annotations(filter:)` argument with its global ids decoded (BAD_USER_INPUT naming a bad one). */
function annotationFilterOf(filter: AnnotationFilterArgument | null | undefined): AnnotationFilter | undefined {
  if (!filter) return undefined;
  return {
    ...filter,
    authorId: optionalGlobalId(filter.authorId, "User", "filter.authorId"),
    articleId: optionalGlobalId(filter.articleId, "Article", "filter.articleId"),
  };
}

/**
 * A record a non-null field needs (an author, a reviewer, a fact-check's article). The foreign
 * keys and visibility rules guarantee it, so its absence is a broken invariant, not user error.
 */
function required<T>(value: T | null, what: string): T {
  if (value === null) throw new GraphQLError(`The ${what} is not available.`, { extensions: { code: ErrorCode.NOT_FOUND } });
  return value;
}

/** Resolvers of the annotations module: annotations, their threads and targets, fact-checks, and the mutations of both. */
export const annotationResolvers: Resolvers = {
  Query: {
    annotations: (_parent, args, { prisma, viewer, loaders }) =>
      listAnnotations(prisma, viewer, { ...args, filter: annotationFilterOf(args.filter) }, loaders.annotationById),
  },
  Mutation: {
    createAnnotation: (_parent, { input }, context) =>
      mutationPayload("annotation", () => {
        const ids = new InputIds();
        const target = {
          articleId: ids.optional(input.target.articleId, "Article", "input.target.articleId"),
          quoteId: ids.optional(input.target.quoteId, "Quote", "input.target.quoteId"),
          incidentId: ids.optional(input.target.incidentId, "Incident", "input.target.incidentId"),
          personId: ids.optional(input.target.personId, "Person", "input.target.personId"),
        };
        ids.check();
        return createAnnotation(context, { ...input, target });
      }),
    replyToAnnotation: (_parent, { input }, context) =>
      mutationPayload("annotation", () => {
        const ids = new InputIds();
        const parentId = ids.id(input.parentId, "Annotation", "input.parentId");
        ids.check();
        return replyToAnnotation(context, { ...input, parentId });
      }),
    updateAnnotation: (_parent, { input }, context) =>
      mutationPayload("annotation", () => {
        const ids = new InputIds();
        const id = ids.id(input.id, "Annotation", "input.id");
        ids.check();
        return updateAnnotation(context, { ...input, id });
      }),
    resolveAnnotation: (_parent, { input }, context) =>
      mutationPayload("annotation", () => {
        const ids = new InputIds();
        const id = ids.id(input.id, "Annotation", "input.id");
        ids.check();
        return resolveAnnotation(context, { ...input, id });
      }),
    reopenAnnotation: (_parent, { input }, context) =>
      mutationPayload("annotation", () => {
        const ids = new InputIds();
        const id = ids.id(input.id, "Annotation", "input.id");
        ids.check();
        return reopenAnnotation(context, { ...input, id });
      }),
    deleteAnnotation: (_parent, { input }, context) =>
      mutationPayload("deletedAnnotationId", async () => {
        const ids = new InputIds();
        const id = ids.id(input.id, "Annotation", "input.id");
        ids.check();
        return toGlobalId("Annotation", await deleteAnnotation(context, { ...input, id }));
      }),
    createClaimReview: (_parent, { input }, context) =>
      mutationPayload("claimReview", () => {
        const ids = new InputIds();
        const quoteId = ids.optional(input.quoteId, "Quote", "input.quoteId");
        const articleId = ids.optional(input.articleId, "Article", "input.articleId");
        ids.check();
        return createClaimReview(context, { ...input, quoteId, articleId });
      }),
    reanchorAnnotation: (_parent, { input }, context) =>
      mutationPayload("annotation", () => {
        const ids = new InputIds();
        const id = ids.id(input.id, "Annotation", "input.id");
        ids.check();
        return reanchorAnnotation(context, { ...input, id });
      }),
  },
  Annotation: {
    id: (annotation) => toGlobalId("Annotation", annotation.id),
    target: (annotation, _args, { loaders }) => annotationTarget(annotation, loaders),
    article: (annotation, _args, { loaders }) => annotationArticle(annotation, loaders),
    selector: (annotation) => annotationSelector(annotation),
    author: async (annotation, _args, { loaders }) => required(await loaders.userById.load(annotation.authorId), "annotation's author"),
    resolvedBy: (annotation, _args, { loaders }) => (annotation.resolvedById ? loaders.userById.load(annotation.resolvedById) : null),
    parent: (annotation, _args, { loaders }) => (annotation.parentId ? loaders.annotationById.load(annotation.parentId) : null),
    replies: (annotation, args, { loaders }) => loaders.repliesOfAnnotation.load(annotation.id, args),
  },
  AnnotationTarget: {
    __resolveType: (value) => resolveTaggedType<AnnotationTargetValue["__typename"]>(value),
  },
  ClaimReview: {
    id: (review) => toGlobalId("ClaimReview", review.id),
    article: async (review, _args, { loaders }) => required(await loaders.articleById.load(review.articleId), "fact-check's article"),
    quote: (review, _args, { loaders }) => (review.quoteId ? loaders.quoteById.load(review.quoteId) : null),
    reviewer: async (review, _args, { loaders }) => required(await loaders.signerById.load(review.reviewerId), "fact-check's reviewer"),
    jsonLd: (review, _args, { loaders }) => loadClaimReviewJsonLd(review, loaders),
  },
  Article: {
    annotations: (article, args, { loaders }) => loaders.annotationsOfArticle(annotationFilterOf(args.filter)).load(article.id, args),
    claimReviews: (article, args, { loaders }) => loaders.claimReviewsOfArticle.load(article.id, args),
  },
  Quote: {
    annotations: (quote, args, { loaders }) => loaders.annotationsOfQuote.load(quote.id, args),
    claimReviews: (quote, args, { loaders }) => loaders.claimReviewsOfQuote.load(quote.id, args),
  },
};
