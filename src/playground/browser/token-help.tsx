import { useEditorContext } from "@graphiql/react";

/** What the "Add a token" button writes into the header editor: the header, with a placeholder. */
export const AUTHORIZATION_TEMPLATE = '{\n  "Authorization": "Bearer cdk_paste-your-token-here"\n}';

/**
 * The footer under the result: where a bearer token comes from. The page never holds a token
 * (the bundle is public); anonymous readers see published data without one.
 */
export function TokenHelp() {
  const editor = useEditorContext({ nonNull: true });
  return (
    <div className="copydesk-token-help">
      <p>
        No token: you read published articles. For drafts, annotations and mutations put a bearer token in{" "}
        <strong>Headers</strong>. <code>npm start</code> prints a development editor token (outside production) and keeps it in{" "}
        <code>DATA_DIR/development-token</code>; make others with <code>npm run token -- create --role reporter --name me</code>.
      </p>
      <button type="button" className="copydesk-token-template" onClick={() => editor.headerEditor?.setValue(AUTHORIZATION_TEMPLATE)}>
        Add an Authorization header
      </button>
    </div>
  );
}
