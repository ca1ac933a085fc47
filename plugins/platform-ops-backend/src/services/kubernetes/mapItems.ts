import { z } from 'zod';

/**
 * The items of a list that have the shape, mapped, and how many did not:
 * one odd object is left out and counted, never a reason to drop the list.
 */
export function mapItems<T, R>(
  items: unknown[],
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  map: (item: T) => R,
): { values: R[]; invalid: number } {
  const values: R[] = [];
  let invalid = 0;
  for (const item of items) {
    const parsed = schema.safeParse(item);
    if (parsed.success) values.push(map(parsed.data));
    else invalid += 1;
  }
  return { values, invalid };
}
