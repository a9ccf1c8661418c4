import type { Resolvers } from "../../../generated/graphql.js";
import { toGlobalId } from "../../ids.js";
import { mutationPayload } from "../../../core/failure.js";
import { loadClaimReviewJsonLd } from "../../../domain/annotations/claim-review-json-ld.js";
import { resolveTaggedType } from "../../../core/typed.js";
import {
  createAnnotation,
  createClaimReview,
  deleteAnnotation,
  reanchorAnnotation,
  reopenAnnotation,
  replyToAnnotation,
  resolveAnnotation,
  updateAnnotation,
} from "../../../domain/annotations/mutations.js";
import {
  annotationArticle,
  annotationAuthor,
  annotationSelector,
  annotationTarget,
  claimReviewArticle,
  claimReviewer,
  listAnnotations,
  type AnnotationTargetValue,
} from "../../../domain/annotations/service.js";

/** Resolvers of the annotations module: annotations, their threads and targets, fact-checks, and the mutations of both. */
export const annotationResolvers: Resolvers = {
  Query: {
    annotations: (_parent, args, { prisma, viewer, loaders }) => listAnnotations(prisma, viewer, args, loaders.annotationById),
  },
  Mutation: {
    createAnnotation: (_parent, { input }, context) => mutationPayload("annotation", () => createAnnotation(context, input)),
    replyToAnnotation: (_parent, { input }, context) => mutationPayload("annotation", () => replyToAnnotation(context, input)),
    updateAnnotation: (_parent, { input }, context) => mutationPayload("annotation", () => updateAnnotation(context, input)),
    resolveAnnotation: (_parent, { input }, context) => mutationPayload("annotation", () => resolveAnnotation(context, input)),
    reopenAnnotation: (_parent, { input }, context) => mutationPayload("annotation", () => reopenAnnotation(context, input)),
    deleteAnnotation: (_parent, { input }, context) => mutationPayload("deletedAnnotationId", () => deleteAnnotation(context, input)),
    createClaimReview: (_parent, { input }, context) => mutationPayload("claimReview", () => createClaimReview(context, input)),
    reanchorAnnotation: (_parent, { input }, context) => mutationPayload("annotation", () => reanchorAnnotation(context, input)),
  },
  Annotation: {
    id: (annotation) => toGlobalId("Annotation", annotation.id),
    target: (annotation, _args, { loaders }) => annotationTarget(annotation, loaders),
    article: (annotation, _args, { loaders }) => annotationArticle(annotation, loaders),
    selector: (annotation) => annotationSelector(annotation),
    author: (annotation, _args, { loaders }) => annotationAuthor(annotation, loaders),
    resolvedBy: (annotation, _args, { loaders }) => (annotation.resolvedById ? loaders.userById.load(annotation.resolvedById) : null),
    parent: (annotation, _args, { loaders }) => (annotation.parentId ? loaders.annotationById.load(annotation.parentId) : null),
    replies: (annotation, args, { loaders }) => loaders.repliesOfAnnotation.load(annotation.id, args),
  },
  AnnotationTarget: {
    __resolveType: (value) => resolveTaggedType<AnnotationTargetValue["__typename"]>(value),
  },
  ClaimReview: {
    id: (review) => toGlobalId("ClaimReview", review.id),
    article: (review, _args, { loaders }) => claimReviewArticle(review, loaders),
    quote: (review, _args, { loaders }) => (review.quoteId ? loaders.quoteById.load(review.quoteId) : null),
    reviewer: (review, _args, { loaders }) => claimReviewer(review, loaders),
    jsonLd: (review, _args, { loaders }) => loadClaimReviewJsonLd(review, loaders),
  },
  Article: {
    annotations: (article, args, { loaders }) => loaders.annotationsOfArticle(args.filter).load(article.id, args),
    claimReviews: (article, args, { loaders }) => loaders.claimReviewsOfArticle.load(article.id, args),
  },
  Quote: {
    annotations: (quote, args, { loaders }) => loaders.annotationsOfQuote.load(quote.id, args),
    claimReviews: (quote, args, { loaders }) => loaders.claimReviewsOfQuote.load(quote.id, args),
  },
};
