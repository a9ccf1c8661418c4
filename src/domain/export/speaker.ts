import type { Quote } from "../../generated/prisma/client.js";
import type { PeopleLoaders } from "../people/loaders.js";
import type { SpeakerFacts } from "./schema-org.js";

/**
 * Who said a quote, read through the request's loaders (visibility applied by them): its
 * organization when an organization speaks, else its person or unnamed source; null when it is
 * not attributed or the viewer may not see the person.
 */
export async function loadSpeakerFacts(quote: Pick<Quote, "speakerId" | "speakerOrganizationId">, loaders: PeopleLoaders): Promise<SpeakerFacts | null> {
  if (quote.speakerOrganizationId) {
    const organization = await loaders.organizationById.load(quote.speakerOrganizationId);
    return organization && { kind: "organization", organization };
  }
  if (!quote.speakerId) return null;
  const person = await loaders.personById.load(quote.speakerId);
  return person && { kind: "person", person };
}
