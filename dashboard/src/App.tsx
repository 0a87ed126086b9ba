import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { CodeSignInPage } from './account/CodeSignInPage';
import { ForgotPasswordPage } from './account/ForgotPasswordPage';
import { PASSWORD_CHANGED, ResetPasswordPage } from './account/ResetPasswordPage';
import { VerifyEmailPage } from './account/VerifyEmailPage';
import { AuthPage } from './auth/AuthPage';
import { tokens } from './auth/tokens';
import { navigate, useRoute } from './router';
import { SessionProvider } from './session/session';
import { Workspace } from './shell/Workspace';
import { StatusPage } from './status/StatusPage';
import { ErrorPanel } from './ui/ErrorPanel';

const AUTH_PATHS = ['/login', '/signup', '/sign-in-code'];
/** The targets of emailed links and the password reset request: shown signed in or not, never remembered to return to. */
const ACCOUNT_PATHS = ['/forgot-password', '/reset-password', '/verify-email'];
const RETURN_KEY = 'zendo.return_to';

/** Keeps the address (with its fragment, e.g. an invitation link) to come back to after signing in. */
function rememberReturn(): void {
  const { pathname, search, hash } = window.location;
  if (pathname !== '/' || search || hash) sessionStorage.setItem(RETURN_KEY, pathname + search + hash);
}

function takeReturn(): string | null {
  const back = sessionStorage.getItem(RETURN_KEY);
  sessionStorage.removeItem(RETURN_KEY);
  return back && back.startsWith('/') && !back.startsWith('//') ? back : null;
}

/** The application: the public status page, the sign-in screens, or the signed-in workspace. */
export function App() {
  const auth = useSyncExternalStore(tokens.subscribe, tokens.snapshot);
  const queryClient = useQueryClient();
  const { path, query } = useRoute();

  useEffect(() => {
    void tokens.restore();
  }, []);

  useEffect(() => {
    if (auth.status === 'signed-out') {
      queryClient.clear();
      if (!AUTH_PATHS.includes(path) && !ACCOUNT_PATHS.includes(path) && path !== '/status') rememberReturn();
    }
    if (auth.status === 'signed-in') {
      const back = takeReturn();
      if (back) navigate(back, { replace: true });
      else if (AUTH_PATHS.includes(path)) navigate('/', { replace: true });
    }
  }, [auth.status, path, queryClient]);

  if (path === '/forgot-password') return <ForgotPasswordPage />;
  if (path === '/reset-password') return <ResetPasswordPage />;
  if (path === '/verify-email') return <VerifyEmailPage signedIn={auth.status === 'signed-in'} />;
  if (path === '/status' && auth.status !== 'signed-in') {
    return (
      <>
        <header className="topbar">
          <span className="topbar__brand">Zendo</span>
        </header>
        <StatusPage />
      </>
    );
  }
  if (auth.status === 'unknown') return <p className="splash">Loading…</p>;
  if (auth.status === 'signed-out') {
    if (path === '/sign-in-code') return <CodeSignInPage />;
    const notice =
      auth.reason === 'expired'
        ? 'Your session has ended. Please sign in again.'
        : query.get('notice') === PASSWORD_CHANGED
          ? 'Your password was changed. Sign in with the new one.'
          : undefined;
    return <AuthPage mode={path === '/signup' ? 'signup' : 'login'} notice={notice} />;
  }
  return (
    <SessionProvider
      agent={auth.agent}
      loading={<p className="splash">Loading your websites…</p>}
      failed={(error, retry) => <ErrorPanel error={error} retry={retry} />}
    >
      <Workspace />
    </SessionProvider>
  );
}
