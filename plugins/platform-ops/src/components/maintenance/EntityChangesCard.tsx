import Box from '@material-ui/core/Box';
import { Alert } from '@material-ui/lab';
import { ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { platformOpsChangeCreatePermission } from '@platform-ops/plugin-platform-ops-common';
import { useState } from 'react';
import { ChangeResult } from '../../api';
import { useChangeHistory } from '../../hooks/useChangeHistory';
import { useOpsSummary } from '../../hooks/useOpsSummary';
import { AnnounceChangeButton } from './AnnounceChangeButton';
import { ChangeHistory } from './ChangeHistory';
import { STATUS_TEXT } from './describeChange';

type Outcome = { text: string; warnings: string[] };

/**
 * The entity's maintenance changes with their retrospectives, and, for
 * those allowed, the "Announce change" form and each change's status
 * actions. What the backend warns of after a success (short notice, owners
 * not notified, silences not set) stays on screen until dismissed.
 */
export function EntityChangesCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useChangeHistory(entityRef);
  const { allowed } = usePermission({
    permission: platformOpsChangeCreatePermission,
  });
  // The same request as the cards', shared by the client.
  const summary = useOpsSummary().value;
  const environments = summary?.alerting.environments ?? [];
  const [outcome, setOutcome] = useState<Outcome>();

  const announced = (result: ChangeResult) => {
    setOutcome({
      text: `Announced: ${result.change.title}`,
      warnings: result.warnings,
    });
    retry();
  };
  const updated = (result: ChangeResult) => {
    setOutcome({
      text: `${result.change.title}: ${STATUS_TEXT[
        result.change.status
      ].toLocaleLowerCase('en-US')}`,
      warnings: result.warnings,
    });
    retry();
  };

  return (
    <>
      {allowed && (
        <Box display="flex" justifyContent="flex-end" mb={1}>
          <AnnounceChangeButton
            entityRef={entityRef}
            environments={environments}
            onAnnounced={announced}
          />
        </Box>
      )}
      {outcome && (
        <Alert
          severity={outcome.warnings.length > 0 ? 'warning' : 'success'}
          onClose={() => setOutcome(undefined)}
          style={{ marginBottom: 8 }}
          aria-label="Change saved"
        >
          {outcome.text}
          {outcome.warnings.length > 0 && (
            <ul style={{ margin: 0, paddingLeft: '1.25em' }}>
              {outcome.warnings.map(warning => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          )}
        </Alert>
      )}
      {error ? (
        <ResponseErrorPanel error={error} title="Could not load the changes" />
      ) : (
        <ChangeHistory
          changes={value ?? []}
          loading={loading}
          onUpdated={allowed ? updated : undefined}
        />
      )}
    </>
  );
}
