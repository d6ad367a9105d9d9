import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// One root config; each workspace package is a project with its own tests. Workspace packages
// resolve to their TypeScript sources, so tests never run against a stale build.
export default defineConfig({
  resolve: {
    alias: {
      '@ecs-console/contract': source('./packages/contract/src/index.ts'),
      '@ecs-console/ecs-client': source('./packages/ecs-client/src/index.ts'),
      '@ecs-console/ecs-emulator': source('./packages/ecs-emulator/src/index.ts'),
    },
  },
  test: {
    reporters: ['default', './scripts/vitest-summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'ecs-client',
          root: 'packages/ecs-client',
          include: ['test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'bff',
          root: 'apps/bff',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          // One private PostgreSQL server for the run (or CONSOLE_TEST_DATABASE_URL): support/databases.ts.
          globalSetup: ['test/support/global-postgres.ts'],
          // Opening a PGlite database (WebAssembly PostgreSQL) takes seconds of CPU, more on a busy machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'ecs-emulator',
          root: 'packages/ecs-emulator',
          include: ['test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        resolve: {
          alias: { '@': source('./apps/web/src') },
        },
        test: {
          name: 'web',
          root: 'apps/web',
          include: ['test/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Components rendered as a user sees them (Testing Library in happy-dom), fetch stubbed at the network.
        extends: true,
        resolve: {
          alias: { '@': source('./apps/web/src') },
        },
        test: {
          name: 'web-dom',
          root: 'apps/web',
          include: ['test/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['test/dom/setup.ts'],
          // Typing key by key into Cloudscape fields is slow on a shared machine; not a performance check.
          testTimeout: 30_000,
        },
      },
    ],
  },
});
