import Chip from '@material-ui/core/Chip';
import { makeStyles, Theme } from '@material-ui/core/styles';
import NewReleasesIcon from '@material-ui/icons/NewReleases';
import SecurityIcon from '@material-ui/icons/Security';
import UpdateIcon from '@material-ui/icons/Update';
import { ChangeClass } from '@platform-ops/plugin-platform-ops-common';
import { CLASS_TEXT } from './describeChange';

/**
 * Okabe-Ito hues, darkened for 4.5:1 text contrast on light backgrounds.
 * Colour only reinforces the class: the chips differ in words, fill, border
 * and icon.
 */
const CLASS_COLORS: Record<'light' | 'dark', Record<ChangeClass, string>> = {
  light: { major: '#b84a00', minor: '#0069a8', 'security-patch': '#00745a' },
  dark: { major: '#b84a00', minor: '#56b4e9', 'security-patch': '#2fc597' },
};

/** What each class asks of the teams, shown as the chip's title. */
const CLASS_DESCRIPTIONS: Record<ChangeClass, string> = {
  major: 'Major update: announced at least a month ahead, better two',
  minor: 'Minor update: announced a week ahead',
  'security-patch': 'Security patch: may go in at once',
};

const colors = (theme: Theme) => CLASS_COLORS[theme.palette.type];

// Doubled class ('&&') so the class styles win over MuiChip-outlined.
const useStyles = makeStyles(theme => ({
  major: {
    '&&': {
      backgroundColor: colors(theme).major,
      color: theme.palette.common.white,
      fontWeight: theme.typography.fontWeightBold as number,
    },
    '& $icon': { color: theme.palette.common.white },
  },
  minor: {
    '&&': {
      border: `2px solid ${colors(theme).minor}`,
      color: colors(theme).minor,
    },
    '& $icon': { color: 'inherit' },
  },
  'security-patch': {
    '&&': {
      border: `2px dashed ${colors(theme)['security-patch']}`,
      color: colors(theme)['security-patch'],
    },
    '& $icon': { color: 'inherit' },
  },
  icon: {},
}));

const ICONS: Record<ChangeClass, JSX.Element> = {
  major: <NewReleasesIcon />,
  minor: <UpdateIcon />,
  'security-patch': <SecurityIcon />,
};

/**
 * A change's class as a chip that stays distinguishable without colour: a
 * major update is filled with a burst icon, a minor update outlined with a
 * clock arrow, a security patch dashed with a shield, each with its words.
 */
export function ChangeClassChip(props: { changeClass: ChangeClass }) {
  const { changeClass } = props;
  const classes = useStyles();
  return (
    <Chip
      label={CLASS_TEXT[changeClass]}
      icon={ICONS[changeClass]}
      size="small"
      variant={changeClass === 'major' ? 'default' : 'outlined'}
      classes={{ root: classes[changeClass], icon: classes.icon }}
      title={CLASS_DESCRIPTIONS[changeClass]}
      data-class={changeClass}
    />
  );
}
