import { ScopeSection } from '@platform-ops/plugin-platform-ops-common';

/** Which side of the fence, said so that people can act on it. */
export function scopeSentence(scope: ScopeSection): string | undefined {
  if (scope.insideFence === true) {
    return 'Inside the platform scope: the platform team is accountable';
  }
  if (scope.insideFence === false) {
    return `Outside the platform scope: ${scope.partyTitle ?? scope.party}`;
  }
  return undefined;
}
