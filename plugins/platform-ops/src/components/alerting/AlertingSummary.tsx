import {
  ALERT_LEVELS,
  AlertingSection,
  ANNOTATION_ALERT_LEVELS,
  ANNOTATION_ALERT_MATCHERS,
  ANNOTATION_ENVIRONMENTS,
  formatMatchers,
  Problem,
} from '@platform-ops/plugin-platform-ops-common';
import { DefaultMark } from '../shared/DefaultMark';
import { Field } from '../shared/Field';
import { NotSet } from '../shared/NotSet';
import { SummarySection } from '../shared/SummarySection';
import { LevelChip } from './LevelChip';

/**
 * The alerting section of the overview card: the level a failure gets in
 * each environment, the matchers and the live alert counts.
 */
export function AlertingSummary(props: {
  alerting: AlertingSection;
  problems: Problem[];
}) {
  const { alerting, problems } = props;
  return (
    <SummarySection title="Alerting">
      {alerting.environments.length === 0 && (
        <Field label="Environments">
          <NotSet annotation={ANNOTATION_ENVIRONMENTS} problems={problems} />
        </Field>
      )}
      {alerting.environments.map(environment => {
        const level = alerting.levels[environment];
        return (
          <Field key={environment} label={environment}>
            {level ? (
              <>
                <LevelChip level={level.value} />
                <DefaultMark source={level.source} />
              </>
            ) : (
              <NotSet
                annotation={ANNOTATION_ALERT_LEVELS}
                problems={problems}
              />
            )}
          </Field>
        );
      })}
      <Field label="Matchers">
        {alerting.matchers.length > 0 ? (
          <code>{formatMatchers(alerting.matchers)}</code>
        ) : (
          <NotSet
            annotation={ANNOTATION_ALERT_MATCHERS}
            problems={problems}
            text="none, so live alerts are not linked"
          />
        )}
      </Field>
      {alerting.matchers.length > 0 && (
        <Field label="Live">{liveText(alerting)}</Field>
      )}
    </SummarySection>
  );
}

/** Firing alerts per level, and whether "none" can be believed. */
function liveText(alerting: AlertingSection): string {
  const firing = ALERT_LEVELS.filter(level => alerting.counts[level] > 0)
    .map(level => `${alerting.counts[level]} ${level}`)
    .join(', ');
  const counts = firing || 'no alerts firing';
  return alerting.trustworthy
    ? counts
    : `${counts} (not trustworthy: a heartbeat is not ok)`;
}
