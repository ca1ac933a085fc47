import Typography from '@material-ui/core/Typography';
import { Link, StatusOK, StatusWarning } from '@backstage/core-components';
import {
  ANNOTATION_ESCALATION,
  ANNOTATION_RUNBOOK,
  ANNOTATION_SCOPE,
  isHttpUrl,
  Problem,
  ScopeSection,
} from '@platform-ops/plugin-platform-ops-common';
import { Fragment } from 'react';
import { ContactLink } from '../scope/ContactLink';
import { summarizeAudits } from '../scope/describeAudit';
import { scopeSentence } from '../scope/scopeSentence';
import { Field } from './Field';
import { NotSet } from './NotSet';
import { SummarySection } from './SummarySection';

/**
 * Who is accountable, whom to call and where the runbook is, kept short:
 * the scope card has the members and each audit in full.
 */
export function ScopeSummary(props: {
  scope: ScopeSection;
  problems: Problem[];
}) {
  const { scope, problems } = props;
  const sentence = scopeSentence(scope);
  const auditsOk = scope.audits.every(audit => audit.state === 'ok');
  // The status components hide their children from screen readers.
  const AuditIcon = auditsOk ? StatusOK : StatusWarning;
  return (
    <SummarySection title="Scope">
      <Typography variant="body1" gutterBottom>
        {sentence ?? (
          <NotSet
            annotation={ANNOTATION_SCOPE}
            problems={problems}
            text="Scope not declared"
          />
        )}
      </Typography>
      {scope.accountable && (
        <Field label="Accountable">
          <ContactLink
            entityRef={scope.accountable}
            contact={scope.contacts[scope.accountable]}
          />
        </Field>
      )}
      {scope.ownerDiffers && scope.owner && (
        <Field label="Owner in the catalog">
          <ContactLink
            entityRef={scope.owner}
            contact={scope.contacts[scope.owner]}
          />
        </Field>
      )}
      <Field label="Escalation">
        {scope.escalation.length === 0 && (
          <NotSet annotation={ANNOTATION_ESCALATION} problems={problems} />
        )}
        {scope.escalation.map((ref, index) => (
          <Fragment key={`${index}:${ref}`}>
            {index > 0 && ' → '}
            <ContactLink entityRef={ref} contact={scope.contacts[ref]} />
          </Fragment>
        ))}
      </Field>
      <Field label="Runbook">
        {isHttpUrl(scope.runbook) && (
          <Link to={scope.runbook} externalLinkIcon>
            {scope.runbook}
          </Link>
        )}
        {!isHttpUrl(scope.runbook) && scope.runbook && (
          // Never a link: only http(s) is safe to follow.
          <code>{scope.runbook}</code>
        )}
        {!scope.runbook && (
          <NotSet annotation={ANNOTATION_RUNBOOK} problems={problems} />
        )}
      </Field>
      {scope.audits.length > 0 && (
        <Field label="Audits">
          <AuditIcon />
          {summarizeAudits(scope.audits)}
        </Field>
      )}
    </SummarySection>
  );
}
