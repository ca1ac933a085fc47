/**
 * A value together with where it came from: the entity's annotation or the
 * `platformOps` config defaults.
 *
 * @public
 */
export type Sourced<T> = { value: T; source: 'annotation' | 'config' };

/**
 * The annotated value when there is one, else the config default, saying
 * which it is.
 *
 * @public
 */
export function sourced<T>(annotated: T | undefined, fallback: T): Sourced<T> {
  return annotated !== undefined
    ? { value: annotated, source: 'annotation' }
    : { value: fallback, source: 'config' };
}
