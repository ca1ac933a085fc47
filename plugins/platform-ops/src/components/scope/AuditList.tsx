import { StatusOK, StatusWarning } from '@backstage/core-components';
import { AuditStatus } from '@platform-ops/plugin-platform-ops-common';

function describe(audit: AuditStatus): string {
  switch (audit.state) {
    case 'missing':
      return `${audit.kind} audit: never recorded (due every ${audit.interval})`;
    case 'overdue':
      return `${audit.kind} audit: last ${audit.last}, overdue since ${audit.nextDue}`;
    default:
      return `${audit.kind} audit: last ${audit.last}, next due ${audit.nextDue}`;
  }
}

/** Each audit with a status icon and words; overdue and missing are warnings. */
export function AuditList(props: { audits: AuditStatus[] }) {
  return (
    <>
      {props.audits.map(audit => (
        <div key={audit.kind}>
          {audit.state === 'ok' ? (
            <StatusOK>{describe(audit)}</StatusOK>
          ) : (
            <StatusWarning>{describe(audit)}</StatusWarning>
          )}
        </div>
      ))}
    </>
  );
}
