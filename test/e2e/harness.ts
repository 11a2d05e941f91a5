/**
 * Starts the real workbench server (node --import tsx workbench/server.ts) on a free port with a
 * temporary state file, and Debian's Chromium through playwright-core.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { type Browser, chromium } from "playwright-core";

export const ROOT = join(import.meta.dirname, "../..");
export const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The end-to-end tests need Chromium at ${CHROMIUM}: run \`bash scripts/ensure-chromium.sh\` (never \`npx playwright install\`).`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export interface ServerExit {
  code: number | null;
  output: string;
}

function spawnServer(
  port: number,
  statePath: string,
  args: string[] = [],
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", "workbench/server.ts", ...args], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), WORKBENCH_STATE: statePath },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { child, output: () => text };
}

/** Starts the server and waits for its URL line. */
export async function startServer(
  port: number,
  statePath: string,
  args: string[] = [],
): Promise<RunningServer> {
  const { child, output } = spawnServer(port, statePath, args);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The workbench did not start:\n${output()}`)), 30_000);
    const check = () => {
      const match = /Campaign Desk workbench: (http:\/\/\S+)/.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`The workbench exited with ${code}:\n${output()}`));
    });
  });
  return {
    url,
    process: child,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Runs the server expecting it to exit (a bad state file, a busy port). */
export function runServerToExit(port: number, statePath: string, args: string[] = []): Promise<ServerExit> {
  const { child, output } = spawnServer(port, statePath, args);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      reject(new Error(`The workbench did not exit:\n${output()}`));
    }, 30_000);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output: output() });
    });
  });
}
