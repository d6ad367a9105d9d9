import { defineConfig } from 'vitest/config';

// One root config; each workspace package is a project with its own tests.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'ecs-client',
          root: 'packages/ecs-client',
          include: ['test/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
