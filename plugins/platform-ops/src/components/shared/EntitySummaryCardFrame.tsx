import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import {
  MissingAnnotationEmptyState,
  useEntity,
} from '@backstage/plugin-catalog-react';
import { OpsSummary } from '@platform-ops/plugin-platform-ops-common';
import { ReactNode } from 'react';
import { isPlatformOpsAvailable } from '../../annotations';
import { useOpsSummary } from '../../hooks/useOpsSummary';
import { GeneratedAt } from './GeneratedAt';

function Loaded(props: {
  title: string;
  render: (summary: OpsSummary) => ReactNode;
}) {
  const { value, loading, error, retry } = useOpsSummary();
  if (loading) {
    return (
      <InfoCard title={props.title}>
        <Progress />
      </InfoCard>
    );
  }
  if (error || !value) {
    return (
      <InfoCard title={props.title}>
        {error && <ResponseErrorPanel error={error} />}
        <Box mt={2}>
          <Button variant="outlined" color="primary" onClick={retry}>
            Retry
          </Button>
        </Box>
      </InfoCard>
    );
  }
  return (
    <InfoCard
      title={props.title}
      subheader={<GeneratedAt generatedAt={value.generatedAt} />}
    >
      {props.render(value)}
    </InfoCard>
  );
}

/**
 * The frame every entity card of the suite uses: the empty state naming the
 * annotation to add when the entity has none, a progress bar while loading,
 * the error with a retry, and "as of" once the summary is loaded. The cards
 * only say what to show of the summary.
 */
export function EntitySummaryCardFrame(props: {
  title: string;
  /** The annotations a platform team adds first for this aspect. */
  annotation: string | string[];
  render: (summary: OpsSummary) => ReactNode;
}) {
  const { entity } = useEntity();
  if (!isPlatformOpsAvailable(entity)) {
    return (
      <InfoCard title={props.title}>
        <MissingAnnotationEmptyState annotation={props.annotation} />
      </InfoCard>
    );
  }
  return <Loaded title={props.title} render={props.render} />;
}
