import { useQueryClient } from '@tanstack/react-query';
import type { Website } from '../api/types';
import { navigate } from '../router';
import { WEBSITES_KEY, useSession } from '../session/session';
import { CreateWebsite } from './CreateWebsite';
import { rememberSecret } from './createdSecrets';

/** Creates a website, makes it the current one and goes on to the install step. */
export function useWebsiteCreated(): (website: Website) => void {
  const session = useSession();
  const queryClient = useQueryClient();
  return (website) => {
    if (website.secret_key) rememberSecret(website.id, website.secret_key);
    queryClient.setQueryData<Website[]>(WEBSITES_KEY, (list) => [...(list ?? []), { ...website, secret_key: null }]);
    session.selectWebsite(website.id);
    navigate('/onboarding');
  };
}

/** The first screen of an agent without a website. */
export function Onboarding() {
  const session = useSession();
  const created = useWebsiteCreated();
  return (
    <main className="onboarding">
      <header className="onboarding__head">
        <h1>Welcome to Zendo, {session.agent.name}</h1>
        <p>Create a website, paste the chat widget into its pages, and your visitors can talk to you.</p>
        <button type="button" className="button button--quiet" onClick={() => void session.signOut()}>
          Sign out
        </button>
      </header>
      <CreateWebsite onCreated={created} />
    </main>
  );
}

/** Another website, from inside the workspace. */
export function NewWebsitePage() {
  const created = useWebsiteCreated();
  return (
    <main className="screen screen--narrow">
      <CreateWebsite onCreated={created} />
    </main>
  );
}
