import { StatusPage } from './status/StatusPage';

/** Application shell: top bar and the current screen. */
export function App() {
  return (
    <>
      <header className="topbar">
        <span className="topbar__brand">Zendo</span>
        <nav aria-label="Main">
          <span className="topbar__link" aria-current="page">
            Platform status
          </span>
        </nav>
      </header>
      <StatusPage />
    </>
  );
}
