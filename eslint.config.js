import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The SPA's module boundaries (bulletproof-react): a feature is used only through its public index,
// shared code (src/components, src/lib) never depends on a feature or on the app, and the ECS client
// (Node code) reaches the bundle only as types. apps/web/test/lint-boundaries.test.ts proves they fire.
const ecsClientTypesOnly = {
  name: '@ecs-console/ecs-client',
  allowTypeImports: true,
  message: 'The SPA may only `import type` from the ECS client: its code is for Node and must not reach the bundle.',
};
const featureInternals = {
  group: ['@/features/*/**'],
  message:
    'Import a feature only through its public index (`@/features/<name>`); inside a feature, use relative paths.',
};
const relativeOutOfFeature = {
  regex: '^(\\.\\./){2,}',
  message:
    'Leave a feature only through `@/` paths: another feature through its index, shared code through @/components or @/lib.',
};
const sharedToFeature = {
  group: ['@/features', '@/features/**', '@/app', '@/app/**'],
  message: 'src/components and src/lib are shared by every feature: they must not import a feature or the app.',
};
const relativeSharedToFeature = {
  regex: '^(\\.\\./)+(features|app)(/|$)',
  message: 'src/components and src/lib are shared by every feature: they must not import a feature or the app.',
};
const restrictImports = (...patterns) => ({
  '@typescript-eslint/no-restricted-imports': ['error', { paths: [ecsClientTypesOnly], patterns }],
});

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'data/**',
      '**/test-results/**',
      '**/playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', '*.config.ts', 'scripts/*.ts', 'scripts/*.mjs', 'scripts/*.d.mts'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  { files: ['apps/web/**/*.{ts,tsx}'], rules: restrictImports() },
  { files: ['apps/web/src/**/*.{ts,tsx}'], rules: restrictImports(featureInternals) },
  { files: ['apps/web/src/features/**/*.{ts,tsx}'], rules: restrictImports(featureInternals, relativeOutOfFeature) },
  {
    files: ['apps/web/src/{components,lib}/**/*.{ts,tsx}'],
    rules: restrictImports(featureInternals, sharedToFeature, relativeSharedToFeature),
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
);
