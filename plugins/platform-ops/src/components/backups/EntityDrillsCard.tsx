import Box from '@material-ui/core/Box';
import { ResponseErrorPanel } from '@backstage/core-components';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { usePermission } from '@backstage/plugin-permission-react';
import { platformOpsDrillCreatePermission } from '@platform-ops/plugin-platform-ops-common';
import { useDrills } from '../../hooks/useDrills';
import { useOpsSummary } from '../../hooks/useOpsSummary';
import { DrillHistory } from './DrillHistory';
import { RecordDrillButton } from './RecordDrillButton';

/**
 * The entity's drill history with each retrospective, and the "Record
 * drill" form for those allowed to record one.
 */
export function EntityDrillsCard() {
  const { entity } = useEntity();
  const entityRef = stringifyEntityRef(entity);
  const { value, loading, error, retry } = useDrills(entityRef);
  const { allowed } = usePermission({
    permission: platformOpsDrillCreatePermission,
  });
  // The same request as the cards', shared by the client.
  const summary = useOpsSummary().value;
  const environments = summary?.alerting.environments ?? [];
  return (
    <>
      {allowed && (
        <Box display="flex" justifyContent="flex-end" mb={1}>
          <RecordDrillButton
            entityRef={entityRef}
            environments={environments}
            onRecorded={retry}
          />
        </Box>
      )}
      {error ? (
        <ResponseErrorPanel error={error} title="Could not load the drills" />
      ) : (
        <DrillHistory
          title="Disaster-recovery drills"
          drills={value?.drills ?? []}
          loading={loading}
        />
      )}
    </>
  );
}
