import { loadConfig, openDatabase } from '@ecs-console/bff';

/**
 * A year of synthetic audit entries, made by the database itself in one `INSERT … SELECT … FROM
 * generate_series` (a million rows in seconds rather than a million round trips), with a realistic
 * spread: 40 staff (a few much busier than the rest), sign-ins and sign-outs, user changes and 14
 * ECS actions on 20,000 instances, disks, snapshots and security groups each, five regions, 90 %
 * success, 9 % failure, 1 % unknown, times evenly over the past year (ids in time order, as a
 * console writes them). The same seed gives the same rows.
 */
export function auditEntriesSql(count: number): string {
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`bad entry count ${count}`);
  return `
    SELECT setseed(0.4242);
    INSERT INTO audit_entries
      (time, username, role, event, action, region_id, resource_ids, params, outcome, code, message, request_id, source_ip)
    SELECT
      time,
      CASE WHEN staff = 0 THEN 'admin' ELSE 'staff' || lpad(staff::text, 2, '0') END,
      CASE WHEN staff < 4 THEN 'admin' WHEN staff < 20 THEN 'operator' ELSE 'viewer' END,
      event,
      action,
      CASE WHEN event = 'action' THEN region END,
      CASE
        WHEN event = 'action' THEN ARRAY[resource]
        WHEN event = 'user' THEN ARRAY['staff' || lpad((resource_number % 40)::text, 2, '0')]
        ELSE '{}'::text[]
      END,
      CASE WHEN event = 'action' THEN jsonb_build_object('RegionId', region, 'Id', resource) ELSE '{}'::jsonb END,
      outcome,
      CASE
        WHEN outcome <> 'failure' THEN NULL
        WHEN event = 'login' THEN 'InvalidCredentials'
        ELSE 'IncorrectInstanceStatus'
      END,
      CASE
        WHEN outcome <> 'failure' THEN NULL
        WHEN event = 'login' THEN 'Wrong username or password.'
        ELSE 'The current status of the resource does not support this operation.'
      END,
      CASE WHEN event = 'action' THEN upper(md5(g::text)) END,
      '10.0.' || staff || '.' || (staff * 7 % 250 + 1)
    FROM (
      SELECT
        g,
        staff,
        resource_number,
        now() - interval '365 days' + (g::float8 / ${count}) * interval '365 days' AS time,
        CASE WHEN e < 0.15 THEN 'login' WHEN e < 0.25 THEN 'logout' WHEN e < 0.27 THEN 'user' ELSE 'action' END AS event,
        CASE
          WHEN e < 0.25 THEN NULL
          WHEN e < 0.27 THEN (ARRAY['CreateUser', 'ChangeRole(operator)', 'ChangeRole(viewer)', 'ResetPassword', 'DeleteUser'])[1 + a % 5]
          ELSE (ARRAY['StartInstance', 'StopInstance', 'RebootInstance', 'DeleteInstance', 'OpenVncConsole',
                      'ModifyInstanceAttribute', 'CreateSnapshot', 'DeleteSnapshot', 'AttachDisk', 'DetachDisk',
                      'ResizeDisk', 'CreateDisk', 'AuthorizeSecurityGroup', 'RevokeSecurityGroup'])[1 + a]
        END AS action,
        (ARRAY['i-bench', 'i-bench', 'i-bench', 'i-bench', 'i-bench', 'i-bench', 'd-bench', 's-bench', 'd-bench',
               'd-bench', 'd-bench', 'd-bench', 'sg-bench', 'sg-bench'])[1 + a] || lpad(resource_number::text, 6, '0') AS resource,
        (ARRAY['cn-hangzhou', 'cn-shanghai', 'cn-beijing', 'cn-shenzhen', 'ap-southeast-1'])[1 + region_number] AS region,
        CASE WHEN o < 0.90 THEN 'success' WHEN o < 0.99 THEN 'failure' ELSE 'unknown' END AS outcome
      FROM (
        SELECT
          g,
          floor(power(random(), 2) * 40)::int AS staff,
          random() AS e,
          floor(random() * 14)::int AS a,
          floor(random() * 20000)::int AS resource_number,
          floor(random() * 5)::int AS region_number,
          random() AS o
        FROM generate_series(1, ${count}) AS g
      ) AS draws
    ) AS entries
    ORDER BY g;
  `;
}

/** Filters whose answers are real pages in that data (each matches entries throughout the year). */
export const SAMPLE = {
  /** About 3 % of the entries. */
  user: 'staff07',
  /** About 5 %. */
  action: 'StopInstance',
  /** About 15 entries. */
  resourceId: 'i-bench001234',
} as const;

/**
 * Fills the database a console with `env` uses (CONSOLE_DATABASE_URL, else the embedded one in
 * CONSOLE_DATA_DIR; migrated first, as the console would) with `count` entries, then ANALYZEs it.
 * Run it while no console has the embedded database open. Answers the milliseconds it took.
 */
export async function seedAuditEntries(env: Readonly<Record<string, string>>, count: number): Promise<number> {
  const started = performance.now();
  // One statement fills the table: more than the console's 10 s statement limit.
  const config = loadConfig({ CONSOLE_DATABASE_STATEMENT_TIMEOUT_MS: '600000', ...env });
  const { db } = await openDatabase(config, () => Promise.resolve());
  try {
    await db.query(auditEntriesSql(count));
    await db.query('ANALYZE audit_entries');
  } finally {
    await db.close();
  }
  return performance.now() - started;
}
