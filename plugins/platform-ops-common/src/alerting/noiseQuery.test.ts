import { alertNoiseQuerySchema } from './noiseQuery';

const schema = alertNoiseQuerySchema(['production', 'staging']);

function issuesOf(input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success
    ? []
    : result.error.issues.map(
        issue => `${issue.path.join('.')}: ${issue.message}`,
      );
}

describe('alertNoiseQuerySchema', () => {
  it('takes 30 days by default, or 90', () => {
    expect(schema.parse({})).toEqual({ days: 30 });
    expect(schema.parse({ days: '90', environment: 'staging' })).toEqual({
      days: 90,
      environment: 'staging',
    });
  });

  it.each([
    [{ days: '31' }, 'days: must be 30 or 90'],
    [{ days: '' }, 'days: must be 30 or 90'],
    [{ days: '030' }, 'days: must be 30 or 90'],
    [{ days: ['30', '90'] }, 'days: must be given once, as 30 or 90'],
    [{ environment: 'qa' }, 'environment: must be one of production, staging'],
    [
      { environment: ['production'] },
      'environment: must be given once, as an environment name',
    ],
  ])('rejects %j naming the field', (input, message) => {
    expect(issuesOf(input)).toEqual([message]);
  });

  it('rejects an unknown parameter by name', () => {
    expect(issuesOf({ day: '30' }).join()).toContain("'day'");
  });

  it('says when no environment is configured', () => {
    expect(
      alertNoiseQuerySchema([]).safeParse({ environment: 'production' }),
    ).toMatchObject({
      success: false,
      error: {
        issues: [
          expect.objectContaining({
            message: 'must be a configured environment (none is configured)',
          }),
        ],
      },
    });
  });
});
