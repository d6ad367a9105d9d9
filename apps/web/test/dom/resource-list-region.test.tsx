import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Route, Routes, useLocation } from 'react-router';
import { TopBar } from '@/app/layout/TopBar';
import { InstanceListPage } from '@/features/instances';
import { stubApi } from './fetch-stub';
import { makeSession, renderInConsole } from './render';
import { fleetAnswer, numberedInstances } from './resource-list-support';

const REGIONS = [
  { RegionId: 'cn-hangzhou', LocalName: 'China (Hangzhou)', RegionEndpoint: '', Status: 'available' },
  { RegionId: 'cn-shanghai', LocalName: 'China (Shanghai)', RegionEndpoint: '', Status: 'available' },
];

function LocationProbe() {
  const { pathname, search } = useLocation();
  return <output aria-label="Current address">{pathname + search}</output>;
}

describe('the top bar’s region selector', () => {
  it('shows the list’s region and switches the list to another, anew, in the address', async () => {
    const api = stubApi({
      'POST /api/ecs/DescribeRegions': () => Response.json({ Regions: { Region: REGIONS }, RequestId: 'R1' }),
      'GET /api/regions/cn-hangzhou/instances': () => Response.json(fleetAnswer(numberedInstances(3))),
      'GET /api/regions/cn-shanghai/instances': () => Response.json(fleetAnswer(numberedInstances(1), 'cn-shanghai')),
    });
    const { user } = renderInConsole(
      <>
        <TopBar />
        <Routes>
          <Route path="/instances" element={<InstanceListPage />} />
        </Routes>
        <LocationProbe />
      </>,
      { session: makeSession('viewer', 'ana'), initialUrl: '/instances?region=cn-hangzhou&filter=tag:env+=+prod' },
    );
    const selector = await screen.findByRole('button', { name: /China \(Hangzhou\)/ });
    await screen.findByText('node-002');

    await user.click(selector);
    await user.click(await screen.findByRole('menuitemcheckbox', { name: /China \(Shanghai\)/ }));
    await waitFor(() =>
      expect(screen.getByRole('status', { name: 'Current address' })).toHaveTextContent(
        /^\/instances\?region=cn-shanghai$/,
      ),
    );
    await screen.findByText('node-000');
    expect(screen.queryByText('node-002')).not.toBeInTheDocument();
    expect(api.to('GET /api/regions/cn-shanghai/instances')).toHaveLength(1);
    expect(localStorage.getItem('ecs-console:ana:region')).toBe('"cn-shanghai"');
  });
});
