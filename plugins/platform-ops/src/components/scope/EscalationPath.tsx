import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import GroupIcon from '@material-ui/icons/Group';
import PersonIcon from '@material-ui/icons/Person';
import { ScopeSection } from '@platform-ops/plugin-platform-ops-common';
import { ContactLink } from './ContactLink';

const useStyles = makeStyles(theme => ({
  list: { margin: 0, paddingLeft: theme.spacing(3) },
  step: { marginBottom: theme.spacing(0.5) },
  icon: {
    fontSize: '1rem',
    verticalAlign: 'text-bottom',
    marginRight: theme.spacing(0.5),
  },
  members: { color: theme.palette.text.secondary },
}));

/** The ordered escalation path: whom to call first, then next. */
export function EscalationPath(props: { scope: ScopeSection }) {
  const { escalation, contacts } = props.scope;
  const classes = useStyles();
  return (
    <ol className={classes.list} aria-label="Escalation path">
      {escalation.map((ref, index) => {
        const contact = contacts[ref];
        const isGroup =
          (contact?.kind ?? ref.split(':')[0]).toLocaleLowerCase('en-US') ===
          'group';
        const Icon = isGroup ? GroupIcon : PersonIcon;
        const members = (contact?.members ?? []).filter(member => member.found);
        return (
          // The same ref may appear twice in a hand-written path.
          <li key={`${index}:${ref}`} className={classes.step}>
            <Icon
              className={classes.icon}
              titleAccess={isGroup ? 'Group' : 'User'}
            />
            <ContactLink entityRef={ref} contact={contact} />
            {members.length > 0 && (
              <Typography
                variant="caption"
                component="div"
                className={classes.members}
              >
                members:{' '}
                {members.map(member => member.title ?? member.ref).join(', ')}
              </Typography>
            )}
          </li>
        );
      })}
    </ol>
  );
}
