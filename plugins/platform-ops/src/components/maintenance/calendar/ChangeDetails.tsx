import Box from '@material-ui/core/Box';
import IconButton from '@material-ui/core/IconButton';
import Typography from '@material-ui/core/Typography';
import CloseIcon from '@material-ui/icons/Close';
import { InfoCard } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ComponentChange } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { ageText, dayText } from '../../shared/ageText';
import { Field } from '../../shared/Field';
import { Retrospective } from '../../shared/Retrospective';
import { ChangeSummaryLine } from '../ChangeSummaryLine';
import { TARGET_TEXT } from '../describeChange';

/**
 * One change opened, as a link to the calendar with `?change=` shows it:
 * what, when and where, the components it affects, the plan to go back,
 * who announced it and when, and the retrospective once done.
 */
export function ChangeDetails(props: {
  change: ComponentChange;
  now: DateTime;
  onClose: () => void;
}) {
  const { change, now, onClose } = props;
  return (
    <InfoCard
      title={`Change: ${change.title}`}
      action={
        <IconButton aria-label="Close the change" onClick={onClose}>
          <CloseIcon />
        </IconButton>
      }
    >
      <Box role="region" aria-label="Opened change" data-change={change.id}>
        <ChangeSummaryLine change={change} />
        <Field label="Components">
          {change.entityRefs.map((ref, index) => (
            <span key={ref}>
              {index > 0 && ', '}
              <EntityRefLink entityRef={ref} defaultKind="component" />
            </span>
          ))}
        </Field>
        <Field label="Updates">
          {change.updates.map(target => TARGET_TEXT[target]).join(', ')}
        </Field>
        {/* Free text from whoever announced it: shown as text, never HTML. */}
        {change.description && (
          <Field label="Description">
            <span style={{ whiteSpace: 'pre-line' }}>{change.description}</span>
          </Field>
        )}
        <Field label="Contingency plan">
          <span style={{ whiteSpace: 'pre-line' }}>
            {change.contingencyPlan}
          </span>
        </Field>
        {change.silenceAlerts && (
          <Typography variant="body2">
            P2 and P3 alerts of its components are silenced while it runs.
          </Typography>
        )}
        <Field label="Announced">
          {dayText(change.announcedAt)} by {change.announcedBy}, notice{' '}
          {change.noticeGiven} of {change.noticeRequired} expected; last updated{' '}
          {ageText(change.updatedAt, now)}
        </Field>
        {change.status === 'done' && (
          <Field label="Retrospective">
            <Retrospective retrospective={change.retrospective} />
          </Field>
        )}
      </Box>
    </InfoCard>
  );
}
