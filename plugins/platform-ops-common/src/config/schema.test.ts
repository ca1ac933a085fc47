import { Duration } from 'luxon';
import { platformOpsConfigSchema } from './schema';

describe('platformOpsConfigSchema', () => {
  it('turns durations into luxon Durations', () => {
    const parsed = platformOpsConfigSchema.parse({ backups: { defaultPolicy: { rto: '90m' } } });
    expect(Duration.isDuration(parsed.backups.defaultPolicy.rto)).toBe(true);
    expect(parsed.backups.defaultPolicy.rto.as('minutes')).toBe(90);
  });

  it('accepts a window that an environment names', () => {
    const result = platformOpsConfigSchema.safeParse({
      environments: [{ name: 'production', maintenanceWindow: 'prod-monthly' }, { name: 'staging' }],
      maintenance: {
        windows: {
          'prod-monthly': { rrule: 'FREQ=MONTHLY;BYDAY=2TU', start: '23:59', duration: '2w', timezone: 'UTC' },
        },
      },
    });
    expect(result.success).toBe(true);
  });

  it('accepts an environment with a custom name when its default level is given', () => {
    const result = platformOpsConfigSchema.safeParse({
      environments: [{ name: 'prod' }],
      alerting: { defaultLevels: { prod: 'P1' } },
    });
    expect(result.success).toBe(true);
  });

  it('accepts an https kubernetes URL with skipTLSVerify', () => {
    const parsed = platformOpsConfigSchema.parse({
      environments: [{ name: 'production', kubernetes: { url: 'https://10.0.0.1:6443', skipTLSVerify: true } }, { name: 'staging' }],
    });
    expect(parsed.environments[0].kubernetes).toEqual({ url: 'https://10.0.0.1:6443', skipTLSVerify: true });
  });
});
