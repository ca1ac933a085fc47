import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { LookupResponse } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { KeyboardEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { platformOpsApiRef } from '../../api';
import { entityRouteParams, LookupResultCard } from './LookupResultCard';

/** Wait this long after the last keystroke before asking the backend. */
const DEBOUNCE_MS = 250;

function IndexFreshness(props: { response: LookupResponse }) {
  const at = props.response.indexedAt ? DateTime.fromISO(props.response.indexedAt) : undefined;
  return (
    <Typography variant="caption" color="textSecondary">
      {props.response.indexedEntities} annotated components
      {at?.isValid ? `, index refreshed ${at.toLocal().toFormat('HH:mm')}` : ''}
    </Typography>
  );
}

/**
 * The incident lookup: one search box, focused on load; results as you type;
 * Enter opens the top result.
 */
export function IncidentLookup() {
  const api = useApi(platformOpsApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced, setDebounced] = useState('');
  useDebounce(() => setDebounced(query.trim()), DEBOUNCE_MS, [query]);
  // useAsync keeps only the latest call's result, so an older query's
  // answer never replaces a newer one.
  const { value, loading, error } = useAsync(
    async () => (debounced ? api.lookup(debounced) : undefined),
    [api, debounced],
  );

  const openTopResult = async (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || !query.trim()) return;
    event.preventDefault();
    const response = query.trim() === debounced && value ? value : await api.lookup(query.trim());
    const top = response.results[0];
    if (top) {
      navigate(entityRoute(entityRouteParams(top.entity)));
    }
  };

  return (
    <Box maxWidth={960}>
      <TextField
        id="incident-lookup"
        label="Component, namespace or alert label"
        placeholder="ingress-nginx or namespace=orders"
        variant="outlined"
        fullWidth
        // eslint-disable-next-line jsx-a11y/no-autofocus -- the page exists to type into during an incident
        autoFocus
        value={query}
        onChange={event => setQuery(event.target.value)}
        onKeyDown={openTopResult}
        inputProps={{ maxLength: 200, 'aria-describedby': 'lookup-help' }}
      />
      <Typography id="lookup-help" variant="body2" color="textSecondary" component="p">
        Matches names, titles, tags, Kubernetes ids and the label values in{' '}
        <code>platform-ops/alert-matchers</code>; <code>label=value</code> works too. Enter opens
        the top result.
      </Typography>
      <Box height={4} my={1}>
        {loading && <LinearProgress aria-label="Looking up" />}
      </Box>
      {error && <ResponseErrorPanel error={error} />}
      {!error && value && (
        <>
          <IndexFreshness response={value} />
          {value.results.length === 0 ? (
            <Typography variant="body1" role="status">
              No component matches '{value.query}'. Only entities with <code>platform-ops/</code>{' '}
              annotations are searched.
            </Typography>
          ) : (
            <Box display="flex" flexDirection="column" gridGap={16} mt={1} role="list" aria-label="Lookup results">
              {value.results.map(result => (
                <div role="listitem" key={result.entity.ref}>
                  <LookupResultCard result={result} />
                </div>
              ))}
            </Box>
          )}
        </>
      )}
    </Box>
  );
}
