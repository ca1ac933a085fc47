import { backupOfReport, backupReportSchema } from './reports';

const good = {
  id: 'pg-dump-orders-2026-11-28',
  entityRef: 'component:default/postgresql-orders',
  environment: 'production',
  status: 'completed',
  startedAt: '2026-11-28T01:00:00Z',
  completedAt: '2026-11-28T02:20:00+01:00',
  sizeBytes: 1024,
  location: 's3://backups/orders/2026-11-28.dump',
};

describe('backupReportSchema', () => {
  it('accepts a complete report and reads it as a completed backup', () => {
    const report = backupReportSchema.parse(good);
    expect(backupOfReport(report)).toMatchObject({
      name: 'pg-dump-orders-2026-11-28',
      phase: 'Completed',
      completedAt: '2026-11-28T02:20:00+01:00',
      sizeBytes: 1024,
    });
  });

  it.each([
    ['completedAt', { ...good, completedAt: undefined }],
    ['completedAt', { ...good, completedAt: '2026-11-28T00:00:00Z' }],
    ['entityRef', { ...good, entityRef: 'orders' }],
    ['status', { ...good, status: 'ok' }],
    ['sizeBytes', { ...good, sizeBytes: -1 }],
    ['startedAt', { ...good, startedAt: '2026-11-28 01:00' }],
  ])('names %s when it is wrong', (field, body) => {
    const result = backupReportSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual([field]);
  });

  it('lets an in-progress report leave out completedAt', () => {
    expect(
      backupReportSchema.safeParse({
        ...good,
        status: 'in-progress',
        completedAt: undefined,
      }).success,
    ).toBe(true);
  });
});
