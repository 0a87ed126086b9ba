import { POLL_INTERVAL_MS, useServiceChecks } from './useServiceChecks';
import { ServiceCard } from './ServiceCard';
import { SERVICES } from './services';
import { summarize } from './summary';

/** The "Platform status" screen: live health of every backend service. */
export function StatusPage() {
  const checks = useServiceChecks(SERVICES);
  const summary = summarize(SERVICES.map((service) => checks[service.name]));
  return (
    <main className="page">
      <h1 className="page__title">Platform status</h1>
      <p className="page__lead">
        Health of the Zendo services behind this gateway, checked every {POLL_INTERVAL_MS / 1000} seconds.
      </p>
      <p className={`summary summary--${summary.tone}`} role="status">
        {summary.text}
      </p>
      <section className="services" aria-label="Services">
        {SERVICES.map((service) => (
          <ServiceCard key={service.name} service={service} check={checks[service.name]} hostname={window.location.hostname} />
        ))}
      </section>
      <p className="page__footnote">
        API docs links open each service&rsquo;s Swagger UI on its own port, as laid out for local development.
      </p>
    </main>
  );
}
