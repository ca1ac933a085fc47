import { ResponseError } from '@backstage/errors';
import { Dispatch, FormEvent, SetStateAction, useState } from 'react';
import { newClientId } from '../../api/newClientId';

/** What is wrong with each field, in the words the backend would use. */
export type FieldErrors<Field extends string> = Partial<Record<Field, string>>;

/** What the dialog around a form needs: see FormDialogButton. */
export type FormDialogControls = {
  open: boolean;
  /** True while the request is out: the form is disabled. */
  submitting: boolean;
  /** Why the last submit failed, shown above the fields. */
  failure?: string;
  /** Opens the dialog on an empty form with a new id. */
  start(): void;
  close(): void;
  submit(event: FormEvent): Promise<void>;
};

/** A form dialog's controls with its values and field errors. */
export type FormDialog<Values, Field extends string> = FormDialogControls & {
  values: Values;
  setValues: Dispatch<SetStateAction<Values>>;
  errors: FieldErrors<Field>;
  setErrors: Dispatch<SetStateAction<FieldErrors<Field>>>;
};

/**
 * The state of a dialog whose form creates one thing. Each opening starts
 * from `initial` values with a new id, kept across retries so the thing is
 * created once. A submit checks the fields with `parse` and sends nothing
 * while a field is wrong; a refusal keeps the dialog open with `refusal`'s
 * sentence, and each field the backend's 400 names shows its problem. After
 * a success the dialog closes and `onDone` hears of the result.
 */
export function useFormDialog<
  Values,
  Field extends string,
  Input,
  Result,
>(options: {
  /** The values of a fresh form. */
  initial: () => Values;
  /** The request from the values and the form's id, or what is wrong. */
  parse: (
    values: Values,
    id: string,
  ) => { input: Input; errors?: undefined } | { errors: FieldErrors<Field> };
  send: (input: Input) => Promise<Result>;
  onDone: (result: Result) => void;
  /** The fields named in the message of a backend 400. */
  fieldErrorsOf: (message: string) => FieldErrors<Field>;
  /** What went wrong, in a sentence for the person who submitted. */
  refusal: (error: unknown) => string;
}): FormDialog<Values, Field> {
  const [open, setOpen] = useState(false);
  const [values, setValues] = useState<Values>(options.initial);
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const [failure, setFailure] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [id, setId] = useState(newClientId);

  const start = () => {
    setValues(options.initial());
    setErrors({});
    setFailure(undefined);
    setId(newClientId());
    setOpen(true);
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = options.parse(values, id);
    if (parsed.errors) {
      setErrors(parsed.errors);
      setFailure(undefined);
      return;
    }
    // Without errors it is the request: TypeScript narrows no generic union.
    const { input } = parsed as { input: Input };
    setSubmitting(true);
    setFailure(undefined);
    try {
      const result = await options.send(input);
      setOpen(false);
      options.onDone(result);
    } catch (error) {
      if (error instanceof ResponseError && error.statusCode === 400) {
        setErrors(options.fieldErrorsOf(error.body.error.message));
      }
      setFailure(options.refusal(error));
    } finally {
      setSubmitting(false);
    }
  };

  return {
    open,
    submitting,
    failure,
    start,
    close: () => setOpen(false),
    submit,
    values,
    setValues,
    errors,
    setErrors,
  };
}
