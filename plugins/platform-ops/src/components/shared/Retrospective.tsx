import Typography from '@material-ui/core/Typography';
import { Retrospective as RetrospectiveValue } from '@platform-ops/plugin-platform-ops-common';

/**
 * A retrospective of a drill or a change: what went well, what to improve
 * and the action items, or "none recorded".
 */
export function Retrospective(props: { retrospective?: RetrospectiveValue }) {
  const {
    wentWell = '',
    toImprove = '',
    actionItems = [],
  } = props.retrospective ?? {};
  // Free text from whoever recorded it: shown as text, never HTML.
  return (
    <Typography
      variant="body2"
      component="div"
      style={{ whiteSpace: 'pre-line' }}
    >
      {wentWell && (
        <div>
          <strong>Went well:</strong> {wentWell}
        </div>
      )}
      {toImprove && (
        <div>
          <strong>To improve:</strong> {toImprove}
        </div>
      )}
      {actionItems.length > 0 && (
        <div>
          <strong>Action items:</strong>
          <ul style={{ margin: 0, paddingLeft: '1.25em' }}>
            {actionItems.map((item, index) => (
              // The same item may be written twice.
              <li key={`${index}:${item}`}>{item}</li>
            ))}
          </ul>
        </div>
      )}
      {!wentWell && !toImprove && actionItems.length === 0 && 'none recorded'}
    </Typography>
  );
}
