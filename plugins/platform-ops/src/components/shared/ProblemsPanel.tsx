import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import { makeStyles } from '@material-ui/core/styles';
import { WarningPanel } from '@backstage/core-components';
import { Problem } from '@platform-ops/plugin-platform-ops-common';

const useStyles = makeStyles({
  // The panel lays its content out in a flex row; without these, a long
  // message is cut off instead of wrapping.
  list: { minWidth: 0, width: '100%' },
  message: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
});

/**
 * Every problem found in the entity's annotations, each naming the key, the
 * text as written and what was expected.
 */
export function ProblemsPanel(props: { problems: Problem[] }) {
  const { problems } = props;
  const classes = useStyles();
  if (problems.length === 0) {
    return null;
  }
  const title = `${problems.length} annotation ${
    problems.length === 1 ? 'problem' : 'problems'
  }`;
  return (
    <WarningPanel title={title} defaultExpanded>
      <List
        dense
        disablePadding
        aria-label="Annotation problems"
        className={classes.list}
      >
        {problems.map((item, index) => (
          <ListItem key={`${item.key}-${index}`} disableGutters>
            <ListItemIcon>
              <WarningIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText
              primary={item.message}
              primaryTypographyProps={{ className: classes.message }}
            />
          </ListItem>
        ))}
      </List>
    </WarningPanel>
  );
}
