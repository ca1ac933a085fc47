import { ANNOTATION_SCOPE } from '../annotations';
import { hasPlatformOpsAnnotations } from '../hasPlatformOpsAnnotations';
import { SectionInput, SectionResult } from '../types';
import { ScopeAnnotations } from './annotations';
import { evaluateAudits } from './audits';
import { resolveScope } from './resolveScope';
import { ScopeSection } from './types';

/**
 * Builds the scope section: the party and the accountable team, the
 * escalation path, the audits an outside party owes and the runbook.
 * Contacts are left empty; the backend resolves them from the catalog.
 *
 * @public
 */
export function scopeSection(
  input: SectionInput<ScopeAnnotations>,
): SectionResult<ScopeSection> {
  const { entity, annotations, config, now } = input;
  const written = entity.metadata.annotations ?? {};
  const { problems, ...resolution } = resolveScope({
    party: annotations.scope,
    reportMissing:
      hasPlatformOpsAnnotations(entity) && !(ANNOTATION_SCOPE in written),
    owner: entity.spec?.owner,
    namespace: entity.metadata.namespace ?? 'default',
    config,
  });
  const audits = evaluateAudits({
    party: resolution.insideFence === false ? resolution.party : undefined,
    audits: annotations.audits,
    config,
    now,
  });
  return {
    section: {
      ...resolution,
      escalation: annotations.escalation ?? [],
      contacts: {},
      audits: audits.audits,
      runbook: annotations.runbook,
    },
    problems: [...problems, ...audits.problems],
  };
}
