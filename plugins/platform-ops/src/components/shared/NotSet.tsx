import Typography from '@material-ui/core/Typography';
import { Problem } from '@platform-ops/plugin-platform-ops-common';

/**
 * Stands in for a missing value. When the annotation was written but could
 * not be used, says so instead of pretending it is absent.
 */
export function NotSet(props: {
  annotation: string;
  problems: Problem[];
  text?: string;
}) {
  const { annotation, problems, text = 'not set' } = props;
  const invalid = problems.some(item => item.key === annotation);
  return (
    <Typography component="span" variant="body2" color="textSecondary">
      {invalid ? 'invalid, see the problems above' : text}
    </Typography>
  );
}
