import { useApi } from '@backstage/core-plugin-api';
import { DateTime } from 'luxon';
import useAsync from 'react-use/esm/useAsync';
import { platformOpsApiRef } from '../api';

/** How far ahead a change may be announced into a window from the form. */
const AHEAD = { months: 6 };

/**
 * The window occurrences from now over the coming months, for choosing one
 * to announce a change in. Asked only once `enabled`, as when a form opens.
 */
export function useWindowOccurrences(enabled: boolean) {
  const platformOpsApi = useApi(platformOpsApiRef);
  return useAsync(async () => {
    if (!enabled) return undefined;
    const now = DateTime.now().toUTC();
    return platformOpsApi.getWindows({
      from: now.toISO()!,
      to: now.plus(AHEAD).toISO()!,
    });
  }, [platformOpsApi, enabled]);
}
