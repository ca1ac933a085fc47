import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import InsideIcon from '@material-ui/icons/HomeWork';
import OutsideIcon from '@material-ui/icons/CallMade';
import { Link, StatusOK, StatusWarning } from '@backstage/core-components';
import {
  AuditStatus,
  ANNOTATION_ESCALATION,
  ANNOTATION_RUNBOOK,
  ANNOTATION_SCOPE,
  isHttpUrl,
  Problem,
  ScopeSection,
} from '@platform-ops/plugin-platform-ops-common';
import { Fragment } from 'react';
import { Field } from '../shared/Field';
import { NotSet } from '../shared/NotSet';
import { AuditList } from './AuditList';
import { ContactLink } from './ContactLink';
import { summarizeAudits } from './describeAudit';
import { EscalationPath } from './EscalationPath';
import { scopeSentence } from './scopeSentence';

/**
 * How much of the scope to show: `full` on the scope card, `compact` in the
 * overview card, where the escalation path and the audits take one line
 * each.
 */
export type ScopeDetailsVariant = 'compact' | 'full';

type PartProps = {
  scope: ScopeSection;
  problems: Problem[];
  variant: ScopeDetailsVariant;
};

const useStyles = makeStyles(theme => ({
  sentence: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
}));

function Sentence(props: PartProps) {
  const { scope, problems, variant } = props;
  const classes = useStyles();
  const sentence = scopeSentence(scope);
  const full = variant === 'full';
  // The icon repeats the words for a glance; it never stands alone.
  const Icon = scope.insideFence ? InsideIcon : OutsideIcon;
  return (
    <Typography
      variant={full ? 'h6' : 'body1'}
      component="p"
      gutterBottom={!full}
      className={full ? classes.sentence : undefined}
    >
      {sentence ? (
        <>
          {full && <Icon aria-hidden />}
          {sentence}
        </>
      ) : (
        <NotSet
          annotation={ANNOTATION_SCOPE}
          problems={problems}
          text="Scope not declared"
        />
      )}
    </Typography>
  );
}

function Accountable(props: { scope: ScopeSection }) {
  const { scope } = props;
  return (
    <>
      <Field label="Accountable">
        {scope.accountable ? (
          <ContactLink
            entityRef={scope.accountable}
            contact={scope.contacts[scope.accountable]}
          />
        ) : (
          'unknown: the entity has no owner'
        )}
      </Field>
      {scope.ownerDiffers && scope.owner && (
        <Field label="Owner in the catalog">
          <ContactLink
            entityRef={scope.owner}
            contact={scope.contacts[scope.owner]}
          />
        </Field>
      )}
    </>
  );
}

function Escalation(props: PartProps) {
  const { scope, problems, variant } = props;
  const missing = scope.escalation.length === 0 && (
    <NotSet annotation={ANNOTATION_ESCALATION} problems={problems} />
  );
  if (variant === 'full') {
    return (
      <>
        <Field label="Escalation path">{missing}</Field>
        {scope.escalation.length > 0 && <EscalationPath scope={scope} />}
      </>
    );
  }
  return (
    <Field label="Escalation">
      {missing}
      {scope.escalation.map((ref, index) => (
        // The same ref may appear twice in a hand-written path.
        <Fragment key={`${index}:${ref}`}>
          {index > 0 && ' → '}
          <ContactLink entityRef={ref} contact={scope.contacts[ref]} />
        </Fragment>
      ))}
    </Field>
  );
}

function Runbook(props: { runbook?: string; problems: Problem[] }) {
  const { runbook, problems } = props;
  if (isHttpUrl(runbook)) {
    return (
      <Field label="Runbook">
        <Link to={runbook} externalLinkIcon>
          {runbook}
        </Link>
      </Field>
    );
  }
  return (
    <Field label="Runbook">
      {runbook && (
        // Never a link: only http(s) is safe to follow. Shown as text so
        // that what was written can be found and fixed.
        <>
          <code>{runbook}</code>{' '}
        </>
      )}
      <NotSet
        annotation={ANNOTATION_RUNBOOK}
        problems={problems}
        text={runbook ? 'invalid: not an http(s) link' : undefined}
      />
    </Field>
  );
}

function Audits(props: {
  audits: AuditStatus[];
  variant: ScopeDetailsVariant;
}) {
  const { audits, variant } = props;
  if (audits.length === 0) {
    return null;
  }
  if (variant === 'full') {
    return (
      <Field label="Audits">
        <AuditList audits={audits} />
      </Field>
    );
  }
  // The status components hide their children from screen readers, so the
  // words stay outside them.
  const AuditIcon = audits.every(audit => audit.state === 'ok')
    ? StatusOK
    : StatusWarning;
  return (
    <Field label="Audits">
      <AuditIcon />
      {summarizeAudits(audits)}
    </Field>
  );
}

/**
 * The scope of an entity, for the scope card and the overview card alike:
 * which side of the platform team's fence it is on, who is accountable (and
 * the catalog owner when it differs), whom to escalate to, the runbook and
 * the audits an outside party owes.
 */
export function ScopeDetails(props: {
  scope: ScopeSection;
  /** Problems of the entity's annotations; those of scope keys are named. */
  problems: Problem[];
  variant: ScopeDetailsVariant;
}) {
  const { scope, problems, variant } = props;
  return (
    <>
      <Sentence scope={scope} problems={problems} variant={variant} />
      <Accountable scope={scope} />
      <Escalation scope={scope} problems={problems} variant={variant} />
      <Runbook runbook={scope.runbook} problems={problems} />
      <Audits audits={scope.audits} variant={variant} />
    </>
  );
}
