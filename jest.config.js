// Two projects: pure and adapter code under node, React components under jsdom.
const tsJest = ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }];

module.exports = {
  // Worker processes, recycled when they grow: the 100× plans' tests would otherwise pile up in one heap.
  maxWorkers: 2,
  workerIdleMemoryLimit: "1500MB",
  projects: [
    {
      displayName: "node",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/**/*.test.ts"],
      transform: { "^.+\\.tsx?$": tsJest },
      setupFiles: ["<rootDir>/test/setup/customFunctions.ts"],
    },
    {
      displayName: "jsdom",
      testEnvironment: "jsdom",
      testMatch: ["<rootDir>/test/**/*.test.tsx"],
      transform: { "^.+\\.tsx?$": tsJest },
      setupFilesAfterEnv: ["<rootDir>/test/setup/jsdom.ts"],
      moduleNameMapper: { "\\.(css)$": "<rootDir>/test/setup/styleMock.js" },
    },
  ],
};
