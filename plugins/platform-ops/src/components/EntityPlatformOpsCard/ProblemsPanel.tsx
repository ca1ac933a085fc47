import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import WarningIcon from '@material-ui/icons/ReportProblemOutlined';
import { WarningPanel } from '@backstage/core-components';
import { Problem } from '@platform-ops/plugin-platform-ops-common';

/**
 * Every problem found in the entity's annotations, each naming the key, the
 * text as written and what was expected.
 */
export function ProblemsPanel(props: { problems: Problem[] }) {
  const { problems } = props;
  if (problems.length === 0) {
    return null;
  }
  const title = `${problems.length} annotation ${
    problems.length === 1 ? 'problem' : 'problems'
  }`;
  return (
    <WarningPanel title={title} defaultExpanded>
      <List dense disablePadding aria-label="Annotation problems">
        {problems.map((item, index) => (
          <ListItem key={`${item.key}-${index}`} disableGutters>
            <ListItemIcon>
              <WarningIcon fontSize="small" />
            </ListItemIcon>
            <ListItemText primary={item.message} />
          </ListItem>
        ))}
      </List>
    </WarningPanel>
  );
}
