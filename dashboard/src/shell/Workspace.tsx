import { lazy, Suspense } from 'react';
import { VerifyEmailBanner } from '../account/VerifyEmailBanner';
import { InboxPage } from '../inbox/InboxPage';
import { InstallStep } from '../onboarding/InstallStep';
import { NewWebsitePage, Onboarding } from '../onboarding/Onboarding';
import { LiveProvider } from '../realtime/LiveProvider';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { Link, useRoute } from '../router';
import { useSession } from '../session/session';
import { AcceptInvitationPage } from '../settings/team/AcceptInvitationPage';
import { StatusPage } from '../status/StatusPage';
import { TopBar } from './TopBar';

// Screens an agent opens now and then load on first visit, so the inbox starts with a smaller bundle.
const SettingsPage = lazy(() => import('../settings/SettingsPage').then((module) => ({ default: module.SettingsPage })));
const StatsPage = lazy(() => import('../stats/StatsPage').then((module) => ({ default: module.StatsPage })));

/** The signed-in app: onboarding until the agent has a website, then the top bar and the current screen; above them the verify-email banner while the agent's email is not verified. */
export function Workspace() {
  const { website } = useSession();
  const { path } = useRoute();
  if (path === '/invitations/accept') {
    return (
      <>
        <header className="topbar">
          <span className="topbar__brand">Zendo</span>
        </header>
        <AcceptInvitationPage />
      </>
    );
  }
  if (!website) {
    return (
      <>
        <VerifyEmailBanner />
        <Onboarding />
      </>
    );
  }
  return (
    <RealtimeProvider websiteId={website.id}>
      <LiveProvider key={website.id}>
        <TopBar />
        <VerifyEmailBanner />
        <Suspense fallback={<main className="screen" aria-busy="true" />}>
          <Screen path={path} />
        </Suspense>
      </LiveProvider>
    </RealtimeProvider>
  );
}

function Screen(props: { path: string }) {
  const { path } = props;
  if (path === '/' || path === '/inbox' || path.startsWith('/inbox/')) return <InboxPage />;
  if (path === '/settings' || path.startsWith('/settings/')) return <SettingsPage />;
  if (path === '/stats') return <StatsPage />;
  if (path === '/status') return <StatusPage />;
  if (path === '/onboarding') return <InstallStep />;
  if (path === '/websites/new') return <NewWebsitePage />;
  return (
    <main className="screen">
      <h1>Page not found</h1>
      <p>
        <Link to="/inbox">Go to the inbox</Link>
      </p>
    </main>
  );
}
