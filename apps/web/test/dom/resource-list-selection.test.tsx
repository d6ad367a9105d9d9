import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { applyFilterText, currentAddress, numberedInstances, renderListAt } from './resource-list-support';

const checkbox = (name: string) => screen.getByRole('checkbox', { name: `Select ${name}` });
const heading = () => screen.getByRole('heading', { level: 1 });

describe('selection without hidden rows', () => {
  it('deselects the selected rows a new filter hides, keeps those it still shows, and does not bring them back', async () => {
    const { user } = await renderListAt('/instances?region=cn-hangzhou', numberedInstances(6));
    await user.click(checkbox('node-000'));
    await user.click(checkbox('node-001'));
    await waitFor(() => expect(heading()).toHaveTextContent('(2/6)'));

    // node-000 is env=prod, node-001 env=staging.
    await applyFilterText(user, 'tag:env = prod');
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Select node-001' })).not.toBeInTheDocument());
    expect(checkbox('node-000')).toBeChecked();
    expect(heading()).toHaveTextContent('(1/6)');

    await user.click(screen.getByRole('button', { name: /Remove filter/ }));
    await waitFor(() => expect(checkbox('node-001')).toBeInTheDocument());
    expect(checkbox('node-001')).not.toBeChecked();
    expect(checkbox('node-000')).toBeChecked();
  });

  it('keeps rows selected on other pages, says how many are not shown, and the dialog says so too', async () => {
    const { user } = await renderListAt('/instances?region=cn-hangzhou&pageSize=20', numberedInstances(30), {
      role: 'admin',
    });
    await user.click(checkbox('node-001'));
    await user.click(checkbox('node-002'));
    await user.click(screen.getByRole('button', { name: /next page/i }));
    await waitFor(() => expect(currentAddress().searchParams.get('page')).toBe('2'));
    await user.click(await screen.findByRole('checkbox', { name: 'Select node-020' }));

    await waitFor(() => expect(heading()).toHaveTextContent('(3/30)'));
    expect(screen.getByText('3 selected, 2 not shown (on other pages)')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Instance state' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Stop' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText(/2 of these are not shown in the list/)).toBeInTheDocument();
  });
});
