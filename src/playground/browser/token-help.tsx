import { useEditorContext } from "@graphiql/react";
import { useEffect, useState } from "react";
import { headersToken, TOKEN_PLACEHOLDER, type HeadersToken } from "../headers.ts";

/** What the "Add a token" button writes into the header editor: the header, with a placeholder. */
export const AUTHORIZATION_TEMPLATE = `{\n  "Authorization": "Bearer ${TOKEN_PLACEHOLDER}"\n}`;

/** The first sentence of the footer for each state of the Headers editor. */
const STATUS: Record<HeadersToken, string> = {
  none: "No token: you read published articles. For drafts, annotations and mutations put a bearer token in Headers.",
  placeholder: `Replace ${TOKEN_PLACEHOLDER} in Headers with your token; until then the server refuses the request.`,
  token: "Token set in Headers: every request runs as its user, with its role.",
  unreadable: "Headers is not a JSON object yet: GraphiQL will not send the request until it is.",
};

/**
 * The Headers editor's text, kept current: GraphiQL's own state hooks read the editor only when
 * something else renders, so the footer listens to the editor's change events itself.
 */
function useHeadersText(): string {
  const { headerEditor } = useEditorContext({ nonNull: true });
  const [text, setText] = useState(() => headerEditor?.getValue() ?? "");
  useEffect(() => {
    if (!headerEditor) return;
    const update = () => setText(headerEditor.getValue());
    update();
    headerEditor.on("change", update);
    return () => headerEditor.off("change", update);
  }, [headerEditor]);
  return text;
}

/**
 * The footer under the result: whether a bearer token is set in Headers and where one comes from.
 * The page never holds a token of its own (the bundle is public); anonymous readers see
 * published data without one.
 */
export function TokenHelp() {
  const editor = useEditorContext({ nonNull: true });
  const state = headersToken(useHeadersText());
  return (
    <div className="copydesk-token-help" data-token-state={state}>
      <p>
        <span className="copydesk-token-status">{STATUS[state]}</span> <code>npm start</code> prints a development editor token (outside
        production) and keeps it in <code>DATA_DIR/development-token</code>; make others with{" "}
        <code>npm run token -- create --role reporter --name me</code>.
      </p>
      {state === "token" ? null : (
        <button type="button" className="copydesk-token-template" onClick={() => editor.headerEditor?.setValue(AUTHORIZATION_TEMPLATE)}>
          Add an Authorization header
        </button>
      )}
    </div>
  );
}
