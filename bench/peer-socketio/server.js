// The socket.io peer of bench/run.sh (scenarios 2, 3 and 4): a socket.io 4 server with the Redis adapter that fans
// out what is published on a Redis channel to every connected socket, as Zendo's edge fans out a website's topic.
// Every socket joins one room and is told "subscribed"; each message of the channel BENCH_CHANNEL is emitted to the
// room as the event "event" with the message (a Zendo-shaped frame, as text) as its one argument. Through the adapter,
// a room emit reaches the sockets of every server that shares the Redis.
// GET /stats runs a full GC (node --expose-gc) and answers process.memoryUsage(), for the memory per socket.
//   PORT=… REDIS_URL=redis://127.0.0.1:6379 node --expose-gc server.js
import { createServer } from "node:http";
import { Server } from "socket.io";
import { createAdapter } from "@socket.io/redis-adapter";
import { createClient } from "redis";

const port = Number(process.env.PORT);
const redisUrl = process.env.REDIS_URL;
const channel = process.env.BENCH_CHANNEL ?? "bench:events";
if (!Number.isInteger(port) || port <= 0 || !redisUrl) {
  console.error("PORT and REDIS_URL are required");
  process.exit(2);
}
if (typeof global.gc !== "function") {
  console.error("run with node --expose-gc");
  process.exit(2);
}

const http = createServer((request, response) => {
  if (request.method === "GET" && request.url === "/stats") {
    global.gc();
    response.writeHead(200, { "Content-Type": "application/json" });
    response.end(JSON.stringify({ ...process.memoryUsage(), sockets: io.engine.clientsCount }));
  } else if (!request.url.startsWith("/socket.io/")) {
    response.writeHead(404).end();
  }
});
const io = new Server(http, { transports: ["websocket"], serveClient: false });

const pub = createClient({ url: redisUrl });
const sub = pub.duplicate();
const feed = pub.duplicate();
await Promise.all([pub.connect(), sub.connect(), feed.connect()]);
io.adapter(createAdapter(pub, sub));

io.on("connection", (socket) => {
  socket.join("site");
  socket.emit("subscribed");
});
await feed.subscribe(channel, (message) => {
  io.to("site").emit("event", message);
});

http.listen(port, "127.0.0.1", () => console.log(`socket.io peer on 127.0.0.1:${port}, fanning out ${channel}`));
