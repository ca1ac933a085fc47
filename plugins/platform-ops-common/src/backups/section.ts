import { SectionInput, SectionResult } from '../types';
import { formatDuration } from '../values/duration';
import { sourced } from '../values/sourced';
import { BACKUP_POLICY_KEYS, BackupsAnnotations } from './annotations';
import { protectionGapsOf } from './compliance';
import { BackupsSection } from './types';

/**
 * Builds the backups section: the policy (annotation over config default,
 * key by key), the declared source and scope, and the protection in place
 * with its gaps.
 *
 * @public
 */
export function backupsSection(
  input: SectionInput<BackupsAnnotations>,
): SectionResult<BackupsSection> {
  const { annotations, config } = input;
  const defaults = config.backups.defaultPolicy;
  const [rpo, retention, rto] = BACKUP_POLICY_KEYS.map(name => {
    const annotated = annotations.backupPolicy?.[name];
    return sourced(
      annotated && formatDuration(annotated),
      formatDuration(defaults[name]),
    );
  });
  const source = annotations.backupSource;
  const protection = annotations.backupProtection ?? [];
  // Gaps only mean something once a component says it is backed up, or
  // says how its backups are protected.
  const gapsApply =
    source?.type !== 'none' && (source || annotations.backupProtection);
  return {
    section: {
      policy: { rpo, retention, rto },
      source,
      scope: annotations.backupScope ?? [],
      protection,
      protectionGaps: gapsApply ? protectionGapsOf(protection) : [],
      // The live part is filled by the backend from its sources.
      environments: [],
    },
    problems: [],
  };
}
