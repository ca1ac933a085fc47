import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import InsideIcon from '@material-ui/icons/HomeWork';
import OutsideIcon from '@material-ui/icons/CallMade';
import { Link } from '@backstage/core-components';
import {
  ANNOTATION_AUDITS,
  ANNOTATION_ESCALATION,
  ANNOTATION_RUNBOOK,
  ANNOTATION_SCOPE,
  isHttpUrl,
  OpsSummary,
} from '@platform-ops/plugin-platform-ops-common';
import { Field } from '../EntityPlatformOpsCard/Field';
import { NotSet } from '../EntityPlatformOpsCard/NotSet';
import { ProblemsPanel } from '../EntityPlatformOpsCard/ProblemsPanel';
import { SummaryCard } from '../SummaryCard';
import { AuditList } from './AuditList';
import { ContactLink } from './ContactLink';
import { EscalationPath } from './EscalationPath';
import { scopeSentence } from './scopeSentence';

const SCOPE_KEYS = [
  ANNOTATION_SCOPE,
  ANNOTATION_ESCALATION,
  ANNOTATION_AUDITS,
  ANNOTATION_RUNBOOK,
];

const useStyles = makeStyles(theme => ({
  sentence: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(2),
  },
}));

function ScopeDetails(props: { summary: OpsSummary }) {
  const { scope } = props.summary;
  const classes = useStyles();
  const problems = props.summary.problems.filter(problem =>
    SCOPE_KEYS.includes(problem.key),
  );
  const sentence = scopeSentence(scope);
  // The icon repeats the words for a glance; it never stands alone.
  const Icon = scope.insideFence ? InsideIcon : OutsideIcon;
  return (
    <>
      <ProblemsPanel problems={problems} />
      <Typography variant="h6" component="p" className={classes.sentence}>
        {sentence ? (
          <>
            <Icon aria-hidden />
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
      <Field label="Escalation path">
        {scope.escalation.length === 0 && (
          <NotSet annotation={ANNOTATION_ESCALATION} problems={problems} />
        )}
      </Field>
      {scope.escalation.length > 0 && <EscalationPath scope={scope} />}
      <Field label="Runbook">
        {isHttpUrl(scope.runbook) && (
          <Link to={scope.runbook} externalLinkIcon>
            {scope.runbook}
          </Link>
        )}
        {!isHttpUrl(scope.runbook) && (
          // Never a link: only http(s) is safe to follow.
          <NotSet
            annotation={ANNOTATION_RUNBOOK}
            problems={problems}
            text={scope.runbook ? 'invalid, see the problems above' : undefined}
          />
        )}
      </Field>
      {scope.audits.length > 0 && (
        <Field label="Audits">
          <AuditList audits={scope.audits} />
        </Field>
      )}
    </>
  );
}

/**
 * Which side of the platform team's fence the entity is on, who is
 * accountable, whom to escalate to, its audits and its runbook.
 */
export function EntityScopeCard() {
  return (
    <SummaryCard
      title="Scope"
      annotation={ANNOTATION_SCOPE}
      render={summary => <ScopeDetails summary={summary} />}
    />
  );
}
