import { VerifyEmailBanner } from '../account/VerifyEmailBanner';
import { InboxPage } from '../inbox/InboxPage';
import { InstallStep } from '../onboarding/InstallStep';
import { NewWebsitePage, Onboarding } from '../onboarding/Onboarding';
import { LiveProvider } from '../realtime/LiveProvider';
import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { Link, useRoute } from '../router';
import { useSession } from '../session/session';
import { SettingsPage } from '../settings/SettingsPage';
import { AcceptInvitationPage } from '../settings/team/AcceptInvitationPage';
import { StatsPage } from '../stats/StatsPage';
import { StatusPage } from '../status/StatusPage';
import { TopBar } from './TopBar';

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
        <Screen path={path} />
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
