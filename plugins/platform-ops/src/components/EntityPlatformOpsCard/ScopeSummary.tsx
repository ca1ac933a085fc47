import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_ESCALATION,
  ANNOTATION_RUNBOOK,
  ANNOTATION_SCOPE,
  isHttpUrl,
  Problem,
  ScopeSection,
} from '@platform-ops/plugin-platform-ops-common';
import { Field } from './Field';
import { NotSet } from './NotSet';
import { SummarySection } from './SummarySection';

const useStyles = makeStyles(theme => ({
  escalation: {
    display: 'inline',
    margin: 0,
    padding: 0,
    listStyle: 'none',
    counterReset: 'escalation',
    '& li': {
      display: 'inline',
      counterIncrement: 'escalation',
      marginRight: theme.spacing(1),
    },
    // Numbers make the order explicit: first contact first.
    '& li::before': { content: '"(" counter(escalation) ") "' },
  },
}));

/** The party accountable, said as a sentence people can act on. */
export function scopeSentence(scope: ScopeSection): string | undefined {
  if (scope.insideFence === true) {
    return 'Inside the platform scope';
  }
  if (scope.insideFence === false) {
    return `Outside the platform scope: ${scope.partyTitle ?? scope.party}`;
  }
  return undefined;
}

/** Who is accountable, whom to call and where the runbook is. */
export function ScopeSummary(props: {
  scope: ScopeSection;
  problems: Problem[];
}) {
  const { scope, problems } = props;
  const classes = useStyles();
  const sentence = scopeSentence(scope);
  const audits = Object.entries(scope.audits);
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
      {scope.insideFence === true && scope.partyTitle && (
        <Field label="Accountable">{scope.partyTitle}</Field>
      )}
      <Field label="Escalation">
        {scope.escalation.length > 0 ? (
          <Box component="ol" className={classes.escalation}>
            {scope.escalation.map(ref => (
              <li key={ref}>
                <EntityRefLink entityRef={ref} />
              </li>
            ))}
          </Box>
        ) : (
          <NotSet annotation={ANNOTATION_ESCALATION} problems={problems} />
        )}
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
      {audits.length > 0 && (
        <Field label="Last audits">
          {audits.map(([kind, date]) => `${kind} ${date}`).join(', ')}
        </Field>
      )}
    </SummarySection>
  );
}
