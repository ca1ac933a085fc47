import {
  BACKUP_PROTECTIONS,
  BackupProtection,
  BackupsSection,
} from '@platform-ops/plugin-platform-ops-common';
import { StatusLine } from '../shared/StatusLine';

const NAMES: Record<BackupProtection, string> = {
  'object-lock': 'Object lock',
  'off-site': 'Off-site copy',
  'off-cloud': 'Off-cloud copy',
  encrypted: 'Encrypted',
};

/** Each protection a platform team is expected to have, in place or a gap. */
export function ProtectionChecklist(props: { backups: BackupsSection }) {
  const { protection } = props.backups;
  return (
    <div role="list" aria-label="Protection">
      {BACKUP_PROTECTIONS.map(item => {
        const inPlace = protection.includes(item);
        return (
          <div role="listitem" key={item}>
            <StatusLine status={inPlace ? 'ok' : 'warning'}>
              {NAMES[item]} ({item}): {inPlace ? 'in place' : 'gap'}
            </StatusLine>
          </div>
        );
      })}
    </div>
  );
}
