/**
 * Baseline L0: node:http answering each path with bytes serialized before the server started
 * (copydesk's own response to that workload): the HTTP ceiling of this machine, with no database
 * and no JSON work per request.
 *
 *   L0_BODIES=bodies.json node --import tsx bench/baselines/l0.ts
 *
 * `L0_BODIES` is a JSON object from path ("/q1") to the response text. Prints one JSON line
 * `{"listening":"http://127.0.0.1:PORT"}` on stdout once it accepts requests.
 */
import fs from "node:fs";
import http from "node:http";

const file = process.env["L0_BODIES"];
if (!file) throw new Error("L0_BODIES must name the JSON file of response bodies");
const bodies = new Map(Object.entries(JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string>).map(([route, text]) => [route, Buffer.from(text, "utf8")]));
const notFound = Buffer.from('{"error":"no such route"}');

const server = http.createServer((request, response) => {
  // The request body (if any) is read and dropped, as a real server must.
  request.resume();
  const body = bodies.get((request.url ?? "/").split("?", 1)[0] ?? "/");
  response.writeHead(body ? 200 : 404, { "content-type": "application/json; charset=utf-8", "content-length": (body ?? notFound).length });
  response.end(body ?? notFound);
});
server.keepAliveTimeout = 72_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (address && typeof address === "object") process.stdout.write(`${JSON.stringify({ listening: `http://127.0.0.1:${address.port}` })}\n`);
});
process.once("SIGTERM", () => server.close(() => process.exit(0)));
