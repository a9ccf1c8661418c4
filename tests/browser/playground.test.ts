import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { issueToken } from "../../src/domain/auth/tokens.js";
import { projectExamples } from "../../src/playground/examples.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startTestServer, type TestServer } from "../support/server.js";

// The playground in a real browser: Debian's Chromium (never a downloaded one) driven by
// playwright-core opens /graphql on a real server, picks the README's seed-story example, runs it
// and reads the result panel, with every request to anything but this server refused and counted.
// The screenshot of the result is kept as a CI artifact.

const CHROMIUM = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
const ARTIFACTS = path.resolve(import.meta.dirname, "../../test-artifacts");
const haveChromium = fs.existsSync(CHROMIUM);
// CI must run this test: there a missing browser fails it (.ci/run installs chromium first).
const required = Boolean(process.env["CI"]);
if (!haveChromium && !required) {
  console.warn(`tests/browser/playground.test.ts skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
}

/** Flags that keep Chromium from reaching anything on its own: no updates, sync or field trials. */
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A CodeMirror 5 editor element of GraphiQL: CodeMirror hangs its instance on the element. */
interface CodeMirrorElement {
  readonly CodeMirror: { operationName?: string | null; getValue(): string; setValue(value: string): void };
}

const seedExample = projectExamples().find((example) => example.name === "OneStory");

describe.skipIf(!haveChromium && !required)("the playground in Chromium", () => {
  let db: TestDatabase;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let reporterToken: string;
  /** Requests the page tried to send anywhere but the test server (all refused). */
  const offsite: string[] = [];
  /** Console errors and uncaught exceptions of the page, CSP violations included. */
  const pageErrors: string[] = [];
  /** Pages the current test opened (each test must open one for the checks after it to mean anything). */
  let pagesOpened = 0;

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`Chromium is required in CI but missing at ${CHROMIUM}: .ci/run installs Debian's chromium package`);
    db = await createTestDatabase();
    await seedExampleStory(db.prisma);
    reporterToken = (await issueToken(db.prisma, { userName: "playground-reporter", role: "REPORTER", tokenName: "browser test" })).token;
    // No event-loop overload check (TEST_SERVER_BOUNDS; tests/faults covers it): Chromium shares
    // the 2 CI cores, and a lagging loop would answer the page's requests with 503.
    server = await startTestServer(db);
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
    // launch() gives every run a fresh temporary profile: no tabs left over from an earlier run.
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const origin = new URL(server.baseUrl).origin;
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith("data:") || new URL(url).origin === origin) return route.continue();
      offsite.push(url);
      return route.abort("blockedbyclient");
    });
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  async function openPlayground(pathname: string): Promise<Page> {
    const page = await context.newPage();
    pagesOpened += 1;
    page.on("console", (message) => {
      if (message.type() === "error") pageErrors.push(message.text());
    });
    page.on("pageerror", (error) => pageErrors.push(error.message));
    const response = await page.goto(`${server.baseUrl}${pathname}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()["content-security-policy"]).toContain("default-src 'none'");
    await page.locator(".graphiql-container").waitFor();
    return page;
  }

  /** The text CodeMirror has rendered in the result panel. */
  function resultPanel(page: Page) {
    return page.locator(".graphiql-response .CodeMirror-code");
  }

  /**
   * Picks an example from the toolbar's Examples menu and waits until it is ready to run: its tab
   * is active and GraphiQL has taken its operation name from the editor (which it does 100 ms
   * after the text changes; a run before that would send the previous tab's operation name).
   */
  async function pickExample(page: Page, name: string): Promise<void> {
    await page.getByRole("button", { name: "Examples from the README" }).click();
    await page.locator(`[role="menuitem"][data-example="${name}"]`).click();
    await expect.poll(() => page.locator(".graphiql-tab-active").innerText()).toBe(name);
    await expect
      .poll(() => page.locator(".graphiql-query-editor .CodeMirror").evaluate((element) => (element as unknown as CodeMirrorElement).CodeMirror.operationName))
      .toBe(name);
  }

  it("opens at /graphql, runs the seed-story example and shows the article in the result panel", async () => {
    expect(seedExample, "README has the OneStory example").toBeDefined();
    const page = await openPlayground("/graphql");

    // Every README example is a tab and an item of the toolbar's Examples menu.
    const examples = projectExamples().map((example) => example.name);
    await expect.poll(() => page.locator(".graphiql-tab").allInnerTexts()).toEqual(examples);
    await page.getByRole("button", { name: "Examples from the README" }).click();
    await expect.poll(() => page.locator('[role="menuitem"][data-example]').evaluateAll((items) => items.map((item) => item.getAttribute("data-example")))).toEqual(examples);
    await page.keyboard.press("Escape");

    await pickExample(page, "Search");
    await pickExample(page, "OneStory");
    await expect.poll(() => page.locator(".graphiql-query-editor .CodeMirror-code").innerText()).toContain('article(slug: "basra-consulate-2018")');

    await page.locator(".graphiql-execute-button").click();
    const result = resultPanel(page);
    await expect.poll(() => result.innerText(), { timeout: 15_000 }).toContain("The U.S. State Department made a shocking announcement Friday");
    const text = await result.innerText();
    // As many quotes as the seed stored (the example story's answer key has 11; ingest may find more).
    const quotes = await db.prisma.quote.count({ where: { article: { slug: "basra-consulate-2018" }, deletedAt: null } });
    expect(quotes).toBeGreaterThanOrEqual(11);
    expect(text).toContain(`"totalCount": ${quotes}`);
    expect(text).not.toContain('"errors"');

    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, "playground.png") });
    expect(fs.statSync(path.join(ARTIFACTS, "playground.png")).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it("sends the bearer token of the header editor, at /playground too", async () => {
    const page = await openPlayground("/playground");
    await pickExample(page, "ReviewQueue");

    // Anonymous first: the review queue is for reporters.
    const footer = page.locator(".copydesk-token-help");
    await expect.poll(() => footer.getAttribute("data-token-state")).toBe("none");
    expect(await footer.innerText()).toContain("No token: you read published articles.");
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(() => resultPanel(page).innerText(), { timeout: 15_000 }).toContain('"FORBIDDEN"');

    // The pane's button writes the header template; the token replaces its placeholder, as a user would.
    await page.locator(".copydesk-token-template").click();
    const headers = page.locator(".graphiql-editor-tool .CodeMirror").last();
    await expect.poll(() => headers.innerText()).toContain("cdk_paste-your-token-here");
    await expect.poll(() => footer.getAttribute("data-token-state")).toBe("placeholder");
    await headers.evaluate((element, token) => {
      const editor = (element as unknown as CodeMirrorElement).CodeMirror;
      editor.setValue(editor.getValue().replace("cdk_paste-your-token-here", token));
    }, reporterToken);
    // The footer follows the header editor: it no longer says "No token".
    await expect.poll(() => footer.getAttribute("data-token-state")).toBe("token");
    expect(await footer.innerText()).toContain("Token set in Headers");
    expect(await footer.innerText()).not.toContain("No token");
    await page.locator(".graphiql-execute-button").click();
    await expect.poll(() => resultPanel(page).innerText(), { timeout: 15_000 }).toContain('"annotationQueueCounts"');
    expect(await resultPanel(page).innerText()).not.toContain("FORBIDDEN");

    // GraphiQL's modal dialogs inject a <style> element: with the page's nonce, the CSP allows it.
    await page.getByRole("button", { name: "Open settings dialog" }).click();
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.close();
  });

  // Checked after every test, so that a test run alone checks it too: the page asked nothing of
  // any other host and broke no Content-Security-Policy rule.
  afterEach(({ task }) => {
    expect(pagesOpened, `${task.name}: opened no page`).toBeGreaterThan(0);
    expect(offsite).toEqual([]);
    expect(pageErrors.filter((message) => /Content Security Policy|Refused to/i.test(message))).toEqual([]);
    expect(pageErrors).toEqual([]);
    pagesOpened = 0;
  });
});
