import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows announcing a maintenance change (patch, minor or major).
 *
 * @public
 */
export const platformOpsChangeCreatePermission = createPermission({
  name: 'platform-ops.change.create',
  attributes: { action: 'create' },
});

/**
 * Allows recording a disaster-recovery drill and its measured RTO.
 *
 * @public
 */
export const platformOpsDrillCreatePermission = createPermission({
  name: 'platform-ops.drill.create',
  attributes: { action: 'create' },
});

/**
 * Allows pushing a backup report for a component with `backup-source: push`.
 *
 * @public
 */
export const platformOpsBackupReportCreatePermission = createPermission({
  name: 'platform-ops.backup-report.create',
  attributes: { action: 'create' },
});

/**
 * Every permission the Platform Ops backend checks.
 *
 * @public
 */
export const platformOpsPermissions = [
  platformOpsChangeCreatePermission,
  platformOpsDrillCreatePermission,
  platformOpsBackupReportCreatePermission,
];
