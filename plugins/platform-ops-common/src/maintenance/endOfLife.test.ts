import { DateTime } from 'luxon';
import { parsePlatformOpsConfig } from '../config/readConfig';
import { endOfLifeOf } from './endOfLife';

const now = DateTime.fromISO('2026-11-28T12:00:00Z', { zone: 'utc' });
const { config } = parsePlatformOpsConfig({
  endOfLife: {
    warnWithin: '90d',
    products: {
      postgresql: [
        { cycle: '14', eol: '2027-01-20' },
        { cycle: '15', eol: '2027-11-11' },
      ],
    },
  },
});

describe('endOfLifeOf', () => {
  it.each([
    ['kubernetes', '1.34', 'eol', '2026-10-27'],
    ['kubernetes', '1.35', 'supported', '2027-02-28'],
    ['postgresql', '14', 'eol-soon', '2027-01-20'],
    ['postgresql', '15', 'supported', '2027-11-11'],
  ])('%s@%s is %s', (product, cycle, state, eol) => {
    expect(endOfLifeOf({ product, cycle }, config!, now)).toMatchObject({
      state,
      eol,
    });
  });

  it.each([
    ['postgresql', '16'],
    ['redis', '7.2'],
  ])('knows nothing of %s@%s', (product, cycle) => {
    expect(endOfLifeOf({ product, cycle }, config!, now)).toEqual({
      state: 'unknown',
    });
  });

  it('lets config replace the bundled data for a product', () => {
    const { config: own } = parsePlatformOpsConfig({
      endOfLife: {
        products: { kubernetes: [{ cycle: '1.34', eol: '2028-01-01' }] },
      },
    });
    expect(
      endOfLifeOf({ product: 'kubernetes', cycle: '1.34' }, own!, now),
    ).toEqual({
      state: 'supported',
      eol: '2028-01-01',
      source: 'config',
    });
  });
});
