import { useApi } from '@backstage/core-plugin-api';
import { DateTime } from 'luxon';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { platformOpsApiRef } from '../../../api';

/**
 * The window occurrences and the changes that overlap a period, of one
 * environment when `environment` is given. Both are filtered by the
 * backend (`GET /windows` and `GET /changes` take `environment`).
 * `loadedAt` says when the changes were read.
 */
export function useCalendarData(options: {
  from: DateTime;
  to: DateTime;
  environment?: string;
  /** False while the period is not known yet, so nothing is asked. */
  enabled: boolean;
}) {
  const platformOpsApi = useApi(platformOpsApiRef);
  const from = options.from.toUTC().toISO()!;
  const to = options.to.toUTC().toISO()!;
  const { environment, enabled } = options;
  return useAsyncRetry(async () => {
    if (!enabled) return undefined;
    const range = environment ? { from, to, environment } : { from, to };
    const [windows, changes] = await Promise.all([
      platformOpsApi.getWindows(range),
      platformOpsApi.getChanges(range),
    ]);
    return { ...windows, changes, loadedAt: DateTime.now().toISO()! };
  }, [platformOpsApi, from, to, environment, enabled]);
}

/**
 * The environments that have windows in a period, for the environment
 * filter's choices. Asked only while a filter hides the others
 * (`enabled`); otherwise the calendar's own data names them all.
 */
export function useWindowEnvironments(options: {
  from: DateTime;
  to: DateTime;
  enabled: boolean;
}) {
  const platformOpsApi = useApi(platformOpsApiRef);
  const from = options.from.toUTC().toISO()!;
  const to = options.to.toUTC().toISO()!;
  const { enabled } = options;
  return useAsyncRetry(async () => {
    if (!enabled) return [];
    const { occurrences } = await platformOpsApi.getWindows({ from, to });
    return occurrences.flatMap(occurrence => occurrence.environments);
  }, [platformOpsApi, from, to, enabled]);
}
