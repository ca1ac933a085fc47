import { hasNoiseFilters, noiseFilterOf, withNoiseParams } from './noiseSearch';

describe('noiseSearch', () => {
  it('reads the period and the environment from the URL', () => {
    expect(
      noiseFilterOf(new URLSearchParams('days=90&environment=production')),
    ).toEqual({ days: 90, environment: 'production' });
    expect(noiseFilterOf(new URLSearchParams(''))).toEqual({ days: 30 });
  });

  it('falls back to 30 days for a period that is no number, and passes on a number the backend will judge', () => {
    expect(noiseFilterOf(new URLSearchParams('days=abc'))).toEqual({
      days: 30,
    });
    expect(noiseFilterOf(new URLSearchParams('days=60'))).toEqual({
      days: 60,
    });
  });

  it('writes filters, leaving out the default period and empty values', () => {
    const search = new URLSearchParams('days=90&environment=staging&tab=x');
    expect(
      withNoiseParams(search, { days: '30', environment: '' }).toString(),
    ).toBe('tab=x');
    expect(
      withNoiseParams(search, { environment: 'production' }).toString(),
    ).toBe('days=90&environment=production&tab=x');
    expect(hasNoiseFilters(new URLSearchParams('tab=x'))).toBe(false);
    expect(hasNoiseFilters(new URLSearchParams('days=90'))).toBe(true);
  });
});
