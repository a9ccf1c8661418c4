import type { GraphQLModule } from "../../module.js";
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
import { createAnnotationLoaders } from "../../../domain/annotations/loaders.js";
import { annotationResolvers } from "./resolvers.js";

/** The annotations module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const annotationsModule = {
  name: "annotations",
  resolvers: annotationResolvers,
  guards: {
    "Annotation": "annotation.read",
    "Article.annotations": "annotation.read",
    "Quote.annotations": "annotation.read",
    "Query.annotations": "annotation.read",
    "Mutation.createAnnotation": createAnnotation.action,
    "Mutation.replyToAnnotation": replyToAnnotation.action,
    "Mutation.updateAnnotation": updateAnnotation.action,
    "Mutation.resolveAnnotation": resolveAnnotation.action,
    "Mutation.reopenAnnotation": reopenAnnotation.action,
    "Mutation.deleteAnnotation": deleteAnnotation.action,
    "Mutation.createClaimReview": createClaimReview.action,
    "Mutation.reanchorAnnotation": reanchorAnnotation.action,
  },
  loaders: createAnnotationLoaders,
} satisfies GraphQLModule;
