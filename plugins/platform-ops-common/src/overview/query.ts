import { z } from 'zod';
import { OVERVIEW_FLAGS } from './types';

/** Most rows per page. */
export const OVERVIEW_MAX_LIMIT = 200;

const once = (what: string) => ({
  invalid_type_error: `must be given once, as ${what}`,
});

const wholeNumber = (name: string, min: number, max: number) =>
  z
    .string(once('a whole number'))
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `must be at least ${min}`)
        .max(max, `must be at most ${max}`),
    )
    .describe(name);

/**
 * The query string of `GET /api/platform-ops/overview`, as Express parses
 * it: every value text, a repeated key an array. `status` takes one flag or
 * several, comma-separated: a row matches when it carries any of them.
 *
 * @public
 */
export const overviewQuerySchema = z
  .object({
    offset: wholeNumber('offset', 0, 1_000_000).default('0'),
    limit: wholeNumber('limit', 1, OVERVIEW_MAX_LIMIT).default('50'),
    party: z.string(once('text')).trim().min(1).max(100).optional(),
    owner: z.string(once('an entity ref')).trim().min(1).max(300).optional(),
    environment: z.string(once('text')).trim().min(1).max(100).optional(),
    q: z.string(once('text')).trim().max(200).optional(),
    status: z
      .string(once('a comma-separated list of flags'))
      .transform(text =>
        text
          .split(',')
          .map(part => part.trim())
          .filter(Boolean),
      )
      .pipe(
        z.array(
          z.enum(OVERVIEW_FLAGS, {
            errorMap: () => ({
              message: `must be one of ${OVERVIEW_FLAGS.join(', ')}`,
            }),
          }),
        ),
      )
      .optional(),
  })
  .strict();

/**
 * A parsed overview query.
 *
 * @public
 */
export type OverviewQuery = z.output<typeof overviewQuerySchema>;
