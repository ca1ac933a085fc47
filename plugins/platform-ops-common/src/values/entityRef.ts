import {
  makeValidator,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { Parsed, problem } from '../problems';

// The catalog's own rules for names and namespaces, so a ref that no
// entity could have (group:default/a/b) is refused here, not later.
const validators = makeValidator();

/**
 * Parses an entity ref that must name its kind, one of `allowedKinds`
 * (lower case), and returns it in the canonical `kind:namespace/name` form.
 *
 * @public
 */
export function parseKindedEntityRef(
  key: string,
  text: string,
  allowedKinds: readonly string[],
): Parsed<string> {
  const expected = `an entity ref such as ${allowedKinds
    .map(kind => `${kind}:default/name`)
    .join(' or ')}`;
  const trimmed = text.trim();
  if (!/^[A-Za-z]+:/.test(trimmed)) {
    return { value: undefined, problems: [problem(key, text, expected)] };
  }
  try {
    const ref = parseEntityRef(trimmed);
    if (
      !allowedKinds.includes(ref.kind.toLocaleLowerCase('en-US')) ||
      // Refs are case-insensitive; the namespace rule is written in lower case.
      !validators.isValidNamespace(ref.namespace.toLocaleLowerCase('en-US')) ||
      !validators.isValidEntityName(ref.name)
    ) {
      return { value: undefined, problems: [problem(key, text, expected)] };
    }
    return { value: stringifyEntityRef(ref), problems: [] };
  } catch {
    return { value: undefined, problems: [problem(key, text, expected)] };
  }
}
