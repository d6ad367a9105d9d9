import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_VARIABLES } from '../src/config.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** The variable names in the first column of README's settings table (the rows after its `Variable` header). */
function documentedVariables(): Set<string> {
  const lines = readme.split('\n');
  const header = lines.findIndex((line) => /^\|\s*Variable\s*\|/.test(line));
  expect(header, 'README has a settings table with a "Variable" column').toBeGreaterThan(-1);
  const names = new Set<string>();
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const firstCell = line.split('|')[1] ?? '';
    for (const [, name] of firstCell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)) if (name) names.add(name);
  }
  return names;
}

/** Read by the ECS client's credential chain rather than the console's config. */
const CLIENT_VARIABLES = /^ALIBABA_CLOUD_/;

describe("README's settings table", () => {
  it('lists every variable the config reads', () => {
    const documented = documentedVariables();
    expect(CONFIG_VARIABLES.filter((name) => !documented.has(name))).toEqual([]);
  });

  it('lists no variable the console does not read', () => {
    const read = new Set(CONFIG_VARIABLES);
    const stale = [...documentedVariables()].filter((name) => !read.has(name) && !CLIENT_VARIABLES.test(name));
    expect(stale).toEqual([]);
  });

  it('points at nothing outside the repository', () => {
    expect(readme).not.toMatch(/\.\.\/shared|\(next\)/);
  });
});
