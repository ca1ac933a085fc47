import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import { Alert } from '@material-ui/lab';
import { ReactNode } from 'react';
import { FormDialogControls } from './useFormDialog';

/**
 * A button that opens a form in a dialog, with the failure of the last
 * submit above the fields, Cancel, and a submit button that says so while
 * the request is out. The dialog does not close while submitting.
 */
export function FormDialogButton(props: {
  /** The button's label: "Record drill". */
  label: string;
  /** The dialog's title and the form's accessible name: "Record a drill". */
  title: string;
  /** The title's element id, which names the dialog. */
  titleId: string;
  /** The submit button's label, and its label while submitting. */
  submitLabels: { idle: string; submitting: string };
  /** The state, from useFormDialog. */
  dialog: FormDialogControls;
  /** The fields. */
  children: ReactNode;
}) {
  const { label, title, titleId, submitLabels, dialog, children } = props;
  const { open, submitting, failure } = dialog;
  return (
    <>
      <Button variant="contained" color="primary" onClick={dialog.start}>
        {label}
      </Button>
      <Dialog
        open={open}
        onClose={() => !submitting && dialog.close()}
        aria-labelledby={titleId}
        maxWidth="md"
        fullWidth
      >
        <form onSubmit={dialog.submit} noValidate aria-label={title}>
          <DialogTitle id={titleId}>{title}</DialogTitle>
          <DialogContent>
            {failure && (
              <Alert severity="error" role="alert" style={{ marginBottom: 8 }}>
                {failure}
              </Alert>
            )}
            {children}
          </DialogContent>
          <DialogActions>
            <Button onClick={dialog.close} disabled={submitting}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="contained"
              color="primary"
              disabled={submitting}
            >
              {submitting ? submitLabels.submitting : submitLabels.idle}
            </Button>
          </DialogActions>
        </form>
      </Dialog>
    </>
  );
}
