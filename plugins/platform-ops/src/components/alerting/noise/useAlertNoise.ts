import { useApi } from '@backstage/core-plugin-api';
import { AlertNoiseResponse } from '@platform-ops/plugin-platform-ops-common';
import { useCallback, useEffect, useState } from 'react';
import { AlertNoiseFilter, platformOpsApiRef } from '../../../api';

/** The latest settled review, and whether a newer one is coming. */
export type AlertNoiseState = {
  response?: AlertNoiseResponse;
  error?: Error;
  loading: boolean;
  /** Asks for the same review again. */
  retry: () => void;
};

/**
 * The alert-noise review for `filter`. The previous review stays on screen
 * while the next loads; a newer filter aborts the older request, so a late
 * answer never replaces a newer review.
 */
export function useAlertNoise(filter: AlertNoiseFilter): AlertNoiseState {
  const api = useApi(platformOpsApiRef);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<AlertNoiseState, 'retry'>>({
    loading: true,
  });
  // The filter is rebuilt on every render; its text says when it changed.
  const key = JSON.stringify(filter);

  useEffect(() => {
    const controller = new AbortController();
    setState(previous => ({ ...previous, loading: true }));
    api.getAlertNoise(JSON.parse(key), { signal: controller.signal }).then(
      response => {
        if (!controller.signal.aborted) setState({ response, loading: false });
      },
      error => {
        if (!controller.signal.aborted) {
          setState({ error, loading: false });
        }
      },
    );
    return () => controller.abort();
  }, [api, key, attempt]);

  const retry = useCallback(() => setAttempt(count => count + 1), []);
  return { ...state, retry };
}
