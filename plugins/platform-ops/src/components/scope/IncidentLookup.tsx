import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import { LookupResponse } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { KeyboardEvent, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { platformOpsApiRef } from '../../api';
import { LookupResultCard } from './LookupResultCard';
import { useLookup } from './useLookup';

function IndexFreshness(props: { response: LookupResponse }) {
  const { indexedAt, indexedEntities } = props.response;
  const at = indexedAt ? DateTime.fromISO(indexedAt) : undefined;
  return (
    <Typography variant="caption" color="textSecondary" component="p">
      {at?.isValid ? `Index refreshed ${at.toLocal().toFormat('HH:mm')}, ` : ''}
      {indexedEntities} annotated{' '}
      {indexedEntities === 1 ? 'component' : 'components'}
    </Typography>
  );
}

/** A rejected query says why in the panel's title, not only in its details. */
function errorTitle(error: Error): string | undefined {
  if (error instanceof ResponseError && error.statusCode === 400) {
    return `The lookup was rejected: ${error.cause.message}`;
  }
  return undefined;
}

/**
 * The incident lookup: one search box, focused on load; results as you type;
 * Enter opens the top result.
 */
export function IncidentLookup() {
  const api = useApi(platformOpsApiRef);
  const entityRoute = useRouteRef(entityRouteRef);
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const { query, response, error, loading } = useLookup(text);

  const openTopResult = async (event: KeyboardEvent) => {
    const current = text.trim();
    if (event.key !== 'Enter' || !current) return;
    event.preventDefault();
    // Typed faster than the debounce: ask now rather than open an older
    // query's result. A failure shows once the debounced request settles.
    const answer =
      query === current && response
        ? response
        : await api.lookup(current).catch(() => undefined);
    const top = answer?.results[0];
    if (top) {
      navigate(
        entityRoute(entityRouteParams(top.entity, { encodeParams: true })),
      );
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
        value={text}
        onChange={event => setText(event.target.value)}
        onKeyDown={openTopResult}
        inputProps={{ maxLength: 200, 'aria-describedby': 'lookup-help' }}
      />
      <Typography
        id="lookup-help"
        variant="body2"
        color="textSecondary"
        component="p"
      >
        Search by component name or title, tag, Kubernetes id, or a label value
        from <code>platform-ops/alert-matchers</code> such as a namespace;{' '}
        <code>label=value</code> searches one label. Enter opens the top result.
      </Typography>
      <Box height={4} my={1}>
        {loading && <LinearProgress aria-label="Looking up" />}
      </Box>
      {error && !loading && (
        <ResponseErrorPanel error={error} title={errorTitle(error)} />
      )}
      {response && !error && (
        <Box style={{ opacity: loading ? 0.5 : 1 }} aria-busy={loading}>
          <IndexFreshness response={response} />
          {response.results.length === 0 ? (
            <Typography variant="body1" role="status">
              No component matches '{query}'. Only entities with{' '}
              <code>platform-ops/</code> annotations can be found.
            </Typography>
          ) : (
            <Box
              display="flex"
              flexDirection="column"
              gridGap={16}
              mt={1}
              role="list"
              aria-label="Lookup results"
            >
              {response.results.map(result => (
                <div role="listitem" key={result.entity.ref}>
                  <LookupResultCard result={result} />
                </div>
              ))}
            </Box>
          )}
        </Box>
      )}
    </Box>
  );
}
