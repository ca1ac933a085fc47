import { makeStyles } from '@material-ui/core/styles';

/**
 * Okabe-Ito hues, darkened for 4.5:1 text contrast on light backgrounds,
 * with a border style each: the environment's name is always written out,
 * the colour and the border only help the eye find it again.
 */
const MARKS = [
  { color: '#0069a8', style: 'solid' },
  { color: '#b84a00', style: 'double' },
  { color: '#00745a', style: 'dashed' },
  { color: '#a8437e', style: 'dotted' },
  { color: '#7a6a00', style: 'solid' },
  { color: '#4b4b4b', style: 'double' },
] as const;

/** Well-known names keep the same mark whatever else is configured. */
const KNOWN: Record<string, number> = { staging: 0, production: 1 };

/**
 * The colour and border style of an environment: fixed for staging and
 * production, otherwise from its name, so an environment keeps its mark
 * whatever the filter shows.
 */
export function environmentMark(environment: string): (typeof MARKS)[number] {
  const known = KNOWN[environment];
  if (known !== undefined) return MARKS[known];
  let hash = 0;
  for (const character of environment) {
    hash = (hash * 31 + character.charCodeAt(0)) % 1_000_003;
  }
  return MARKS[2 + (hash % (MARKS.length - 2))];
}

const useStyles = makeStyles(theme => ({
  label: {
    display: 'inline-block',
    borderLeftWidth: 4,
    paddingLeft: theme.spacing(0.5),
    fontWeight: theme.typography.fontWeightMedium as number,
    lineHeight: 1.4,
  },
}));

/** An environment's name with its mark on the left. */
export function EnvironmentLabel(props: { environment: string }) {
  const classes = useStyles();
  const mark = environmentMark(props.environment);
  return (
    <span
      className={classes.label}
      style={{ borderLeftStyle: mark.style, borderLeftColor: mark.color }}
      data-environment={props.environment}
    >
      {props.environment}
    </span>
  );
}
