import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** One labelled value in a summary section. */
export function Field(props: { label: string; children: ReactNode }) {
  const { label, children } = props;
  return (
    <Typography variant="body2" component="div" gutterBottom>
      <Box component="span" fontWeight="fontWeightBold">
        {label}:
      </Box>{' '}
      {children}
    </Typography>
  );
}
