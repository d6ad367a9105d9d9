import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listSearch, parseListUrlState, tokenFromParam, tokenToParam } from '@/lib/url-state';
import { applyFilterText, currentAddress, numberedInstances, renderListAt } from './resource-list-support';

/** The instance names in the table, top to bottom. */
const shownNames = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .flatMap((row) => within(row).queryByText(/^node-\d+$/)?.textContent ?? []);

describe('list state in the address: encoding', () => {
  it('writes each filter token as it reads and reads it back, values with operators in them included', () => {
    const tokens = [
      { propertyKey: 'tag:env', operator: '=', value: 'prod' },
      { operator: ':', value: 'web 1' },
      { propertyKey: 'name', operator: '!:', value: 'a = b' },
      { propertyKey: 'publicIp', operator: '^', value: '47.96.' },
    ] as const;
    for (const token of tokens) expect(tokenFromParam(tokenToParam(token))).toEqual(token);
    expect(tokenToParam(tokens[0])).toBe('tag:env = prod');
  });

  it('ignores what does not parse instead of failing', () => {
    expect(tokenFromParam('garbage')).toBeUndefined();
    expect(tokenFromParam('name = ')).toBeUndefined();
    const state = parseListUrlState(
      new URLSearchParams('filter=nonsense&filter=status+%3D+Running&page=-3&pageSize=0&order=sideways&operation=xor'),
    );
    expect(state).toEqual({
      query: { tokens: [{ propertyKey: 'status', operator: '=', value: 'Running' }], operation: 'and' },
      sortDescending: false,
      page: 1,
    });
  });

  it('keeps other parameters, leaves defaults out and stays readable', () => {
    const search = listSearch(new URLSearchParams('region=cn-hangzhou&page=4'), {
      query: { tokens: [{ propertyKey: 'tag:env', operator: '=', value: 'prod & more' }], operation: 'or' },
      sortColumn: 'name',
      sortDescending: true,
      page: 1,
      pageSize: 50,
    });
    expect(search).toBe('?region=cn-hangzhou&filter=tag:env+=+prod+%26+more&sort=name&order=desc&pageSize=50');
    expect(parseListUrlState(new URLSearchParams(search)).query.tokens[0]?.value).toBe('prod & more');
  });
});

describe('list state in the address: the instance list', () => {
  it('opens the view a copied address describes: filter, sort, page and page size', async () => {
    await renderListAt(
      '/instances?region=cn-hangzhou&filter=tag:env+=+prod&sort=name&order=desc&page=2&pageSize=20',
      numberedInstances(60),
      { waitForRows: false },
    );
    // 30 prod instances (even numbers), by name descending, 20 a page: page 2 is node-018 … node-000.
    await screen.findByText('node-018');
    const names = shownNames();
    expect(names[0]).toBe('node-018');
    expect(names.at(-1)).toBe('node-000');
    expect(names).toHaveLength(10);
    expect(screen.getAllByText('30 matches')[0]).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('(60)');
  });

  it('writes a filter into the address, readable, and goes back to page 1', async () => {
    const { user } = await renderListAt('/instances?region=cn-hangzhou&page=2&pageSize=20', numberedInstances(60));
    await applyFilterText(user, 'tag:env = prod');
    await waitFor(() => expect(currentAddress().searchParams.getAll('filter')).toEqual(['tag:env = prod']));
    expect(currentAddress().search).toContain('filter=tag:env+=+prod');
    expect(currentAddress().searchParams.get('page')).toBeNull();
    expect(currentAddress().searchParams.get('region')).toBe('cn-hangzhou');
    expect(shownNames().slice(0, 3)).toEqual(['node-000', 'node-002', 'node-004']);
  });

  it('shows the last page for a page past the end, once the data is there, and says so in the address', async () => {
    await renderListAt('/instances?region=cn-hangzhou&page=99&pageSize=20', numberedInstances(30));
    await waitFor(() => expect(currentAddress().searchParams.get('page')).toBe('2'));
    expect(shownNames()[0]).toBe('node-020');
  });

  it('ignores a sort column it does not have, and a page size it does not offer', async () => {
    await renderListAt('/instances?region=cn-hangzhou&sort=bogus&order=desc&pageSize=7', numberedInstances(60));
    const names = shownNames();
    expect(names[0]).toBe('node-000');
    // The stored (default) page size, 50.
    expect(names).toHaveLength(50);
  });

  it('returns to the same view after opening an instance and going Back', async () => {
    const { user } = await renderListAt('/instances?region=cn-hangzhou&pageSize=20', numberedInstances(60));
    await applyFilterText(user, 'tag:env = staging');
    await waitFor(() => expect(currentAddress().searchParams.getAll('filter')).toEqual(['tag:env = staging']));
    await user.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(() => expect(currentAddress().searchParams.get('page')).toBe('2'));
    const before = currentAddress().search;
    const firstOnPage = shownNames()[0]!;

    await user.click(screen.getByRole('link', { name: `i-n${firstOnPage.slice(5)}` }));
    await user.click(await screen.findByRole('button', { name: 'Back' }));
    await screen.findByText(firstOnPage);
    expect(currentAddress().search).toBe(before);
    expect(shownNames()[0]).toBe(firstOnPage);
  });
});

describe('the region of a list', () => {
  it('is the address’s, and becomes the user’s last region', async () => {
    const { api } = await renderListAt('/instances?region=cn-shanghai', numberedInstances(2), {
      username: 'ana',
      regionId: 'cn-shanghai',
    });
    expect(api.to('GET /api/regions/cn-shanghai/instances')).toHaveLength(1);
    await waitFor(() => expect(localStorage.getItem('ecs-console:ana:region')).toBe('"cn-shanghai"'));
  });

  it('is the last region when the address names none, and the address then names it', async () => {
    localStorage.setItem('ecs-console:ana:region', '"cn-shanghai"');
    await renderListAt('/instances?filter=tag:env+=+prod', numberedInstances(2), {
      username: 'ana',
      regionId: 'cn-shanghai',
    });
    await waitFor(() => expect(currentAddress().search).toBe('?region=cn-shanghai&filter=tag:env+=+prod'));
    expect(screen.queryByText('node-001')).not.toBeInTheDocument();
  });
});
