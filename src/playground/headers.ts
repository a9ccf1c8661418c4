/** The placeholder the playground's "Add an Authorization header" button writes for the token. */
export const TOKEN_PLACEHOLDER = "cdk_paste-your-token-here";

/**
 * What the playground's Headers editor holds for authentication, as the footer describes it:
 * nothing, the placeholder still waiting for a token, a bearer token, or text GraphiQL cannot send
 * (it refuses to run a query whose headers are not a JSON object).
 */
export type HeadersToken = "none" | "placeholder" | "token" | "unreadable";

/** Reads the Headers editor's text the way GraphiQL sends it (a JSON object; blank means none). */
export function headersToken(text: string): HeadersToken {
  if (text.trim() === "") return "none";
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return "unreadable";
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return "unreadable";
  const authorization = Object.entries(parsed).find(([name]) => name.toLowerCase() === "authorization")?.[1];
  if (typeof authorization !== "string" || authorization.trim() === "") return "none";
  return authorization.includes(TOKEN_PLACEHOLDER) ? "placeholder" : "token";
}
