import { AuditStatus } from '@platform-ops/plugin-platform-ops-common';

/** One audit in full: "provider audit: last 2026-04-14, next due 2027-04-14". */
export function describeAudit(audit: AuditStatus): string {
  switch (audit.state) {
    case 'missing':
      return `${audit.kind} audit: never recorded (due every ${audit.interval})`;
    case 'overdue':
      return `${audit.kind} audit: last ${audit.last}, overdue since ${audit.nextDue}`;
    default:
      return `${audit.kind} audit: last ${audit.last}, next due ${audit.nextDue}`;
  }
}

/** Every audit on one line, for the overview card: "provider: next due 2027-04-14". */
export function summarizeAudits(audits: AuditStatus[]): string {
  return audits
    .map(audit => {
      switch (audit.state) {
        case 'missing':
          return `${audit.kind}: never recorded`;
        case 'overdue':
          return `${audit.kind}: overdue since ${audit.nextDue}`;
        default:
          return `${audit.kind}: next due ${audit.nextDue}`;
      }
    })
    .join('; ');
}
