import { parseEntityRef } from '@backstage/catalog-model';

/**
 * Whether a text is an entity ref that names the given kind explicitly.
 */
export function isValidEntityRefWithKind(text: string, kind: string): boolean {
  if (!text.toLocaleLowerCase('en-US').startsWith(`${kind}:`)) return false;
  try {
    parseEntityRef(text);
    return true;
  } catch {
    return false;
  }
}
