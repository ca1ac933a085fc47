import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows announcing a maintenance change (security patch, minor or major)
 * and updating its status, through `POST` and `PATCH
 * /api/platform-ops/changes`.
 *
 * @public
 */
export const platformOpsChangeCreatePermission = createPermission({
  name: 'platform-ops.change.create',
  attributes: { action: 'create' },
});

/**
 * Allows recording a disaster-recovery drill and its measured RTO through
 * `POST /api/platform-ops/drills`.
 *
 * @public
 */
export const platformOpsDrillCreatePermission = createPermission({
  name: 'platform-ops.drill.create',
  attributes: { action: 'create' },
});

/**
 * Allows a user to push a backup report through
 * `POST /api/platform-ops/backup-reports`. Service credentials (a CronJob
 * with a static token) may always push.
 *
 * @public
 */
export const platformOpsBackupReportCreatePermission = createPermission({
  name: 'platform-ops.backup-report.create',
  attributes: { action: 'create' },
});

/**
 * Every permission the Platform Ops backend checks, for registration with
 * the permission framework.
 *
 * @public
 */
export const platformOpsPermissions = [
  platformOpsChangeCreatePermission,
  platformOpsDrillCreatePermission,
  platformOpsBackupReportCreatePermission,
];
