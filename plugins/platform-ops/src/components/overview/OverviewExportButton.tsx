import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import GetAppIcon from '@material-ui/icons/GetApp';
import { useApi } from '@backstage/core-plugin-api';
import { OverviewQuery } from '@platform-ops/plugin-platform-ops-common';
import { DateTime } from 'luxon';
import { useState } from 'react';
import { platformOpsApiRef } from '../../api';
import { downloadText } from './downloadText';
import { fetchAllOverviewRows } from './fetchAllOverviewRows';
import { overviewCsv } from './overviewCsv';

type Outcome = { severity: 'error' | 'warning'; text: string };

/**
 * Downloads every row of the current filter (all pages, not only the one
 * shown) as `platform-ops-overview-<date>.csv`.
 */
export function OverviewExportButton(props: {
  query: Omit<OverviewQuery, 'offset' | 'limit'>;
  disabled?: boolean;
}) {
  const api = useApi(platformOpsApiRef);
  const [exporting, setExporting] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();

  const exportCsv = async () => {
    setExporting(true);
    setOutcome(undefined);
    try {
      const { rows, total, truncated } = await fetchAllOverviewRows(
        query => api.getOverview(query),
        props.query,
      );
      // The byte order mark makes spreadsheets read the file as UTF-8.
      downloadText(
        `platform-ops-overview-${DateTime.local().toFormat('yyyy-MM-dd')}.csv`,
        `\uFEFF${overviewCsv(rows)}`,
        'text/csv;charset=utf-8',
      );
      if (truncated) {
        setOutcome({
          severity: 'warning',
          text: `The file holds the first ${rows.length} of ${total} rows: narrow the filters to export the rest.`,
        });
      }
    } catch (error) {
      setOutcome({
        severity: 'error',
        text: `Export failed: ${(error as Error).message}`,
      });
    } finally {
      setExporting(false);
    }
  };

  return (
    <Box display="flex" alignItems="center" gridGap={8}>
      {outcome && (
        <Typography
          variant="body2"
          role="alert"
          color={outcome.severity === 'error' ? 'error' : 'textPrimary'}
        >
          {outcome.text}
        </Typography>
      )}
      <Button
        variant="outlined"
        startIcon={<GetAppIcon />}
        onClick={exportCsv}
        disabled={exporting || props.disabled}
      >
        {exporting ? 'Exporting…' : 'Export CSV'}
      </Button>
    </Box>
  );
}
