import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  CompoundEntityRef,
  getCompoundEntityRef,
} from '@backstage/catalog-model';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  ANNOTATION_ALERT_LEVELS,
  ANNOTATION_BACKUP_POLICY,
  ANNOTATION_MAINTENANCE_WINDOW,
  ANNOTATION_SCOPE,
} from '@platform-ops/plugin-platform-ops-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { isPlatformOpsAvailable } from '../../annotations';
import { platformOpsApiRef } from '../../api';
import { OpsSummaryCard } from './OpsSummaryCard';

const TITLE = 'Platform Ops';

// The main key of each aspect, as a starting point for the platform team.
const MAIN_ANNOTATIONS = [
  ANNOTATION_SCOPE,
  ANNOTATION_ALERT_LEVELS,
  ANNOTATION_BACKUP_POLICY,
  ANNOTATION_MAINTENANCE_WINDOW,
];

function SummaryLoader(props: { entityRef: CompoundEntityRef }) {
  const { kind, namespace, name } = props.entityRef;
  const platformOpsApi = useApi(platformOpsApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => platformOpsApi.getSummary({ kind, namespace, name }),
    [platformOpsApi, kind, namespace, name],
  );

  if (loading) {
    return (
      <InfoCard title={TITLE}>
        <Progress />
      </InfoCard>
    );
  }
  if (error) {
    return (
      <InfoCard title={TITLE}>
        <ResponseErrorPanel error={error} />
        <Box mt={2}>
          <Button variant="outlined" color="primary" onClick={retry}>
            Retry
          </Button>
        </Box>
      </InfoCard>
    );
  }
  if (!value) {
    return null;
  }
  return <OpsSummaryCard summary={value} />;
}

/**
 * Scope, alerting, backups and maintenance of the current entity at a
 * glance, with any problems found in its annotations.
 */
export function EntityPlatformOpsCard() {
  const { entity } = useEntity();
  if (!isPlatformOpsAvailable(entity)) {
    return (
      <InfoCard title={TITLE}>
        <MissingAnnotationEmptyState annotation={MAIN_ANNOTATIONS} />
      </InfoCard>
    );
  }
  return <SummaryLoader entityRef={getCompoundEntityRef(entity)} />;
}
