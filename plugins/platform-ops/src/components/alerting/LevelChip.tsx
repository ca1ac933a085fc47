import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import ErrorIcon from '@material-ui/icons/Error';
import InfoOutlinedIcon from '@material-ui/icons/InfoOutlined';
import ReportProblemOutlinedIcon from '@material-ui/icons/ReportProblemOutlined';
import { AlertLevel } from '@platform-ops/plugin-platform-ops-common';
import { LEVEL_COLORS } from './levelColors';

/**
 * What each level means, shown as the chip's title.
 */
export const LEVEL_DESCRIPTIONS: Record<AlertLevel, string> = {
  P1: 'P1: wakes the on-call engineer, even at 2 AM',
  P2: 'P2: handled within a business day',
  P3: 'P3: reviewed regularly',
};

const colors = (theme: Theme) => LEVEL_COLORS[theme.palette.type];

// Doubled class ('&&') so the level styles win over MuiChip-outlined.
const useStyles = makeStyles(theme => ({
  P1: {
    '&&': {
      backgroundColor: colors(theme).P1,
      color: theme.palette.common.white,
      fontWeight: theme.typography.fontWeightBold as number,
    },
    '& $icon': { color: theme.palette.common.white },
  },
  P2: {
    '&&': {
      border: `2px solid ${colors(theme).P2}`,
      color: colors(theme).P2,
    },
    '& $icon': { color: 'inherit' },
  },
  P3: {
    '&&': {
      border: `1px dashed ${colors(theme).P3}`,
      color: colors(theme).P3,
    },
    '& $icon': { color: 'inherit' },
  },
  icon: {},
}));

const ICONS: Record<AlertLevel, JSX.Element> = {
  P1: <ErrorIcon />,
  P2: <ReportProblemOutlinedIcon />,
  P3: <InfoOutlinedIcon />,
};

/**
 * An alert level as a chip that stays distinguishable without colour: P1 is
 * filled with an error icon, P2 outlined with a warning icon, P3 dashed with
 * an info icon.
 */
export function LevelChip(props: {
  level: AlertLevel;
  size?: 'small' | 'medium';
}) {
  const { level, size = 'small' } = props;
  const classes = useStyles();
  return (
    <Chip
      label={level}
      icon={ICONS[level]}
      size={size}
      variant={level === 'P1' ? 'default' : 'outlined'}
      classes={{ root: classes[level], icon: classes.icon }}
      title={LEVEL_DESCRIPTIONS[level]}
      data-level={level}
    />
  );
}
