import { useApi } from '@backstage/core-plugin-api';
import { LookupResponse } from '@platform-ops/plugin-platform-ops-common';
import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { platformOpsApiRef } from '../../api';

/** Wait this long after the last keystroke before asking the backend. */
export const LOOKUP_DEBOUNCE_MS = 250;

/** The latest settled lookup, and whether a newer one is on its way. */
export type LookupState = {
  /** The trimmed query that `response` or `error` answers. */
  query?: string;
  response?: LookupResponse;
  error?: Error;
  loading: boolean;
};

/**
 * Looks `text` up once typing pauses. A newer query aborts the request of
 * the older one, and a late answer to an older query is dropped, so the
 * results never belong to anything but the latest query.
 */
export function useLookup(text: string): LookupState {
  const api = useApi(platformOpsApiRef);
  const [query, setQuery] = useState('');
  const [state, setState] = useState<LookupState>({ loading: false });
  useDebounce(() => setQuery(text.trim()), LOOKUP_DEBOUNCE_MS, [text]);

  useEffect(() => {
    if (!query) {
      setState({ loading: false });
      return undefined;
    }
    const controller = new AbortController();
    setState(previous => ({ ...previous, loading: true }));
    api.lookup(query, { signal: controller.signal }).then(
      response => {
        if (!controller.signal.aborted) {
          setState({ query, response, loading: false });
        }
      },
      error => {
        if (!controller.signal.aborted) {
          setState({ query, error, loading: false });
        }
      },
    );
    return () => controller.abort();
  }, [api, query]);

  return state;
}
