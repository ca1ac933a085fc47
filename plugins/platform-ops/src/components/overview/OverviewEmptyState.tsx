import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';

/**
 * What an empty overview means: the filters leave nothing (with a way
 * out), or no component is annotated yet (with what to do about it).
 */
export function OverviewEmptyState(props: {
  filtered: boolean;
  onClear: () => void;
}) {
  if (props.filtered) {
    return (
      <Box p={2} role="status">
        <Typography variant="body1" gutterBottom>
          No components match these filters.
        </Typography>
        <Button variant="outlined" onClick={props.onClear}>
          Clear filters
        </Button>
      </Box>
    );
  }
  return (
    <Box p={2} role="status">
      <Typography variant="body1">
        No annotated components yet: add <code>platform-ops/</code> annotations
        to <code>catalog-info.yaml</code>, such as{' '}
        <code>platform-ops/scope: platform</code>.
      </Typography>
    </Box>
  );
}
