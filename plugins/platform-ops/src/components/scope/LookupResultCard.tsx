import Box from '@material-ui/core/Box';
import Card from '@material-ui/core/Card';
import CardContent from '@material-ui/core/CardContent';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import {
  entityRouteParams,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  ALERT_LEVELS,
  isHttpUrl,
  LookupResult,
} from '@platform-ops/plugin-platform-ops-common';
import { LevelChip } from '../alerting/LevelChip';
import { ContactLink } from './ContactLink';
import { EscalationPath } from './EscalationPath';
import { scopeSentence } from './scopeSentence';

const FIELD_NAMES: Record<LookupResult['match']['field'], string> = {
  name: 'name',
  title: 'title',
  'kubernetes-id': 'Kubernetes id',
  'alert-label': 'alert label',
  tag: 'tag',
};

// Read at 2 AM: whom to call is larger than the rest.
const useStyles = makeStyles({
  contact: { fontSize: '1.125rem' },
});

/** One lookup result: owner, escalation and runbook without another click. */
export function LookupResultCard(props: { result: LookupResult }) {
  const { entity, match, scope, alerts, alertsTrustworthy } = props.result;
  const entityRoute = useRouteRef(entityRouteRef);
  const classes = useStyles();
  const firing = ALERT_LEVELS.filter(level => alerts[level] > 0);
  return (
    <Card
      variant="outlined"
      component="article"
      aria-label={entity.title ?? entity.name}
    >
      <CardContent>
        <Box display="flex" alignItems="baseline" flexWrap="wrap" gridGap={8}>
          <Typography variant="h5" component="h2">
            <Link
              // Encoded as the catalog's own entity links are.
              to={entityRoute(
                entityRouteParams(entity, { encodeParams: true }),
              )}
            >
              {entity.title ?? entity.name}
            </Link>
          </Typography>
          <Typography variant="body2" color="textSecondary">
            {entity.kind.toLocaleLowerCase('en-US')}:{entity.namespace}/
            {entity.name} · matched {FIELD_NAMES[match.field]}{' '}
            <code>{match.matched}</code>
          </Typography>
        </Box>
        <Typography variant="h6" component="p" gutterBottom>
          {scopeSentence(scope) ?? 'Scope not declared'}
        </Typography>
        <Typography
          variant="body1"
          component="div"
          gutterBottom
          className={classes.contact}
        >
          <strong>Accountable: </strong>
          {scope.accountable ? (
            <ContactLink
              entityRef={scope.accountable}
              contact={scope.contacts[scope.accountable]}
            />
          ) : (
            'unknown'
          )}
        </Typography>
        {scope.ownerDiffers && scope.owner && (
          <Typography variant="body1" component="div" gutterBottom>
            <strong>Owner in the catalog: </strong>
            <ContactLink
              entityRef={scope.owner}
              contact={scope.contacts[scope.owner]}
            />
          </Typography>
        )}
        <Typography variant="body1" component="div" className={classes.contact}>
          <strong>Escalation:</strong>
          {scope.escalation.length > 0 ? (
            <EscalationPath scope={scope} />
          ) : (
            ' none declared'
          )}
        </Typography>
        <Typography variant="body1" component="div" gutterBottom>
          <strong>Runbook: </strong>
          {isHttpUrl(scope.runbook) ? (
            <Link to={scope.runbook} externalLinkIcon>
              {scope.runbook}
            </Link>
          ) : (
            // Never a link: only http(s) is safe to follow.
            <span>
              {scope.runbook ? 'invalid, not an http(s) link' : 'none'}
            </span>
          )}
        </Typography>
        <Box
          display="flex"
          alignItems="center"
          flexWrap="wrap"
          gridGap={8}
          aria-label="Live alerts"
        >
          <Typography variant="body2" component="span">
            <strong>Live alerts:</strong> {firing.length === 0 && 'none'}
          </Typography>
          {firing.map(level => (
            <Box key={level} display="flex" alignItems="center" gridGap={4}>
              <LevelChip level={level} />
              <span>× {alerts[level]}</span>
            </Box>
          ))}
          {!alertsTrustworthy && (
            <Typography variant="body2" component="span" color="error">
              (a heartbeat is not ok: these counts cannot be trusted)
            </Typography>
          )}
        </Box>
      </CardContent>
    </Card>
  );
}
