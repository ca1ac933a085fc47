import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** One labelled value in a summary section. */
export function Field(props: { label: string; children: ReactNode }) {
  const { label, children } = props;
  return (
    // Long values (runbook URLs, matchers) wrap instead of running into the
    // next column.
    <Typography
      variant="body2"
      component="div"
      gutterBottom
      style={{ overflowWrap: 'anywhere' }}
    >
      <Box component="span" fontWeight="fontWeightBold">
        {label}:
      </Box>{' '}
      {children}
    </Typography>
  );
}
