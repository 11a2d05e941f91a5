import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freePort, runServerToExit, startServer } from "../e2e/harness";

const dir = mkdtempSync(join(tmpdir(), "workbench-cli-"));

describe("npm start", () => {
  it("refuses a corrupt state file with a clear message, leaving the file alone", async () => {
    const statePath = join(dir, "broken.json");
    writeFileSync(statePath, "{ not json");
    const exit = await runServerToExit(await freePort(), statePath);
    expect(exit.code).not.toBe(0);
    expect(exit.output).toContain(statePath);
    expect(exit.output).toContain("--reset");
    expect(readFileSync(statePath, "utf8")).toBe("{ not json");
  });

  it("says which port is taken and how to pick another", async () => {
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const exit = await runServerToExit(port, join(dir, "busy.json"));
      expect(exit.code).toBe(1);
      expect(exit.output).toContain(`Port ${port} is in use; start with PORT=9000 npm start`);
    } finally {
      blocker.close();
    }
  });

  it("prints the URL and the state file, serves the page and refuses foreign hosts", async () => {
    const statePath = join(dir, "fresh.json");
    const server = await startServer(await freePort(), statePath);
    try {
      expect(server.output()).toContain(statePath);
      const page = await fetch(server.url);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
      const workbook = (await (await fetch(`${server.url}api/workbook`)).json()) as { tabs: unknown[] };
      expect(workbook.tabs.length).toBeGreaterThan(5);
      const plainPost = await fetch(`${server.url}api/clock`, { method: "POST", body: '{"days":1}' });
      expect(plainPost.status).toBe(415);
      // fetch will not send another Host header; node:http will, as a rebinding page's browser would.
      const rebound = await new Promise<number>((resolve, reject) => {
        const url = new URL(server.url);
        request(
          { host: "127.0.0.1", port: url.port, path: "/api/workbook", headers: { Host: "evil.example" } },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        )
          .on("error", reject)
          .end();
      });
      expect(rebound).toBe(403);
    } finally {
      await server.stop();
    }
  });
});
