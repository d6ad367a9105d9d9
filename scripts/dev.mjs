#!/usr/bin/env node
// `pnpm dev`: the BFF (rebuilt first) on :8080 and Vite with hot reload on :5173, which forwards
// /api to the BFF. Stopping either stops both.
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
execFileSync(process.execPath, [fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url)), '-b'], {
  cwd: root,
  stdio: 'inherit',
});

const children = [
  spawn(process.execPath, ['apps/bff/dist/main.js'], {
    cwd: root,
    stdio: 'inherit',
    env: { PORT: '8080', ...process.env },
  }),
  spawn('pnpm', ['--filter', '@ecs-console/web', 'exec', 'vite'], { cwd: root, stdio: 'inherit' }),
];
const stopAll = (code) => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code ?? 0;
};
for (const child of children) child.on('exit', (code) => stopAll(code));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
