/**
 * `npm start`: serves the local workbench, the real build/Code.js running on the emulator over
 * a demo workbook, at http://127.0.0.1:PORT (default 8080).
 *
 *   PORT=9000                  another port
 *   WORKBENCH_STATE=path.json  another state file (default .workbench-state.json in the repo)
 *   WORKBENCH_TIME_ZONE=Zone   the demo spreadsheet's zone (default America/Los_Angeles)
 *   --reset                    start again from the demo workbook
 */
import { createServer } from "node:http";
import { join, resolve } from "node:path";
import { buildPageAssets } from "./assets";
import { CorruptStateError } from "./persistence";
import { createHandler } from "./routes";
import { Session } from "./session";

const ROOT = join(import.meta.dirname, "..");

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const args = process.argv.slice(2);
const unknown = args.filter((arg) => arg !== "--reset");
if (unknown.length > 0) fail(`Unknown option ${unknown.join(" ")}. The only option is --reset.`);

const portText = process.env.PORT ?? "8080";
const port = Number(portText);
if (!Number.isInteger(port) || port < 0 || port > 65_535)
  fail(`PORT must be a port number, not ${portText}.`);
const statePath = resolve(process.env.WORKBENCH_STATE ?? join(ROOT, ".workbench-state.json"));

const started = Date.now();
let session: Session;
try {
  session = new Session({
    statePath,
    reset: args.includes("--reset"),
    buildDir: join(ROOT, "build"),
    ...(process.env.WORKBENCH_TIME_ZONE ? { timeZone: process.env.WORKBENCH_TIME_ZONE } : {}),
  });
} catch (error) {
  if (error instanceof CorruptStateError) fail(error.message, 2);
  throw error;
}
const assets = await buildPageAssets();
const handler = createHandler(session, assets);
const server = createServer((req, res) => {
  void handler(req, res);
});

server.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EADDRINUSE") {
    fail(`Port ${port} is in use; start with PORT=${port === 9000 ? 9001 : 9000} npm start`);
  }
  fail(`The workbench could not listen on 127.0.0.1:${port}: ${error.message}`);
});

server.listen(port, "127.0.0.1", () => {
  const address = server.address();
  const actual = typeof address === "object" && address ? address.port : port;
  console.log(
    `State: ${statePath} (${session.fromDemo ? "new, from the demo workbook" : "restored"}; \`npm start -- --reset\` starts over)`,
  );
  console.log(`Campaign Desk workbench: http://127.0.0.1:${actual}/`);
  console.log(`Ready in ${Date.now() - started} ms. Ctrl+C stops it.`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    process.exit(0);
  });
}
