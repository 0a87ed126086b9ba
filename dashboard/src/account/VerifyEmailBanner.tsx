import { useState } from 'react';
import { useMe } from './me';
import { ResendVerification } from './ResendVerification';

const DISMISSED_KEY = 'zendo.verify_banner_dismissed';

function readDismissed(): boolean {
  try {
    return sessionStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

/** Asks an agent whose email is not verified yet to open the emailed link, with a way to get a new one; dismissible for the tab's session. */
export function VerifyEmailBanner() {
  const me = useMe();
  const [dismissed, setDismissed] = useState(readDismissed);
  if (dismissed || !me.data || me.data.email_verified !== false) return null;

  const dismiss = () => {
    sessionStorage.setItem(DISMISSED_KEY, '1');
    setDismissed(true);
  };
  return (
    <section className="banner" aria-label="Email verification">
      <p className="banner__text">
        Verify your email address — we sent a link to {me.data.email}. <ResendVerification />
      </p>
      <button type="button" className="banner__close" aria-label="Dismiss" onClick={dismiss}>
        ×
      </button>
    </section>
  );
}
