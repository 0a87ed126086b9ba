import { RealtimeProvider } from '../realtime/RealtimeProvider';
import { useRoute } from '../router';
import { useSession } from '../session/session';
import { StatusPage } from '../status/StatusPage';
import { InstallStep } from '../onboarding/InstallStep';
import { NewWebsitePage, Onboarding } from '../onboarding/Onboarding';
import { TopBar } from './TopBar';

/** The signed-in app: onboarding until the agent has a website, then the top bar and the current screen. */
export function Workspace() {
  const { website } = useSession();
  const { path } = useRoute();
  if (!website) return <Onboarding />;
  return (
    <RealtimeProvider websiteId={website.id}>
      <TopBar />
      <Screen path={path} />
    </RealtimeProvider>
  );
}

function Screen(props: { path: string }) {
  if (props.path === '/status') return <StatusPage />;
  if (props.path === '/onboarding') return <InstallStep />;
  if (props.path === '/websites/new') return <NewWebsitePage />;
  return <main className="screen" />;
}
