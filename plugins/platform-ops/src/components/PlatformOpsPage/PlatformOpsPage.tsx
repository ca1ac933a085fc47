import {
  Content,
  Header,
  Page,
  TabbedLayout,
} from '@backstage/core-components';
import { AlertNoise } from '../alerting/noise';
import { DrillsOverview } from '../backups/DrillsOverview';
import { MaintenanceCalendar } from '../maintenance/calendar';
import { PlatformOpsOverview } from '../overview/PlatformOpsOverview';
import { IncidentLookup } from '../scope/IncidentLookup';
import { SourcesTable } from '../shared/SourcesTable';

/**
 * The Platform Ops page: the incident lookup, every component's
 * disaster-recovery drills, the maintenance calendar, and the health of
 * every data source.
 */
export function PlatformOpsPage() {
  return (
    <Page themeId="tool">
      <Header
        title="Platform Ops"
        subtitle="Ownership, alerting, backups and maintenance of the platform"
      />
      <TabbedLayout>
        <TabbedLayout.Route path="/" title="Incident lookup">
          <Content>
            <IncidentLookup />
          </Content>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/overview" title="Overview">
          <Content>
            <PlatformOpsOverview />
          </Content>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/noise" title="Alert noise">
          <Content>
            <AlertNoise />
          </Content>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/drills" title="Drills">
          <Content>
            <DrillsOverview />
          </Content>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/maintenance" title="Maintenance calendar">
          <Content>
            <MaintenanceCalendar />
          </Content>
        </TabbedLayout.Route>
        <TabbedLayout.Route path="/sources" title="Sources">
          <Content>
            <SourcesTable />
          </Content>
        </TabbedLayout.Route>
      </TabbedLayout>
    </Page>
  );
}
