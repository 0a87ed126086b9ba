import type { ServiceCheck } from './checkService';
import type { ComponentHealth } from './health';
import { apiDocsUrl, type Service } from './services';
import { StatusBadge, type Tone } from './StatusBadge';

const STATE_LABELS = { up: 'Up', down: 'Down' } as const;

function badgeOf(check: ServiceCheck | undefined): { tone: Tone; label: string } {
  if (!check) return { tone: 'pending', label: 'Checking' };
  const { health } = check;
  if (!health.reachable) return { tone: 'unreachable', label: 'Unreachable' };
  return { tone: health.state, label: health.state === 'unknown' ? health.status : STATE_LABELS[health.state] };
}

function CheckMeta({ check }: { check: ServiceCheck }) {
  const parts = [`${check.latencyMs} ms`];
  if (check.health.reachable) parts.push(`HTTP ${check.health.httpStatus}`);
  return (
    <p className="service__meta">
      Last checked <time dateTime={check.checkedAt.toISOString()}>{check.checkedAt.toLocaleTimeString()}</time>
      {' · '}
      {parts.join(' · ')}
    </p>
  );
}

function ComponentList({ components }: { components: ComponentHealth[] }) {
  if (components.length === 0) {
    return <p className="service__note">No component details reported.</p>;
  }
  return (
    <ul className="components">
      {components.map((component) => (
        <li key={component.name} className={`component component--${component.state}`}>
          <span className="component__dot" aria-hidden="true" />
          <span className="component__name">{component.name}</span>
          <span className="component__status">{component.status}</span>
          {component.error && (
            <span className="component__error" title={component.error}>
              {component.error}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Health of one service: overall badge, last check, components and a link to its API docs. */
export function ServiceCard({ service, check, hostname }: { service: Service; check?: ServiceCheck; hostname: string }) {
  const badge = badgeOf(check);
  return (
    <article className={`service service--${badge.tone}`}>
      <header className="service__header">
        <h2 className="service__name">{service.name}</h2>
        <StatusBadge {...badge} />
      </header>
      {check ? <CheckMeta check={check} /> : <p className="service__meta">Waiting for the first check…</p>}
      {check &&
        (check.health.reachable ? (
          <ComponentList components={check.health.components} />
        ) : (
          <p className="service__note">{check.health.reason}</p>
        ))}
      <footer className="service__footer">
        <a href={apiDocsUrl(service, hostname)} target="_blank" rel="noopener noreferrer">
          API docs
        </a>
        <span className="service__port">port {service.port}</span>
      </footer>
    </article>
  );
}
