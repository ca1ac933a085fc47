import { StatusOK, StatusWarning } from '@backstage/core-components';
import { AuditStatus } from '@platform-ops/plugin-platform-ops-common';
import { describeAudit } from './describeAudit';

/** Each audit with a status icon and words; overdue and missing are warnings. */
export function AuditList(props: { audits: AuditStatus[] }) {
  return (
    <>
      {props.audits.map(audit => (
        // The status components hide their children from screen readers,
        // so the words stay outside them.
        <div key={audit.kind}>
          {audit.state === 'ok' ? <StatusOK /> : <StatusWarning />}
          {describeAudit(audit)}
        </div>
      ))}
    </>
  );
}
