import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { DateTime } from 'luxon';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ownerRefOf } from '../../overview/overviewSearch';
import { Freshness } from '../../shared/Freshness';
import { changesOwnedBy, entriesOf, environmentsOf } from './calendarEntries';
import { monthGrid, monthKey, periodOf } from './calendarPeriod';
import {
  CalendarParam,
  calendarParamsOf,
  withCalendarParams,
} from './calendarSearch';
import { CalendarFilters } from './CalendarFilters';
import { CalendarList } from './CalendarList';
import { CalendarNotes } from './CalendarNotes';
import { CalendarToolbar } from './CalendarToolbar';
import { ChangeDetails } from './ChangeDetails';
import { LOOKUP_DAYS, useChangeLookup } from './useChangeLookup';
import { MonthGrid } from './MonthGrid';
import { SubscribeCard } from './SubscribeCard';
import { useCalendarData, useWindowEnvironments } from './useCalendarData';
import { useComponentOwners } from './useComponentOwners';

/**
 * The Maintenance calendar tab: the window occurrences and announced
 * changes of a month, as a grid or a list, filtered by environment (on the
 * backend) and by the owner of the changed components (in the browser,
 * from the catalog, as `GET /changes` takes no owner), and the iCalendar
 * subscription. Everything it shows is in its URL (`view`, `month`,
 * `environment`, `owner`, `change`), so a link shows the same; a link
 * with `change`, as notifications carry, opens that change in its month.
 */
export function MaintenanceCalendar() {
  const [search, setSearch] = useSearchParams();
  const params = calendarParamsOf(search);
  // One "now" per visit, so the period does not move while it is open.
  const [now] = useState(() => DateTime.now());
  const update = (
    changes: Partial<Record<CalendarParam, string | undefined>>,
    options?: { replace?: boolean },
  ) => setSearch(withCalendarParams(search, changes), options);

  const period = periodOf(params, now);
  const data = useCalendarData({
    from: period.from,
    to: period.to,
    environment: params.environment,
    // A linked change without a month is looked up first, to show its month.
    enabled: !(params.change && !params.month),
  });
  const loadedChanges = data.value?.changes ?? [];
  const loadedFocus = loadedChanges.find(change => change.id === params.change);
  // Looked up when a linked change has no month yet, or is not among
  // those loaded (another month, or filtered out).
  const lookup = useChangeLookup(
    params.change,
    Boolean(params.change && (!params.month || (data.value && !loadedFocus))),
  );
  const answered = lookup.value !== undefined || lookup.error !== undefined;
  useEffect(() => {
    if (!params.month && answered) {
      // The change's month, or this month when there is no such change.
      const start = lookup.value ? DateTime.fromISO(lookup.value.start) : now;
      update({ month: monthKey(start.toLocal()) }, { replace: true });
    }
    // Once the lookup answers, and whenever the month is dropped again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [answered, params.month]);

  const owners = useComponentOwners(
    loadedChanges.flatMap(change => change.entityRefs),
  );
  const otherEnvironments = useWindowEnvironments({
    from: period.from,
    to: period.to,
    enabled: Boolean(params.environment),
  });

  if (params.change && !params.month) return <Progress />;

  const occurrences = data.value?.occurrences ?? [];
  const changes = params.owner
    ? changesOwnedBy(loadedChanges, owners.value ?? new Map(), params.owner)
    : loadedChanges;
  const entries = entriesOf(occurrences, changes);
  const focused = loadedFocus ?? lookup.value ?? undefined;
  const filtered = Boolean(params.environment || params.owner);

  let body: JSX.Element;
  if (data.error) {
    body = (
      <>
        <ResponseErrorPanel
          error={data.error}
          title={
            filtered
              ? 'Could not load the maintenance calendar: check the environment and owner filters'
              : 'Could not load the maintenance calendar'
          }
        />
        {filtered && (
          <Button
            onClick={() => update({ environment: undefined, owner: undefined })}
          >
            Clear the filters
          </Button>
        )}
      </>
    );
  } else if (params.owner && owners.error) {
    body = (
      <ResponseErrorPanel
        error={owners.error}
        title="Could not read the owners of the changed components from the catalog"
      />
    );
  } else if (!data.value || (params.owner && !owners.value)) {
    body = <Progress />;
  } else {
    body = (
      <>
        <CalendarNotes
          occurrences={occurrences.length}
          changes={changes.length}
          truncated={data.value.truncated}
          environment={params.environment}
          owner={params.owner}
        />
        {params.view === 'month' ? (
          <MonthGrid
            weeks={monthGrid(period.month)}
            month={period.month}
            entries={entries}
            now={now}
            focusedChange={params.change}
            onOpenChange={id => update({ change: id })}
          />
        ) : (
          <CalendarList
            entries={entries}
            occurrences={occurrences}
            focusedChange={params.change}
            onOpenChange={id => update({ change: id })}
          />
        )}
        <Typography variant="caption" color="textSecondary" component="div">
          Times in your zone ({now.toLocal().zoneName}); hover a window for its
          own. Changes <Freshness fetchedAt={data.value.loadedAt} />.{' '}
          <Button size="small" onClick={data.retry}>
            Reload
          </Button>
        </Typography>
      </>
    );
  }

  return (
    <Grid container spacing={3} direction="column">
      {params.change && lookup.value === null && (
        <Grid item>
          <Alert
            severity="warning"
            onClose={() => update({ change: undefined })}
          >
            {`No change ${params.change} in the past ${LOOKUP_DAYS} days or to come that you may see: it may be older, or affect only components you cannot read.`}
          </Alert>
        </Grid>
      )}
      {lookup.error && (
        <Grid item>
          <ResponseErrorPanel
            error={lookup.error}
            title={`Could not look up change ${params.change}`}
          />
        </Grid>
      )}
      {focused && (
        <Grid item>
          <ChangeDetails
            change={focused}
            now={now}
            onClose={() => update({ change: undefined })}
          />
        </Grid>
      )}
      <Grid item>
        <Paper>
          <Box p={2}>
            <CalendarToolbar
              title={period.title}
              view={params.view}
              onMove={months =>
                update({ month: monthKey(period.month.plus({ months })) })
              }
              onToday={() =>
                // With a change open, a month is needed to stay on today's.
                update({ month: params.change ? monthKey(now) : undefined })
              }
              onView={view =>
                update({ view: view === 'list' ? 'list' : undefined })
              }
            />
            <Box my={2}>
              <CalendarFilters
                environment={params.environment}
                environments={[
                  ...environmentsOf(occurrences, loadedChanges),
                  ...(otherEnvironments.value ?? []),
                ]}
                owner={params.owner}
                owners={[...new Set(owners.value?.values() ?? [])]}
                onChange={(name, value) =>
                  update({
                    // Written in full, so a shared link says which group.
                    [name]:
                      name === 'owner' && value ? ownerRefOf(value) : value,
                  })
                }
              />
            </Box>
            {data.loading && data.value && <LinearProgress />}
            {body}
          </Box>
        </Paper>
      </Grid>
      <Grid item>
        <SubscribeCard environment={params.environment} owner={params.owner} />
      </Grid>
    </Grid>
  );
}
