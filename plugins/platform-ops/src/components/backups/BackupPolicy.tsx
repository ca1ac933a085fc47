import { BackupsSection } from '@platform-ops/plugin-platform-ops-common';
import { DefaultMark } from '../shared/DefaultMark';

/** "RPO 24h, retention 7d, RTO 4h", each marked when it is a default. */
export function BackupPolicy(props: { policy: BackupsSection['policy'] }) {
  const { rpo, retention, rto } = props.policy;
  return (
    <>
      RPO {rpo.value}
      <DefaultMark source={rpo.source} />, retention {retention.value}
      <DefaultMark source={retention.source} />, RTO {rto.value}
      <DefaultMark source={rto.source} />
    </>
  );
}
