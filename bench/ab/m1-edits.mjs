// M1 for bench/ab.sh: updateArticle edits from 10 connections, each editing its own article at the
// version its previous edit left (an edit at a stale version would be refused, so a fixed body as
// autocannon sends cannot measure it). Prints autocannon's JSON fields that ab.sh reads
// (requests.total, non2xx, errors) with --json, a line for people otherwise.
//
//   node bench/ab/m1-edits.mjs URL TOKEN SECONDS [--json]      (TOKEN: an editor's)
const [url, token, secondsText, json] = process.argv.slice(2);
const seconds = Number(secondsText);
if (!url || !token || !(seconds > 0)) throw new Error("usage: node bench/ab/m1-edits.mjs URL EDITOR_TOKEN SECONDS [--json]");
const headers = { "content-type": "application/json", authorization: `Bearer ${token}` };
const EDIT = "mutation Edit($input: UpdateArticleInput!) { updateArticle(input: $input) { article { id version byline } errors { code } } }";
const post = async (body) => {
  const response = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
};
const listed = await post({ query: "{ articles(first: 10) { edges { node { id version } } } }" });
const leases = listed.body.data.articles.edges.map(({ node }) => ({ id: node.id, version: node.version, edits: 0 }));
let total = 0;
let non2xx = 0;
let errors = 0;
const until = Date.now() + seconds * 1000;
await Promise.all(
  leases.map(async (lease) => {
    while (Date.now() < until) {
      const input = { id: lease.id, expectedVersion: lease.version, byline: lease.edits++ % 2 === 0 ? "B" : "A" };
      const { status, body } = await post({ query: EDIT, variables: { input } });
      total += 1;
      if (status < 200 || status > 299) non2xx += 1;
      const edit = body.data?.updateArticle;
      if (!edit?.article || edit.errors.length > 0) {
        errors += 1;
        return;
      }
      lease.version = edit.article.version;
    }
  }),
);
if (json === "--json") console.log(JSON.stringify({ requests: { total }, non2xx, errors }));
else console.log(`${total} edits in ${seconds} s, ${non2xx} non-2xx, ${errors} refused`);
