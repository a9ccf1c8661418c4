// A flooding client, run in its own process (its own file descriptors and event loop) by
// tests/faults/slow-clients.test.ts: `slow` opens sockets that send half a request's headers and
// then one byte every 20 s (slowloris); `websocket` opens graphql-ws connections that each start
// many replaying subscriptions. Source addresses rotate over 127.0.0.x so the per-instance bounds
// are reached, not only the per-address ones. It prints one JSON line when every socket is
// opened (or refused), then holds them until killed.
import net from "node:net";
import WebSocket from "ws";

const [mode = "slow", portText = "0", countText = "0", addressesText = "1", subscriptionsText = "0", articleId = ""] = process.argv.slice(2);
const port = Number(portText);
const count = Number(countText);
const addresses = Number(addressesText);
const subscriptions = Number(subscriptionsText);
const sourceOf = (index: number) => `127.0.0.${2 + (index % addresses)}`;

let opened = 0;
let refused = 0;
let settled = 0;
const report = () => {
  settled += 1;
  if (settled === count) process.stdout.write(`${JSON.stringify({ opened, refused })}\n`);
};
/** Counts one socket once, as opened or refused, whichever of its events comes first. */
const settleOnce = () => {
  let done = false;
  return (ok: boolean) => {
    if (done) return;
    done = true;
    if (ok) opened += 1;
    else refused += 1;
    report();
  };
};

const sockets: unknown[] = [];
if (mode === "slow") {
  for (let index = 0; index < count; index += 1) {
    const socket = net.connect({ host: "127.0.0.1", port, localAddress: sourceOf(index) });
    sockets.push(socket);
    const settle = settleOnce();
    socket.on("connect", () => {
      socket.write("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{");
      const trickle = setInterval(() => socket.write(" "), 20_000);
      socket.on("close", () => clearInterval(trickle));
      settle(true);
    });
    socket.on("error", () => settle(false));
    socket.on("close", () => settle(false));
  }
} else {
  const query = `subscription($id: ID!, $after: String) { articleChanged(id: $id, lastEventId: $after) { sequence } }`;
  for (let index = 0; index < count; index += 1) {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, "graphql-transport-ws", { localAddress: sourceOf(index) });
    sockets.push(socket);
    const settle = settleOnce();
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init", payload: {} })));
    socket.on("message", (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { type: string };
      if (message.type !== "connection_ack") return;
      for (let id = 0; id < subscriptions; id += 1) {
        socket.send(JSON.stringify({ id: String(id), type: "subscribe", payload: { query, variables: { id: articleId, after: "1" } } }));
      }
      settle(true);
    });
    socket.on("unexpected-response", () => settle(false));
    socket.on("error", () => settle(false));
    socket.on("close", () => settle(false));
  }
}
process.on("SIGTERM", () => process.exit(0));
