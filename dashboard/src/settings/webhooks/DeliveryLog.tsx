import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { settingsApi, settingsKeys, type AttemptView, type DeliveryView } from '../api';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDate } from '../common/dates';

const STATUS = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' } as const;

/** A webhook's deliveries, newest first, each with every attempt, and a redeliver button; older pages on demand. */
export function DeliveryLog({ websiteId, webhookId }: { websiteId: string; webhookId: string }) {
  const queryClient = useQueryClient();
  const key = settingsKeys.deliveries(websiteId, webhookId);
  const log = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => settingsApi.deliveries(websiteId, webhookId, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
  });
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) => settingsApi.redeliver(websiteId, webhookId, deliveryId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const deliveries = log.data?.pages.flatMap((page) => page.deliveries) ?? [];

  return (
    <section className="settings-card" aria-label="Delivery log" data-testid="delivery-log">
      <div className="settings-row settings-row--spread">
        <h4>Delivery log</h4>
        <button type="button" className="settings-button settings-button--small" disabled={log.isFetching} onClick={() => void log.refetch()}>
          Refresh
        </button>
      </div>
      {log.isPending && <p className="settings-muted">Loading deliveries…</p>}
      <ErrorNotice error={log.error} />
      {log.data && deliveries.length === 0 && <p className="settings-muted">No deliveries yet: events of the chosen types will show up here.</p>}
      {deliveries.map((delivery) => (
        <article key={delivery.id} className="settings-delivery" aria-label={`Delivery of ${delivery.event_type}`}>
          <div className="settings-row settings-row--spread">
            <span>
              <code>{delivery.event_type}</code> <span className="settings-strong">{STATUS[delivery.status] ?? delivery.status}</span>{' '}
              <span className="settings-muted">{describeTiming(delivery)}</span>
            </span>
            <button
              type="button"
              className="settings-button settings-button--small"
              disabled={redeliver.isPending}
              onClick={() => redeliver.mutate(delivery.id)}
            >
              {redeliver.isPending && redeliver.variables === delivery.id ? 'Redelivering…' : 'Redeliver'}
            </button>
          </div>
          <p className="settings-muted">Event {delivery.event_id}</p>
          {delivery.attempts.length === 0 ? (
            <p className="settings-muted">Not attempted yet.</p>
          ) : (
            <table className="settings-table">
              <thead>
                <tr>
                  <th scope="col">Attempt</th>
                  <th scope="col">Answer</th>
                  <th scope="col">Latency</th>
                  <th scope="col">Response</th>
                </tr>
              </thead>
              <tbody>
                {delivery.attempts.map((attempt, index) => (
                  <tr key={`${attempt.attempted_at}-${index}`}>
                    <td>
                      {formatDate(attempt.attempted_at)}
                      {attempt.manual && <span className="settings-badge">manual</span>}
                    </td>
                    <td>{describeAnswer(attempt)}</td>
                    <td>{attempt.latency_ms} ms</td>
                    <td>{attempt.response_excerpt ? <pre className="settings-pre settings-excerpt">{attempt.response_excerpt}</pre> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </article>
      ))}
      <ErrorNotice error={redeliver.error} />
      {log.hasNextPage && (
        <button type="button" className="settings-button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {log.isFetchingNextPage ? 'Loading…' : 'Load older deliveries'}
        </button>
      )}
    </section>
  );
}

function describeTiming(delivery: DeliveryView): string {
  if (delivery.status === 'pending') {
    return delivery.next_attempt_at ? `next attempt ${formatDate(delivery.next_attempt_at)}` : `queued ${formatDate(delivery.created_at)}`;
  }
  return delivery.finished_at ? formatDate(delivery.finished_at) : formatDate(delivery.created_at);
}

function describeAnswer(attempt: AttemptView): string {
  const status = attempt.status_code != null ? `HTTP ${attempt.status_code}` : 'No answer';
  return attempt.error ? `${status}: ${attempt.error}` : status;
}
