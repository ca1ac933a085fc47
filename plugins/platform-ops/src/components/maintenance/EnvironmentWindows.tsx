import Typography from '@material-ui/core/Typography';
import {
  ANNOTATION_MAINTENANCE_WINDOW,
  MaintenanceSection,
  Problem,
} from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { DefaultMark } from '../shared/DefaultMark';
import { Field } from '../shared/Field';
import { NotSet } from '../shared/NotSet';
import { OccurrenceTime } from './OccurrenceTime';

/**
 * Each environment's maintenance window by name, with the occurrence in
 * progress or the next one.
 */
export function EnvironmentWindows(props: {
  maintenance: MaintenanceSection;
  problems: Problem[];
  now?: DateTime;
  compact?: boolean;
}) {
  const { maintenance, problems, now, compact } = props;
  const windows = Object.entries(maintenance.windows);
  if (windows.length === 0) {
    return (
      <Field label="Window">
        <NotSet
          annotation={ANNOTATION_MAINTENANCE_WINDOW}
          problems={problems}
        />
      </Field>
    );
  }
  return (
    <>
      {windows.map(([environment, assigned]) => {
        const { current, next } = maintenance.occurrences?.[environment] ?? {};
        const shown = current ?? next;
        return (
          <section
            key={environment}
            aria-label={`Maintenance window in ${environment}`}
          >
            <Field label={environment}>
              {assigned.value}
              <DefaultMark source={assigned.source} />
              {compact && shown && (
                <>
                  {': '}
                  <OccurrenceTime occurrence={shown} now={now} compact />
                </>
              )}
            </Field>
            {!compact && (
              <Typography variant="body2" component="div" gutterBottom>
                {shown ? (
                  <>
                    {current ? 'Now: ' : 'Next: '}
                    <OccurrenceTime occurrence={shown} now={now} />
                  </>
                ) : (
                  'No occurrence in the next 400 days'
                )}
              </Typography>
            )}
          </section>
        );
      })}
    </>
  );
}
