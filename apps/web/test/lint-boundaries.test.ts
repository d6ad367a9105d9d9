import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The module boundaries of eslint.config.js, run through ESLint's API on snippets placed (virtually)
 * at real paths of the SPA: each rule must fire on what it forbids and stay quiet on what is allowed.
 */
const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const RULE = '@typescript-eslint/no-restricted-imports';

let eslint: ESLint;

beforeAll(() => {
  // The snippets are not files a tsconfig includes, so they are linted without type information
  // (the boundary rules need none).
  eslint = new ESLint({ cwd: repoRoot, overrideConfig: [tseslint.configs.disableTypeChecked] });
});

/** The boundary messages ESLint reports for `code` as if it were the file at `path` (repo-relative). */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: `${repoRoot}${path}` });
  return (result?.messages ?? []).filter((message) => message.ruleId === RULE).map((message) => message.message);
}

// The first lint loads ESLint's config and plugins: seconds on a busy two-core machine. Not a performance check.
describe('feature boundaries', { timeout: 30_000 }, () => {
  it('refuses a deep import into another feature and allows its public index', async () => {
    const deep = await boundaryErrors(
      'apps/web/src/features/instances/components/Probe.ts',
      "export { useUsers } from '@/features/users/api/users';",
    );
    expect(deep).toEqual([expect.stringContaining('public index')]);

    const viaIndex = await boundaryErrors(
      'apps/web/src/features/instances/components/Probe.ts',
      "export { UsersPage } from '@/features/users';",
    );
    expect(viaIndex).toEqual([]);
  });

  it('refuses a relative path out of the feature and allows one inside it', async () => {
    const out = await boundaryErrors(
      'apps/web/src/features/instances/components/Probe.ts',
      "export { useUsers } from '../../users/api/users';",
    );
    expect(out).toHaveLength(1);

    const inside = await boundaryErrors(
      'apps/web/src/features/instances/components/Probe.ts',
      "export { useFleet } from '../api/fleet';",
    );
    expect(inside).toEqual([]);
  });

  it('refuses features and the app in shared code (src/components, src/lib)', async () => {
    for (const path of ['apps/web/src/components/Probe.ts', 'apps/web/src/lib/Probe.ts']) {
      expect(await boundaryErrors(path, "export { UsersPage } from '@/features/users';")).toEqual([
        expect.stringContaining('shared by every feature'),
      ]);
      expect(await boundaryErrors(path, "export { App } from '@/app/App';")).toHaveLength(1);
      expect(await boundaryErrors(path, "export { UsersPage } from '../features/users';")).toHaveLength(1);
      expect(await boundaryErrors(path, "export { formatCount } from '@/lib/format';")).toEqual([]);
    }
  });
});

describe('the ECS client in the SPA', () => {
  const path = 'apps/web/src/features/instances/logic/Probe.ts';

  it('refuses a value import', async () => {
    const errors = await boundaryErrors(path, "import { EcsClient } from '@ecs-console/ecs-client';\nvoid EcsClient;");
    expect(errors).toEqual([expect.stringContaining('import type')]);
  });

  it('allows type-only imports', async () => {
    const code = ["import type { Instance } from '@ecs-console/ecs-client';", 'export type Probe = Instance;'].join(
      '\n',
    );
    expect(await boundaryErrors(path, code)).toEqual([]);
  });
});
