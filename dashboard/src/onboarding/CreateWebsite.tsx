import { useState, type FormEvent } from 'react';
import { apiFetch, describeError } from '../api/client';
import type { Website } from '../api/types';
import { Field } from '../ui/Field';
import { useSubmission } from '../ui/useSubmission';
import { hostOf, originFor } from './snippet';

/** The form that creates a website: name, domain, allowed origins (the demo page's origin offered). */
export function CreateWebsite(props: { onCreated(website: Website): void }) {
  const here = window.location.origin;
  const [name, setName] = useState('');
  const [domain, setDomain] = useState('');
  const [origin, setOrigin] = useState('');
  const [originEdited, setOriginEdited] = useState(false);
  const [allowHere, setAllowHere] = useState(true);
  const { busy, error, fields, run } = useSubmission(describeError);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const host = hostOf(domain);
    const origins = [origin.trim(), allowHere ? here : ''].filter((o) => o !== '');
    void run(async () => {
      const website = await apiFetch<Website>('/v1/websites', {
        body: { name: name.trim(), domains: host ? [host] : [], allowed_origins: [...new Set(origins)] },
      });
      props.onCreated(website);
    });
  };

  return (
    <form className="card onboarding__form" onSubmit={submit} aria-labelledby="create-title">
      <h2 id="create-title">Create your first website</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <Field label="Website name" error={fields.name}>
        <input name="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
      </Field>
      <Field label="Domain" hint="Where the chat widget will run, e.g. shop.example.com" error={fields['domains[0]']}>
        <input
          name="domain"
          value={domain}
          onChange={(e) => {
            setDomain(e.target.value);
            if (!originEdited) setOrigin(originFor(e.target.value));
          }}
        />
      </Field>
      <Field label="Allowed origin" hint="The browser origin of your site, with no path" error={fields['allowed_origins[0]']}>
        <input
          name="origin"
          value={origin}
          onChange={(e) => {
            setOrigin(e.target.value);
            setOriginEdited(true);
          }}
        />
      </Field>
      <label className="check">
        <input type="checkbox" name="allow-here" checked={allowHere} onChange={(e) => setAllowHere(e.target.checked)} />
        Also allow {here} (the demo page)
      </label>
      <button className="button button--primary" type="submit" disabled={busy}>
        Create website
      </button>
    </form>
  );
}
