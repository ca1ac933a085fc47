import { z } from 'zod';
import { parseKindedEntityRef } from './entityRef';
import { isValidName, NAME_EXPECTATION } from './names';

/**
 * Text of at most `max` characters, trimmed.
 *
 * @public
 */
export function textInput(max: number) {
  return z
    .string({ invalid_type_error: 'must be text' })
    .trim()
    .max(max, `must be at most ${max} characters`);
}

/**
 * A component, resource or system entity ref, in canonical form.
 *
 * @public
 */
export const entityRefInput = z
  .string({ invalid_type_error: 'must be an entity ref' })
  .transform((value, context) => {
    const parsed = parseKindedEntityRef('entityRef', value, [
      'component',
      'resource',
      'system',
    ]);
    if (!parsed.value) {
      context.addIssue({
        code: 'custom',
        message: `must be ${parsed.problems[0].expected}`,
      });
      return z.NEVER;
    }
    return parsed.value;
  });

/**
 * An environment name (whether config knows it is checked by the caller).
 *
 * @public
 */
export const environmentInput = z
  .string({ invalid_type_error: 'must be an environment name' })
  .refine(isValidName, { message: `must be ${NAME_EXPECTATION}` });

/**
 * A calendar day, YYYY-MM-DD.
 *
 * @public
 */
export const dayInput = z
  .string({ invalid_type_error: 'must be a date written YYYY-MM-DD' })
  .date('must be a date written YYYY-MM-DD');

/**
 * A point in time, ISO 8601 with a time zone offset.
 *
 * @public
 */
export const timestampInput = z
  .string({ invalid_type_error: 'must be an ISO 8601 time' })
  .datetime({
    offset: true,
    message:
      'must be an ISO 8601 time with a zone, such as 2026-11-28T02:00:00Z',
  });
