import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Budgets that hold on a loaded 2-core CI machine (several times a test's idle duration):
    // a correct change must not fail because other work shares the cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
