import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { setNonce } from "get-nonce";
import { GraphiQL } from "graphiql";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { PlaygroundExample } from "../example.ts";
import { ExamplesMenu } from "./examples-menu.tsx";
import { TokenHelp } from "./token-help.tsx";
import "graphiql/style.css";
import "./playground.css";

// The self-hosted playground: GraphiQL talking to this server's /graphql, the README's example
// queries as its first tabs and in an "Examples" toolbar menu, the header editor open for a bearer
// token. Everything it loads comes from this server (the page's Content-Security-Policy allows
// nothing else), so it works with no network beyond localhost.

/** The README's example queries: esbuild replaces this name with their JSON (scripts/build-playground.ts). */
declare const COPYDESK_EXAMPLES: readonly PlaygroundExample[];

// GraphiQL's dialogs inject a <style> element; it must carry the nonce the page's CSP allows.
const nonce = document.querySelector('meta[name="csp-nonce"]')?.getAttribute("content");
if (nonce) setNonce(nonce);

const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", window.location.href).href });

const root = document.getElementById("playground");
if (!root) throw new Error("The playground page has no #playground element");

createRoot(root).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={COPYDESK_EXAMPLES.map((example) => ({ query: example.query }))}
      // No token is ever prefilled: the bundle is public. The footer says where one comes from.
      defaultHeaders=""
      shouldPersistHeaders={false}
      defaultEditorToolsVisibility="headers"
    >
      <GraphiQL.Logo>copydesk</GraphiQL.Logo>
      <GraphiQL.Toolbar>
        {({ prettify, merge, copy }) => (
          <>
            <ExamplesMenu examples={COPYDESK_EXAMPLES} />
            {prettify}
            {merge}
            {copy}
          </>
        )}
      </GraphiQL.Toolbar>
      <GraphiQL.Footer>
        <TokenHelp />
      </GraphiQL.Footer>
    </GraphiQL>
  </StrictMode>,
);
