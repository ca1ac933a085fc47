import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  StatusError,
  StatusOK,
  StatusWarning,
} from '@backstage/core-components';
import { ReactNode } from 'react';

/** How a judged value stands: fine, needs a look, or broken. */
export type StatusKind = 'ok' | 'warning' | 'error';

/** A sentence with the status it gives, as the describe functions return. */
export type Judgement = { status: StatusKind; text: string };

const ICONS = { ok: StatusOK, warning: StatusWarning, error: StatusError };

/**
 * A status icon followed by words. The icon only repeats the words for a
 * glance (colour alone says nothing to many readers), and the core status
 * components hide their children from screen readers, so the words stay
 * outside them.
 */
export function StatusLine(props: {
  status: StatusKind;
  children: ReactNode;
  /** Within a line of text, such as a `Field`, instead of a line of its own. */
  inline?: boolean;
}) {
  const { status, children, inline } = props;
  const Icon = ICONS[status];
  return (
    <Box
      component={inline ? 'span' : 'div'}
      display={inline ? 'inline-flex' : 'flex'}
      alignItems="baseline"
      data-status={status}
    >
      <Icon />
      <Typography
        variant="body2"
        component="span"
        style={{ overflowWrap: 'anywhere' }}
      >
        {children}
      </Typography>
    </Box>
  );
}
