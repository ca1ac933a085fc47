import { useApi } from '@backstage/core-plugin-api';
import {
  OverviewQuery,
  OverviewResponse,
} from '@platform-ops/plugin-platform-ops-common';
import { useCallback, useEffect, useState } from 'react';
import { platformOpsApiRef } from '../../api';

/** The latest settled overview page, and whether a newer one is coming. */
export type OverviewState = {
  response?: OverviewResponse;
  error?: Error;
  loading: boolean;
  /** Asks for the same page again. */
  retry: () => void;
};

/**
 * One page of the overview for `query`. The previous page stays on screen
 * while the next loads; a newer query aborts the older one's request, so
 * a late answer never replaces a newer page.
 */
export function useOverview(query: OverviewQuery): OverviewState {
  const api = useApi(platformOpsApiRef);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<OverviewState, 'retry'>>({
    loading: true,
  });
  // The query is rebuilt on every render; its text says when it changed.
  const key = JSON.stringify(query);

  useEffect(() => {
    const controller = new AbortController();
    setState(previous => ({ ...previous, loading: true }));
    api.getOverview(JSON.parse(key), { signal: controller.signal }).then(
      response => {
        if (!controller.signal.aborted) setState({ response, loading: false });
      },
      error => {
        if (!controller.signal.aborted) {
          setState(previous => ({ ...previous, error, loading: false }));
        }
      },
    );
    return () => controller.abort();
  }, [api, key, attempt]);

  const retry = useCallback(() => setAttempt(count => count + 1), []);
  return { ...state, retry };
}
