import { DateTime } from 'luxon';
import { PlatformOpsConfig } from '../config/readConfig';
import { Release } from './annotations';

/**
 * Where a release stands against its end of life: `supported`, `eol-soon`
 * (within `platformOps.endOfLife.warnWithin`), `eol`, or `unknown` when
 * there is no data for the product or cycle.
 *
 * @public
 */
export type EndOfLifeState = 'supported' | 'eol-soon' | 'eol' | 'unknown';

/**
 * End-of-life dates used when config has none for a product: the upstream
 * Kubernetes release cycles. Config for a product replaces these.
 *
 * @public
 */
export const BUNDLED_END_OF_LIFE: Record<
  string,
  Array<{ cycle: string; eol: string }>
> = {
  kubernetes: [
    { cycle: '1.30', eol: '2025-06-28' },
    { cycle: '1.31', eol: '2025-10-28' },
    { cycle: '1.32', eol: '2026-02-28' },
    { cycle: '1.33', eol: '2026-06-28' },
    { cycle: '1.34', eol: '2026-10-27' },
    { cycle: '1.35', eol: '2027-02-28' },
  ],
};

/**
 * A release's end-of-life status.
 *
 * @public
 */
export type EndOfLifeStatus = {
  state: EndOfLifeState;
  /** The end-of-life day (YYYY-MM-DD), when known. */
  eol?: string;
  /** Where the date came from. */
  source?: 'config' | 'bundled';
};

/**
 * Checks a `product@cycle` release against the end-of-life data: config's
 * `platformOps.endOfLife.products`, else the bundled defaults.
 *
 * @public
 */
export function endOfLifeOf(
  release: Release,
  config: PlatformOpsConfig,
  now: DateTime,
): EndOfLifeStatus {
  // Own keys only: `constructor@1.31` must not find Object's.
  const own = <T>(table: Record<string, T>) =>
    Object.prototype.hasOwnProperty.call(table, release.product)
      ? table[release.product]
      : undefined;
  const configured = own(config.endOfLife.products);
  const cycles = configured ?? own(BUNDLED_END_OF_LIFE);
  const entry = cycles?.find(candidate => candidate.cycle === release.cycle);
  if (!entry) return { state: 'unknown' };
  const source = configured ? 'config' : 'bundled';
  const eol = DateTime.fromISO(entry.eol, { zone: 'utc' });
  if (eol <= now) return { state: 'eol', eol: entry.eol, source };
  const soon = eol.minus(config.endOfLife.warnWithin) <= now;
  return { state: soon ? 'eol-soon' : 'supported', eol: entry.eol, source };
}
