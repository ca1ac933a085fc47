import {
  platformOpsBackupReportCreatePermission,
  platformOpsChangeCreatePermission,
  platformOpsDrillCreatePermission,
  platformOpsPermissions,
} from './permissions';

describe('permissions', () => {
  it('lists every permission once, with distinct platform-ops names', () => {
    expect(platformOpsPermissions).toEqual([
      platformOpsChangeCreatePermission,
      platformOpsDrillCreatePermission,
      platformOpsBackupReportCreatePermission,
    ]);
    const names = platformOpsPermissions.map(permission => permission.name);
    expect(names).toEqual([
      'platform-ops.change.create',
      'platform-ops.drill.create',
      'platform-ops.backup-report.create',
    ]);
    for (const permission of platformOpsPermissions) {
      expect(permission.attributes.action).toBe('create');
    }
  });
});
