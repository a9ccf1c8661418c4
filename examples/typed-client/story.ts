/**
 * A typed copydesk client in a few lines: graphql-request sends the operation, and the types of
 * its variables and result come from GraphQL Code Generator's client preset (./gql, generated
 * from the committed schema.graphql by `npm run example:codegen`).
 *
 *   COPYDESK_URL=http://127.0.0.1:4000/graphql [COPYDESK_TOKEN=...] npm run example:typed-client [-- SLUG]
 *
 * Prints the story (the seed's basra-consulate-2018 by default): title, quotes and incidents.
 */
import { GraphQLClient } from "graphql-request";
import { graphql } from "./gql/index.js";

/** The operation, checked against the schema at generation time; its result type follows from it. */
const StoryQuery = graphql(`
  query Story($slug: String!) {
    article(slug: $slug) {
      displayTitle
      publishedAt
      status
      quotes(first: 100) {
        totalCount
        edges {
          node {
            text
            kind
            speakerDescription
            speaker {
              name
            }
          }
        }
      }
      incidents(first: 20) {
        edges {
          node {
            type
            summary
            date
            place {
              name
            }
          }
        }
      }
    }
  }
`);

const url = process.env["COPYDESK_URL"] ?? "http://127.0.0.1:4000/graphql";
const token = process.env["COPYDESK_TOKEN"];
const slug = process.argv[2] ?? "basra-consulate-2018";

const client = new GraphQLClient(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const { article } = await client.request(StoryQuery, { slug });
if (!article) {
  process.stderr.write(`No article ${slug} (or it is not visible to you).\n`);
  process.exit(1);
}

// Every field below is typed: article.quotes.edges[0].node.speaker?.name is string | undefined.
const lines = [`${article.displayTitle} (${article.status}${article.publishedAt ? `, ${article.publishedAt.slice(0, 10)}` : ""})`, ""];
lines.push(`Quotes (${article.quotes.totalCount}):`);
for (const { node: quote } of article.quotes.edges) {
  const who = quote.speaker?.name ?? quote.speakerDescription ?? "unattributed";
  lines.push(`  - ${who} [${quote.kind.toLowerCase()}]: ${quote.text}`);
}
lines.push("", "Incidents:");
for (const { node: incident } of article.incidents.edges) {
  lines.push(`  - ${incident.type} ${incident.date ?? "(undated)"} ${incident.place?.name ?? ""}: ${incident.summary}`);
}
process.stdout.write(`${lines.join("\n")}\n`);
