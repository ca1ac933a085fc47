import Typography from '@material-ui/core/Typography';
import { ReactNode } from 'react';

/** A titled block of the overview card, one per aspect. */
export function SummarySection(props: { title: string; children: ReactNode }) {
  const { title, children } = props;
  return (
    <section aria-label={title}>
      <Typography variant="overline" component="h3" color="textSecondary">
        {title}
      </Typography>
      {children}
    </section>
  );
}
