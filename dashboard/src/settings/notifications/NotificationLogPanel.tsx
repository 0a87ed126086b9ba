import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../session/session';
import { settingsApi, settingsKeys, type NotificationFilter, type NotificationView } from '../api';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDate } from '../common/dates';
import { Forbidden } from '../common/Forbidden';
import { Permission } from '../permissions';
import { kindText, LOG_KINDS, reasonText } from './kinds';

const STATUSES = [
  { value: 'delivered', label: 'Delivered' },
  { value: 'queued', label: 'Queued' },
  { value: 'suppressed', label: 'Suppressed' },
  { value: 'failed', label: 'Failed' },
];

/** Every notification decided for the website, newest first, with what became of it; pages loaded on demand. */
export function NotificationLogPanel({ websiteId }: { websiteId: string }) {
  const { can } = useSession();
  const allowed = can(Permission.readNotificationLog);
  const [filter, setFilter] = useState<NotificationFilter>({});
  const log = useInfiniteQuery({
    queryKey: settingsKeys.notifications(websiteId, filter),
    queryFn: ({ pageParam }) => settingsApi.notifications(websiteId, filter, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.next_cursor ?? undefined,
    enabled: allowed,
  });

  if (!allowed) return <Forbidden what="reading the notification log" />;
  const notifications = log.data?.pages.flatMap((page) => page.notifications) ?? [];

  return (
    <div className="settings-section">
      <p className="settings-muted">The mails Zendo decided to send about this website, newest first, and what became of each.</p>
      <div className="settings-row" role="group" aria-label="Filters">
        <label className="settings-choice">
          Status
          <select
            className="settings-input settings-input--short"
            value={filter.status ?? ''}
            onChange={(event) => setFilter({ ...filter, status: event.target.value || undefined })}
          >
            <option value="">Any</option>
            {STATUSES.map((status) => (
              <option key={status.value} value={status.value}>
                {status.label}
              </option>
            ))}
          </select>
        </label>
        <label className="settings-choice">
          Kind
          <select
            className="settings-input settings-input--short"
            value={filter.kind ?? ''}
            onChange={(event) => setFilter({ ...filter, kind: event.target.value || undefined })}
          >
            <option value="">Any</option>
            {LOG_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindText(kind).label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {log.isPending && <p className="settings-muted">Loading the log…</p>}
      <ErrorNotice error={log.error} />
      {log.data && notifications.length === 0 && <p className="settings-muted">No notifications yet.</p>}
      {notifications.length > 0 && (
        <table className="settings-table" data-testid="notification-log">
          <caption className="settings-caption">Notifications, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Kind</th>
              <th scope="col">Recipient</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {notifications.map((notification) => (
              <tr key={notification.id}>
                <td>{formatDate(notification.created_at)}</td>
                <td>{kindText(notification.kind).label}</td>
                <td>{notification.recipient_email}</td>
                <td>
                  <span className="settings-strong">{statusLabel(notification)}</span>
                  {notification.reason && (
                    <>
                      <br />
                      <span className="settings-muted">{reasonText(notification.reason)}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.hasNextPage && (
        <div className="settings-actions">
          <button type="button" className="settings-button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
            {log.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </div>
  );
}

function statusLabel(notification: NotificationView): string {
  switch (notification.status) {
    case 'delivered':
      return 'Delivered';
    case 'suppressed':
      return 'Suppressed';
    case 'failed':
      return 'Failed';
    default:
      return notification.attempts > 0 ? `Queued (${notification.attempts} attempts so far)` : 'Queued';
  }
}
