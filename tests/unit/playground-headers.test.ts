import { describe, expect, it } from "vitest";
import { headersToken } from "../../src/playground/headers.js";

// The playground's footer says whether a token is set from what the Headers editor holds.
describe("the playground's reading of its Headers editor", () => {
  it("sees no token in blank headers or headers without Authorization", () => {
    expect(headersToken("")).toBe("none");
    expect(headersToken("  \n")).toBe("none");
    expect(headersToken('{ "X-Request-Id": "abc" }')).toBe("none");
    expect(headersToken('{ "Authorization": "" }')).toBe("none");
  });

  it("tells the placeholder from a token, whatever the header name's case", () => {
    expect(headersToken('{\n  "Authorization": "Bearer cdk_paste-your-token-here"\n}')).toBe("placeholder");
    expect(headersToken('{ "Authorization": "Bearer cdk_abc123" }')).toBe("token");
    expect(headersToken('{ "authorization": "Bearer cdk_abc123" }')).toBe("token");
  });

  it("calls text GraphiQL would not send unreadable", () => {
    expect(headersToken('{ "Authorization": "Bearer cdk_abc123"')).toBe("unreadable");
    expect(headersToken('["Authorization"]')).toBe("unreadable");
    expect(headersToken("null")).toBe("unreadable");
  });
});
