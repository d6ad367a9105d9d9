import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../support/accessibility.js';
import { E2E_VIEWER } from '../support/constants.js';
import { ADMIN, emulatorControl, fleet, shown, signIn } from '../support/console.js';
import { diskPage, instancePage, listDisks, listSnapshots, waitForDisk, type ListedDisk } from '../support/storage.js';

/** The emulator's clock as playwright.config.ts starts it: 20x. */
const E2E_SPEED = 20;

// A control that never comes fails in seconds, not at the end of the flow's long timeout.
test.use({ actionTimeout: 20_000 });

test.afterEach(async ({ request }) => {
  await emulatorControl(request, 'reset', { keepState: true });
  await emulatorControl(request, 'clock', { speed: E2E_SPEED });
});

interface PlacedInstance {
  InstanceId: string;
  InstanceName: string;
  Status: string;
  ZoneId: string;
  InstanceChargeType: string;
  OperationLocks: { LockReason: { LockReason: string }[] };
}

/** An unlocked instance of the zone in that state, for disks to go on. */
async function instanceIn(page: Page, zoneId: string, status: 'Running' | 'Stopped'): Promise<PlacedInstance> {
  const inZone = ((await fleet(page)).instances as unknown as PlacedInstance[]).filter(
    (instance) => instance.ZoneId === zoneId && instance.OperationLocks.LockReason.length === 0,
  );
  const found = inZone.find((instance) => instance.Status === status);
  if (found || status === 'Running') {
    expect(found, `a ${status} instance in ${zoneId}`).toBeDefined();
    return found!;
  }
  // Other specs sharing the emulator may have started or deleted the zone's stopped instances: stop one.
  const running = inZone.find((instance) => instance.Status === 'Running')!;
  const response = await page.request.post('/api/ecs/StopInstance', {
    headers: { 'x-requested-with': 'ecs-console' },
    data: { RegionId: 'cn-hangzhou', InstanceId: running.InstanceId },
  });
  expect(response.ok(), await response.text()).toBe(true);
  await expect
    .poll(async () => (await fleet(page)).instances.find((i) => i.InstanceId === running.InstanceId)?.Status, {
      timeout: 30_000,
    })
    .toBe('Stopped');
  return { ...running, Status: 'Stopped' };
}

/** The disks section of an instance's page, and a disk's row in it. */
const diskSection = (page: Page) => page.getByRole('table', { name: 'Disks' });
const sectionRow = (page: Page, diskId: string) => diskSection(page).getByRole('row').filter({ hasText: diskId });

/** On an instance's page: attaches an existing disk of the zone with the section's own picker. */
async function attachFromInstancePage(page: Page, instance: PlacedInstance, disk: ListedDisk): Promise<void> {
  await page.goto(instancePage(instance.InstanceId));
  await page.getByRole('button', { name: 'Attach disk' }).click();
  await page.getByRole('menuitem', { name: 'Attach an existing disk' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: /Choose a disk/ }).click();
  await page.getByRole('option', { name: new RegExp(disk.DiskId) }).click();
  await dialog.getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(shown(page, new RegExp(`Attach requested for ${disk.DiskId}`))).toBeVisible();
  await expect(sectionRow(page, disk.DiskId).getByText('In use')).toBeVisible({ timeout: 30_000 });
}

/** On an instance's page: selects a disk in the disks section. */
async function selectInSection(page: Page, diskId: string): Promise<void> {
  await sectionRow(page, diskId).getByRole('radio').check();
}

test('a disk from creation to deletion: attach, snapshot, resize, detach, disk from snapshot, roll back', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  await signIn(page, ADMIN);
  const name = `e2e-disk-${Date.now()}`;
  let disk!: ListedDisk;

  await test.step('create a disk with the defaults and a name', async () => {
    await page.goto('/disks');
    const create = page.getByRole('button', { name: 'Create disk' });
    await expect(create).toBeEnabled();
    await create.click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await dialog.getByRole('button', { name: 'Create disk' }).click();
    await expect(shown(page, /^Disk d-\S+ created/)).toBeVisible();
    disk = await waitForDisk(page, (candidate) => candidate.DiskName === name && candidate.Status === 'Available');
    expect(disk.Size).toBe(40);
  });

  const running = await instanceIn(page, disk.ZoneId, 'Running');
  await test.step('attach it to a running instance from the instance page and watch In use', async () => {
    await attachFromInstancePage(page, running, disk);
  });

  const snapshotName = `${name}-snap`;
  let snapshotId = '';
  await test.step('snapshot it and watch the progress reach done', async () => {
    // At 1x the snapshot of 40 GiB takes 40 emulated seconds: its progress is there to see.
    await emulatorControl(request, 'clock', { speed: 1 });
    await selectInSection(page, disk.DiskId);
    await page.getByRole('button', { name: 'Create snapshot' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Snapshot name' }).fill(snapshotName);
    await dialog.getByRole('button', { name: 'Create snapshot' }).click();
    await expect(shown(page, new RegExp(`^Snapshot s-\\S+ of ${disk.DiskId}`))).toBeVisible();

    await sectionRow(page, disk.DiskId).getByRole('link', { name: disk.DiskId }).click();
    await expect(page).toHaveURL(new RegExp(`${diskPage(disk.DiskId)}$`));
    const snapshots = page.getByRole('table', { name: 'Snapshots' });
    const row = snapshots.getByRole('row').filter({ hasText: snapshotName });
    await expect(row.getByRole('progressbar')).toBeVisible();
    snapshotId = (await listSnapshots(page)).find((snapshot) => snapshot.SnapshotName === snapshotName)!.SnapshotId;

    await emulatorControl(request, 'clock', { advanceMs: 60_000, speed: E2E_SPEED });
    await expect(row.getByText('Completed')).toBeVisible({ timeout: 30_000 });
    await expect(row.getByRole('progressbar')).toHaveCount(0);
  });

  await test.step('resize it from the instance page', async () => {
    await page.goto(instancePage(running.InstanceId));
    await selectInSection(page, disk.DiskId);
    await page.getByRole('button', { name: 'Resize' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('spinbutton', { name: 'New size (GiB)' }).fill('60');
    await dialog.getByRole('button', { name: 'Resize' }).click();
    await expect(shown(page, new RegExp(`Disk ${disk.DiskId}.* resized to 60 GiB`))).toBeVisible();
    await expect(sectionRow(page, disk.DiskId).getByText('60 GiB')).toBeVisible({ timeout: 30_000 });
  });

  await test.step('detach it from the instance page', async () => {
    await selectInSection(page, disk.DiskId);
    await page.getByRole('button', { name: 'Detach' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Detach' }).click();
    await expect(shown(page, new RegExp(`Detach requested for ${disk.DiskId}`))).toBeVisible();
    await expect(sectionRow(page, disk.DiskId)).toHaveCount(0, { timeout: 30_000 });
  });

  const fromSnapshotName = `${name}-copy`;
  let copy!: ListedDisk;
  await test.step('create a disk from the snapshot on the disk page', async () => {
    await page.goto(diskPage(disk.DiskId));
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const snapshots = page.getByRole('table', { name: 'Snapshots' });
    await snapshots.getByRole('row').filter({ hasText: snapshotName }).getByRole('radio').check();
    await page.getByRole('button', { name: 'Create disk from snapshot' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Name' }).fill(fromSnapshotName);
    await dialog.getByRole('button', { name: 'Create disk' }).click();
    await expect(shown(page, /^Disk d-\S+ created/)).toBeVisible();
    copy = await waitForDisk(page, (candidate) => candidate.DiskName === fromSnapshotName);
    expect(copy.SourceSnapshotId).toBe(snapshotId);
  });

  const stopped = await instanceIn(page, disk.ZoneId, 'Stopped');
  await test.step('roll the disk back to the snapshot on a stopped instance', async () => {
    await attachFromInstancePage(page, stopped, disk);
    await page.goto(diskPage(disk.DiskId));
    await expect(page.getByText(stopped.InstanceId).first()).toBeVisible();
    const snapshots = page.getByRole('table', { name: 'Snapshots' });
    await snapshots.getByRole('row').filter({ hasText: snapshotName }).getByRole('radio').check();
    await page.getByRole('button', { name: 'Roll back to snapshot' }).click();
    const dialog = page.getByRole('dialog');
    const confirm = dialog.getByRole('button', { name: 'Roll back' });
    await expect(confirm).toBeDisabled();
    await dialog.getByRole('textbox').fill(disk.DiskId);
    await confirm.click();
    await expect(shown(page, new RegExp(`Roll-back requested for ${disk.DiskId}`))).toBeVisible();
  });

  await test.step('delete the snapshot and the disks', async () => {
    await page.goto(instancePage(stopped.InstanceId));
    await selectInSection(page, disk.DiskId);
    await page.getByRole('button', { name: 'Detach' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Detach' }).click();
    await expect(sectionRow(page, disk.DiskId)).toHaveCount(0, { timeout: 30_000 });

    await page.goto('/snapshots');
    const snapshotFilter = page.getByRole('combobox', { name: 'Filter snapshots' });
    await snapshotFilter.fill(snapshotId);
    await snapshotFilter.press('Enter');
    await page.getByRole('row').filter({ hasText: snapshotId }).getByRole('checkbox').check();
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const snapshotDialog = page.getByRole('dialog');
    const force = snapshotDialog.getByRole('checkbox');
    if (await force.count()) await force.check();
    const typed = snapshotDialog.getByRole('textbox');
    if (await typed.count()) await typed.fill(snapshotId);
    await snapshotDialog.getByRole('button', { name: 'Delete' }).click();
    await expect(shown(page, new RegExp(`Delete requested for ${snapshotId}`))).toBeVisible();
    await expect
      .poll(async () => (await listSnapshots(page)).some((snapshot) => snapshot.SnapshotId === snapshotId))
      .toBe(false);

    await page.goto('/disks');
    const diskFilter = page.getByRole('combobox', { name: 'Filter disks' });
    await diskFilter.fill(name);
    await diskFilter.press('Enter');
    for (const target of [disk, copy]) {
      await page.getByRole('row').filter({ hasText: target.DiskId }).getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const diskDialog = page.getByRole('dialog');
    const typedDisks = diskDialog.getByRole('textbox');
    if (await typedDisks.count()) await typedDisks.fill((await typedDisks.getAttribute('placeholder')) ?? '');
    await diskDialog.getByRole('button', { name: 'Delete' }).click();
    await expect
      .poll(async () =>
        (await listDisks(page)).filter((candidate) => [disk.DiskId, copy.DiskId].includes(candidate.DiskId)),
      )
      .toEqual([]);

    // A deleted disk's page says so and leads back to the list.
    await page.goto(diskPage(disk.DiskId));
    await expect(shown(page, 'Disk not found')).toBeVisible();
    await page.getByRole('link', { name: 'Back to the disks' }).click();
    await expect(page).toHaveURL(/\/disks$/);
  });

  await test.step('the audit log has every action with its RequestId', async () => {
    // The resource filter of GET /api/audit: every entry that names the resource, newest first.
    const recorded = async (resourceId: string) => {
      const response = await page.request.get(`/api/audit?resourceId=${encodeURIComponent(resourceId)}&limit=500`);
      expect(response.ok()).toBe(true);
      const { entries } = (await response.json()) as {
        entries: { action?: string; resourceIds: string[]; outcome: string; requestId?: string }[];
      };
      return entries
        .filter((entry) => entry.resourceIds.includes(resourceId) && entry.outcome === 'success' && entry.requestId)
        .map((entry) => entry.action);
    };
    // A create's entry names what it made, so the disk's and the snapshot's histories start with their creation.
    expect(new Set(await recorded(disk.DiskId))).toEqual(
      new Set(['CreateDisk', 'AttachDisk', 'CreateSnapshot', 'ResizeDisk', 'DetachDisk', 'ResetDisk', 'DeleteDisk']),
    );
    expect(new Set(await recorded(snapshotId))).toEqual(
      new Set(['CreateSnapshot', 'CreateDisk', 'ResetDisk', 'DeleteSnapshot']),
    );
  });
});

test('the instance page creates a new disk in its zone and attaches it', async ({ page }) => {
  await signIn(page, ADMIN);
  const instances = (await fleet(page)).instances as unknown as PlacedInstance[];
  const running = instances.find(
    (instance) => instance.Status === 'Running' && instance.OperationLocks.LockReason.length === 0,
  )!;
  const name = `e2e-new-${Date.now()}`;
  await page.goto(instancePage(running.InstanceId));
  await page.getByRole('button', { name: 'Attach disk' }).click();
  await page.getByRole('menuitem', { name: 'Create and attach a new disk' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('button', { name: 'Create and attach' }).click();
  await expect(shown(page, /^Disk d-\S+ created and attached to/)).toBeVisible({ timeout: 30_000 });
  const row = diskSection(page).getByRole('row').filter({ hasText: name });
  await expect(row.getByText('In use')).toBeVisible({ timeout: 30_000 });
  const created = await waitForDisk(page, (disk) => disk.DiskName === name);
  expect(created).toMatchObject({ ZoneId: running.ZoneId, InstanceId: running.InstanceId, Status: 'In_use' });
});

test('a viewer sees the storage pages with every write disabled, and the API answers 403', async ({ page }) => {
  await signIn(page, E2E_VIEWER);
  const disks = await listDisks(page);
  const dataDisk = disks.find((disk) => disk.Type === 'data' && disk.Status === 'In_use' && disk.Portable)!;
  expect(dataDisk).toBeDefined();

  await page.goto('/disks');
  await expect(page.getByRole('button', { name: 'Create disk' })).toBeDisabled();

  const snapshot = (await listSnapshots(page)).find((candidate) => candidate.Status === 'accomplished')!;
  await page.goto('/snapshots');
  await expect(page.getByRole('button', { name: 'Create snapshot' })).toBeDisabled();
  const snapshotFilter = page.getByRole('combobox', { name: 'Filter snapshots' });
  await snapshotFilter.fill(snapshot.SnapshotId);
  await snapshotFilter.press('Enter');
  await page.getByRole('row').filter({ hasText: snapshot.SnapshotId }).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Actions' }).click();
  for (const item of ['Create disk from snapshot', 'Roll back disk to snapshot', 'Delete']) {
    await expect(page.getByRole('menuitem', { name: item })).toBeDisabled();
  }
  await page.keyboard.press('Escape');

  await page.goto(diskPage(dataDisk.DiskId));
  await expect(page.getByRole('heading', { level: 1, name: dataDisk.DiskName || dataDisk.DiskId })).toBeVisible();
  for (const action of ['Attach', 'Detach', 'Create snapshot']) {
    await expect(page.getByRole('button', { name: action, exact: true })).toBeDisabled();
  }
  await page.getByRole('button', { name: 'Actions' }).click();
  for (const item of ['Resize', 'Modify attributes', 'Re-initialize', 'Roll back to snapshot', 'Delete']) {
    await expect(page.getByRole('menuitem', { name: item })).toBeDisabled();
  }
  await page.keyboard.press('Escape');

  // The attached instance links to its page, whose disks section has the disk.
  await page.getByRole('link', { name: dataDisk.InstanceId }).click();
  await expect(page).toHaveURL(new RegExp(`${instancePage(dataDisk.InstanceId)}$`));
  await expect(sectionRow(page, dataDisk.DiskId)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Attach disk' })).toBeDisabled();
  await selectInSection(page, dataDisk.DiskId);
  for (const action of ['Detach', 'Resize', 'Create snapshot']) {
    await expect(page.getByRole('button', { name: action, exact: true })).toBeDisabled();
  }

  const headers = { 'x-requested-with': 'ecs-console' };
  for (const [action, data] of [
    ['CreateDisk', { RegionId: 'cn-hangzhou', ZoneId: dataDisk.ZoneId, Size: 40, DiskCategory: 'cloud_essd' }],
    ['DetachDisk', { RegionId: 'cn-hangzhou', DiskId: dataDisk.DiskId, InstanceId: dataDisk.InstanceId }],
    ['CreateSnapshot', { RegionId: 'cn-hangzhou', DiskId: dataDisk.DiskId }],
    ['DeleteSnapshot', { RegionId: 'cn-hangzhou', SnapshotId: snapshot.SnapshotId }],
  ] as const) {
    const response = await page.request.post(`/api/ecs/${action}`, { headers, data });
    expect(response.status(), action).toBe(403);
  }
});

test('an ECS error on a disk action shows its code and RequestId', async ({ page, request }) => {
  await signIn(page, ADMIN);
  const dataDisk = (await listDisks(page)).find(
    (disk) => disk.Type === 'data' && disk.Status === 'In_use' && disk.Portable,
  )!;
  await emulatorControl(request, 'faults/inject', {
    action: 'DetachDisk',
    code: 'InstanceLockedForSecurity',
    httpStatus: 403,
    count: 1,
  });
  await page.goto(instancePage(dataDisk.InstanceId));
  await selectInSection(page, dataDisk.DiskId);
  await page.getByRole('button', { name: 'Detach' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Detach' }).click();
  await expect(shown(page, new RegExp(`Could not detach ${dataDisk.DiskId}`))).toBeVisible();
  await expect(shown(page, 'InstanceLockedForSecurity')).toBeVisible();
  await expect(shown(page, /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/)).toBeVisible();
});

test('the Disks and Snapshots lists, a disk page and an instance page with its disks pass axe', async ({ page }) => {
  test.slow();
  await signIn(page, ADMIN);
  const disk = (await listDisks(page)).find((candidate) => candidate.Status === 'In_use')!;

  await page.goto('/disks');
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto('/snapshots');
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(diskPage(disk.DiskId));
  await expect(page.getByRole('table', { name: 'Snapshots' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(instancePage(disk.InstanceId));
  await expect(sectionRow(page, disk.DiskId)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
