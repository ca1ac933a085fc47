import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import {
  CopyTextButton,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import { useState } from 'react';
import { platformOpsApiRef } from '../../../api';
import { subscriptionUrl } from './subscriptionUrl';

type State =
  | { step: 'idle' }
  | { step: 'busy' }
  | { step: 'created'; url: string; baseUrl: string }
  | { step: 'revoked' }
  | { step: 'failed'; action: string; error: Error };

/**
 * The iCalendar subscription: a personal feed URL for a calendar client,
 * with the calendar's current filters. The URL carries a secret token that
 * stands for the user; it is created only on request, creating another
 * stops the previous one, and "Revoke" stops it at once.
 */
export function SubscribeCard(props: { environment?: string; owner?: string }) {
  const platformOpsApi = useApi(platformOpsApiRef);
  const discoveryApi = useApi(discoveryApiRef);
  const [state, setState] = useState<State>({ step: 'idle' });

  const create = async () => {
    setState({ step: 'busy' });
    try {
      const [{ url }, baseUrl] = await Promise.all([
        platformOpsApi.createCalendarToken(),
        discoveryApi.getBaseUrl('platform-ops'),
      ]);
      setState({ step: 'created', url, baseUrl });
    } catch (error) {
      setState({
        step: 'failed',
        action: 'create the subscription URL',
        error: error as Error,
      });
    }
  };

  const revoke = async () => {
    setState({ step: 'busy' });
    try {
      await platformOpsApi.revokeCalendarToken();
      setState({ step: 'revoked' });
    } catch (error) {
      setState({
        step: 'failed',
        action: 'revoke the subscription URL',
        error: error as Error,
      });
    }
  };

  const url =
    state.step === 'created'
      ? subscriptionUrl(state.url, state.baseUrl, props)
      : undefined;

  return (
    <InfoCard title="Subscribe">
      <Typography variant="body2" paragraph>
        Add the windows and changes to your calendar (Outlook, Google Calendar,
        Apple Calendar, Thunderbird) as an iCalendar feed. It covers the past
        month and the next 400 days, with the environment and owner filters
        chosen above, and your calendar reads it again by itself.
      </Typography>
      <Typography variant="body2" paragraph>
        The URL holds a secret that stands for you, so that your calendar can
        read the feed without signing in: keep it to yourself. Creating a new
        URL stops the previous one; Revoke stops it at once.
      </Typography>
      {state.step === 'busy' && <Progress />}
      {state.step === 'failed' && (
        <ResponseErrorPanel
          error={state.error}
          title={`Could not ${state.action}; sign in to Backstage as a user and try again`}
        />
      )}
      {state.step === 'created' && !url && (
        <Alert severity="error">
          The backend returned no usable http(s) subscription URL.
        </Alert>
      )}
      {url && (
        <Box display="flex" alignItems="center" mb={2}>
          <TextField
            id="maintenance-calendar-subscription-url"
            label="Subscription URL"
            value={url}
            fullWidth
            variant="outlined"
            size="small"
            InputProps={{ readOnly: true }}
            onFocus={event => event.target.select()}
          />
          <CopyTextButton
            text={url}
            aria-label="Copy the subscription URL"
            tooltipText="Subscription URL copied"
          />
        </Box>
      )}
      {state.step === 'revoked' && (
        <Alert severity="success" style={{ marginBottom: 16 }}>
          Revoked: your subscription URL no longer works. Calendars that used it
          stop updating.
        </Alert>
      )}
      <Box display="flex" style={{ gap: 8 }}>
        <Button
          variant="contained"
          color="primary"
          disabled={state.step === 'busy'}
          onClick={create}
        >
          {state.step === 'created'
            ? 'Create a new URL'
            : 'Create subscription URL'}
        </Button>
        <Button
          variant="outlined"
          disabled={state.step === 'busy'}
          onClick={revoke}
        >
          Revoke
        </Button>
      </Box>
    </InfoCard>
  );
}
