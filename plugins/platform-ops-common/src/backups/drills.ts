import { z } from 'zod';
import { DURATION_EXPECTATION, parseDuration } from '../values/duration';
import {
  dayInput,
  entityRefInput,
  environmentInput,
  textInput,
} from '../values/inputSchemas';

/**
 * How a disaster-recovery drill ended.
 *
 * @public
 */
export const DRILL_OUTCOMES = [
  'succeeded',
  'partly-succeeded',
  'failed',
] as const;

const duration = z
  .string({ invalid_type_error: 'must be a duration' })
  .refine(value => parseDuration('measuredRto', value).value !== undefined, {
    message: `must be ${DURATION_EXPECTATION}`,
  });

/**
 * A drill as it is recorded through `POST /api/platform-ops/drills`. Each
 * drill ends with a retrospective: what went well, what to improve, and
 * action items.
 *
 * @public
 */
export const drillInputSchema = z
  .object({
    /** Chosen by the client so that a retried request records one drill. */
    id: z
      .string()
      .regex(
        /^[A-Za-z0-9._-]{8,64}$/,
        'must be 8 to 64 letters, digits, dots, dashes or underscores',
      )
      .optional(),
    entityRefs: z
      .array(entityRefInput)
      .min(1, 'must name at least one entity')
      .max(50),
    environment: environmentInput,
    date: dayInput,
    scenario: textInput(500).min(1, 'must say what was drilled'),
    ledBy: textInput(200).min(1, 'must say who led the drill'),
    measuredRto: duration.optional(),
    outcome: z.enum(DRILL_OUTCOMES),
    wentWell: textInput(4000).default(''),
    toImprove: textInput(4000).default(''),
    actionItems: z.array(textInput(500).min(1)).max(50).default([]),
  })
  .strict();

/**
 * A drill to record, as validated from a request body.
 *
 * @public
 */
export type DrillInput = z.output<typeof drillInputSchema>;

/**
 * A recorded disaster-recovery drill. Returned by
 * `GET /api/platform-ops/drills`.
 *
 * @public
 */
export type Drill = Omit<DrillInput, 'id'> & {
  id: string;
  /** Who recorded it: the signed-in user's entity ref. */
  recordedBy: string;
  recordedAt: string;
};
