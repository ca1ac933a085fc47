import { z } from 'zod';
import { ALERT_NOISE_PERIODS, AlertNoisePeriod } from './noise';

const once = (what: string) => ({
  invalid_type_error: `must be given once, as ${what}`,
});

/**
 * The query string of `GET /api/platform-ops/alerts/noise`, as Express
 * parses it: `days` is 30 (the default) or 90; `environment`, when given,
 * must be one of `environments`, the configured ones.
 *
 * @public
 */
export function alertNoiseQuerySchema(environments: readonly string[]) {
  const known = environments.length
    ? `one of ${environments.join(', ')}`
    : 'a configured environment (none is configured)';
  return z
    .object({
      days: z
        .string(once(ALERT_NOISE_PERIODS.join(' or ')))
        .refine(
          text => ALERT_NOISE_PERIODS.some(period => String(period) === text),
          `must be ${ALERT_NOISE_PERIODS.join(' or ')}`,
        )
        .transform(text => Number(text) as AlertNoisePeriod)
        .default('30'),
      environment: z
        .string(once('an environment name'))
        .refine(name => environments.includes(name), `must be ${known}`)
        .optional(),
    })
    .strict();
}

/**
 * A parsed noise query.
 *
 * @public
 */
export type AlertNoiseQuery = z.output<
  ReturnType<typeof alertNoiseQuerySchema>
>;
