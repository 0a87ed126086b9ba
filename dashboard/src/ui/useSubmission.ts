import { useState } from 'react';
import { ApiError } from '../api/client';

/** A form's submission: busy while it runs, then the refusal's message (worded by `describe`) and its field errors. */
export function useSubmission(describe: (error: unknown) => string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setFields({});
    try {
      await action();
    } catch (e) {
      setError(describe(e));
      if (e instanceof ApiError) setFields(e.fieldErrors());
    } finally {
      setBusy(false);
    }
  };

  return { busy, error, fields, run };
}
