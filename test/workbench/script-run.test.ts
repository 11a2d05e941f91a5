import { describe, expect, it, vi } from "vitest";
import {
  copyArgument,
  createScriptRun,
  type RunResult,
  type Transport,
} from "../../workbench/page/script-run";
import { clientValue, isCallableName } from "../../workbench/script-run";

function fakeTransport(answer: (name: string, args: unknown[]) => RunResult) {
  const calls: { name: string; args: unknown[] }[] = [];
  const transport: Transport = async (name, args) => {
    calls.push({ name, args });
    return answer(name, args);
  };
  return { calls, transport };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("google.script.run shim", () => {
  it("has one method per server function and returns nothing from a call", () => {
    const { transport } = fakeTransport(() => ({ ok: true, value: 1 }));
    const run = createScriptRun(["sidebarLoad", "sidebarSaveBrief"], transport);
    expect(typeof run.sidebarLoad).toBe("function");
    expect(run.nothingLikeThis).toBeUndefined();
    expect((run.sidebarLoad as () => unknown)()).toBeUndefined();
  });

  it("chains handlers into a new runner, leaving the old one as it was", async () => {
    const { transport } = fakeTransport(() => ({ ok: true, value: { briefs: 2 } }));
    const run = createScriptRun(["sidebarLoad"], transport);
    const first = vi.fn();
    const second = vi.fn();
    const withFirst = run.withSuccessHandler(first);
    const withSecond = withFirst.withSuccessHandler(second).withUserObject("row 7");
    expect(withSecond).not.toBe(withFirst);
    (withSecond.sidebarLoad as () => void)();
    (withFirst.sidebarLoad as () => void)();
    await settle();
    expect(second).toHaveBeenCalledWith({ briefs: 2 }, "row 7");
    expect(first).toHaveBeenCalledWith({ briefs: 2 });
    expect(first).toHaveBeenCalledTimes(1);
  });

  it("calls the failure handler with an Error carrying the server's message", async () => {
    const { transport } = fakeTransport(() => ({ ok: false, error: "Campaign ID is required" }));
    const run = createScriptRun(["sidebarSaveBrief"], transport);
    const success = vi.fn();
    const failure = vi.fn();
    (
      run.withSuccessHandler(success).withFailureHandler(failure).withUserObject(3)
        .sidebarSaveBrief as () => void
    )();
    await settle();
    expect(success).not.toHaveBeenCalled();
    const [error, user] = failure.mock.calls[0] ?? [];
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("Campaign ID is required");
    expect(user).toBe(3);
  });

  it("sends an unhandled failure to the console as Google does", async () => {
    const unhandled = vi.fn();
    const run = createScriptRun(["f"], async () => ({ ok: false, error: "boom" }), { unhandled });
    (run.f as () => void)();
    await settle();
    expect(unhandled.mock.calls[0]?.[0]).toEqual(new Error("boom"));
  });

  it("refuses a Date, a function or a class instance at the call, sending nothing", () => {
    const { calls, transport } = fakeTransport(() => ({ ok: true }));
    const run = createScriptRun(["save"], transport);
    const save = run.save as (...args: unknown[]) => void;
    expect(() => save({ start: new Date() })).toThrow("Failed due to illegal value in property: 0.start");
    expect(() => save("a", [() => 1])).toThrow("illegal value in property: 1.0");
    expect(() => save(new Map())).toThrow("illegal value");
    expect(calls).toEqual([]);
  });

  it("sends copies of plain values, as JSON would", async () => {
    const { calls, transport } = fakeTransport(() => ({ ok: true }));
    const run = createScriptRun(["save"], transport);
    const brief = { id: "C-9", skus: ["A", "B"], rate: 0.1, skip: undefined, nan: Number.NaN };
    (run.save as (...args: unknown[]) => void)(brief, null, true);
    brief.skus.push("C");
    await settle();
    expect(calls[0]?.args).toEqual([{ id: "C-9", skus: ["A", "B"], rate: 0.1, nan: null }, null, true]);
  });

  it("copyArgument keeps nested plain objects", () => {
    expect(copyArgument({ a: [{ b: 1 }] }, "0")).toEqual({ a: [{ b: 1 }] });
  });
});

describe("the server half", () => {
  it("answers null when a Date is anywhere in the return value, as Google does", () => {
    expect(clientValue({ brief: { start: new Date() } })).toBeNull();
    expect(clientValue([1, "a", { b: true }])).toEqual([1, "a", { b: true }]);
    expect(clientValue(undefined)).toBeUndefined();
  });

  it("hides private functions (a trailing underscore) and odd names", () => {
    expect(isCallableName("sidebarLoad")).toBe(true);
    expect(isCallableName("helper_")).toBe(false);
    expect(isCallableName("constructor.x")).toBe(false);
    expect(isCallableName(42)).toBe(false);
  });
});
