import Typography from '@material-ui/core/Typography';
import { Sourced } from '@platform-ops/plugin-platform-ops-common';

/**
 * Marks a value that comes from the `platformOps` config defaults rather
 * than the entity's own annotation.
 */
export function DefaultMark(props: { source: Sourced<unknown>['source'] }) {
  if (props.source !== 'config') {
    return null;
  }
  return (
    <Typography
      component="span"
      variant="caption"
      color="textSecondary"
      title="From the platformOps config defaults, not from an annotation"
    >
      {' '}
      (default)
    </Typography>
  );
}
