import type { PropertyFilterProperty } from '@cloudscape-design/collection-hooks';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { guidanceForToken } from '@/components/resource-list/filter-guidance';
import {
  currentAddress,
  filterBox,
  numberedInstances,
  pressEnterInFilter,
  renderListAt,
} from './resource-list-support';

const PROPERTIES: PropertyFilterProperty[] = [
  { key: 'name', propertyLabel: 'Name', groupValuesLabel: 'Names', operators: ['=', ':'] },
  { key: 'status', propertyLabel: 'Status', groupValuesLabel: 'Statuses', operators: ['=', '!='] },
  { key: 'tag:env', propertyLabel: 'tag:env', groupValuesLabel: 'Values of tag env', operators: ['=', ':'] },
];

describe('filter guidance', () => {
  it('recognises a property named without a value, whatever way it is typed', () => {
    for (const value of ['tag:env', 'tag:env:', 'TAG:ENV', 'tag:env =']) {
      expect(guidanceForToken({ operator: ':', value }, PROPERTIES)?.text).toBe('tag:env = ');
    }
    expect(guidanceForToken({ operator: ':', value: 'status' }, PROPERTIES)?.text).toBe('Status = ');
    expect(guidanceForToken({ propertyKey: 'name', operator: ':', value: ' ' }, PROPERTIES)?.text).toBe('Name = ');
  });

  it('leaves real searches alone', () => {
    expect(guidanceForToken({ operator: ':', value: 'web' }, PROPERTIES)).toBeUndefined();
    expect(guidanceForToken({ operator: ':', value: 'tag:env = prod' }, PROPERTIES)).toBeUndefined();
    expect(guidanceForToken({ propertyKey: 'tag:env', operator: '=', value: 'prod' }, PROPERTIES)).toBeUndefined();
  });

  it('turns `tag:env` and Enter into `tag:env = ` with its values offered, not a token that matches nothing', async () => {
    const { user } = await renderListAt('/instances?region=cn-hangzhou', numberedInstances(4));
    await user.type(filterBox(), 'tag:env');
    pressEnterInFilter();

    await waitFor(() => expect(filterBox()).toHaveValue('tag:env = '));
    expect(screen.getByText('tag:env needs a value: pick one below or type tag:env = value')).toBeInTheDocument();
    expect(currentAddress().searchParams.getAll('filter')).toEqual([]);
    expect(screen.getByRole('link', { name: 'i-n001' })).toBeInTheDocument();

    await user.click(await screen.findByRole('option', { name: /staging/ }));
    await waitFor(() => expect(currentAddress().searchParams.getAll('filter')).toEqual(['tag:env = staging']));
    expect(screen.queryByRole('link', { name: 'i-n000' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'i-n001' })).toBeInTheDocument();
  });
});

describe('keyboard shortcut to the filter', () => {
  it('focuses the filter on / from outside a text field, and says so in the placeholder', async () => {
    await renderListAt('/instances?region=cn-hangzhou', numberedInstances(2));
    expect(filterBox()).toHaveAttribute('placeholder', expect.stringContaining('press / to focus'));
    const checkbox = screen.getByRole('checkbox', { name: 'Select node-001' });
    checkbox.focus();
    fireEvent.keyDown(checkbox, { key: '/' });
    expect(filterBox()).toHaveFocus();
  });

  it('leaves / to a text field that has focus', async () => {
    await renderListAt('/instances?region=cn-hangzhou', numberedInstances(2));
    const other = document.createElement('input');
    document.body.append(other);
    other.focus();
    const notPrevented = fireEvent.keyDown(other, { key: '/' });
    expect(notPrevented).toBe(true);
    expect(other).toHaveFocus();
    other.remove();
  });
});
