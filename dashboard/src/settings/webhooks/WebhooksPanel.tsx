import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useSession } from '../../session/session';
import { settingsApi, settingsKeys, type WebhookBody, type WebhookView } from '../api';
import { ConfirmButton } from '../common/ConfirmButton';
import { ErrorNotice } from '../common/ErrorNotice';
import { formatDate } from '../common/dates';
import { Forbidden } from '../common/Forbidden';
import { OneTimeSecret } from '../common/OneTimeSecret';
import { Permission } from '../permissions';
import { DeliveryLog } from './DeliveryLog';
import { describeTypes, MAX_WEBHOOKS } from './eventTypes';
import { WebhookForm } from './WebhookForm';

type ShownSecret = { label: string; secret: string };

/**
 * The website's webhook subscriptions: create, edit, rotate the secret, delete, and read each one's delivery log. A
 * new or rotated `whsec_` secret lives only in this component's state, shown once, never in the query cache.
 */
export function WebhooksPanel({ websiteId }: { websiteId: string }) {
  const { can } = useSession();
  const allowed = can(Permission.manageWebhooks);
  const queryClient = useQueryClient();
  const webhooks = useQuery({
    queryKey: settingsKeys.webhooks(websiteId),
    queryFn: () => settingsApi.webhooks(websiteId),
    enabled: allowed,
  });
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<ShownSecret | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: settingsKeys.webhooks(websiteId) });
  const create = useMutation({
    mutationFn: (body: WebhookBody) => settingsApi.createWebhook(websiteId, body),
    onSuccess: (created) => {
      setCreating(false);
      setShown({ label: `Signing secret of ${created.url}`, secret: created.secret });
      void refresh();
    },
  });

  if (!allowed) return <Forbidden what="managing webhooks" />;
  const full = (webhooks.data?.length ?? 0) >= MAX_WEBHOOKS;

  return (
    <div className="settings-section">
      <p className="settings-muted">
        Zendo POSTs the website’s events as JSON to your endpoints, signed with each endpoint’s secret in the
        Zendo-Signature header, and retries for up to 24 hours until the endpoint answers 2xx.
      </p>
      {shown && (
        <OneTimeSecret label={shown.label} value={shown.secret} onDismiss={() => setShown(null)}>
          <p className="settings-muted">
            You will not see this secret again. Your endpoint checks each request’s Zendo-Signature with it; lost it? Rotate it.
          </p>
        </OneTimeSecret>
      )}
      {webhooks.isPending && <p className="settings-muted">Loading webhooks…</p>}
      <ErrorNotice error={webhooks.error} />
      {webhooks.data?.length === 0 && <p className="settings-muted">No webhooks yet.</p>}
      {webhooks.data?.map((webhook) => (
        <WebhookCard key={webhook.id} websiteId={websiteId} webhook={webhook} onSecret={setShown} onChanged={refresh} />
      ))}
      {creating ? (
        <section className="settings-card" aria-labelledby="webhook-new-title">
          <h3 id="webhook-new-title">New webhook</h3>
          <WebhookForm
            id="webhook-new"
            label="New webhook"
            submitLabel="Create webhook"
            pending={create.isPending}
            error={create.error}
            onSubmit={(body) => create.mutate(body)}
            onCancel={() => {
              setCreating(false);
              create.reset();
            }}
          />
        </section>
      ) : (
        webhooks.data && (
          <div className="settings-actions">
            <button type="button" className="settings-button settings-button--primary" disabled={full} onClick={() => setCreating(true)}>
              Add a webhook
            </button>
            {full && <span className="settings-muted">A website has at most {MAX_WEBHOOKS} webhooks: delete one to add another.</span>}
          </div>
        )
      )}
    </div>
  );
}

function WebhookCard(props: { websiteId: string; webhook: WebhookView; onSecret: (shown: ShownSecret) => void; onChanged: () => void }) {
  const { websiteId, webhook } = props;
  const [editing, setEditing] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const update = useMutation({
    mutationFn: (body: WebhookBody) => settingsApi.updateWebhook(websiteId, webhook.id, body),
    onSuccess: () => {
      setEditing(false);
      props.onChanged();
    },
  });
  const rotate = useMutation({
    mutationFn: () => settingsApi.rotateWebhookSecret(websiteId, webhook.id),
    onSuccess: (rotated) => {
      props.onSecret({ label: `New signing secret of ${webhook.url}`, secret: rotated.secret });
      props.onChanged();
    },
  });
  const remove = useMutation({
    mutationFn: () => settingsApi.deleteWebhook(websiteId, webhook.id),
    onSuccess: () => props.onChanged(),
  });
  const titleId = `webhook-${webhook.id}-title`;

  return (
    <section className="settings-card" aria-labelledby={titleId} data-testid="webhook">
      <h3 id={titleId} className="settings-webhook__url">
        {webhook.url}
      </h3>
      {webhook.description && <p>{webhook.description}</p>}
      <p>
        <span className="settings-strong">{describeState(webhook)}</span>
        <span className="settings-muted"> · {describeTypes(webhook.event_types)} · secret …{webhook.secret_hint}</span>
      </p>
      {editing ? (
        <WebhookForm
          id={`webhook-${webhook.id}`}
          label={`Edit webhook ${webhook.url}`}
          submitLabel="Save webhook"
          existing={webhook}
          pending={update.isPending}
          error={update.error}
          onSubmit={(body) => update.mutate(body)}
          onCancel={() => {
            setEditing(false);
            update.reset();
          }}
        />
      ) : (
        <div className="settings-row">
          <button type="button" className="settings-button settings-button--small" onClick={() => setEditing(true)}>
            Edit
          </button>
          <button type="button" className="settings-button settings-button--small" aria-expanded={showLog} onClick={() => setShowLog(!showLog)}>
            {showLog ? 'Hide deliveries' : 'Deliveries'}
          </button>
          <ConfirmButton label="Rotate secret" confirmLabel="Issue a new secret now" disabled={rotate.isPending} onConfirm={() => rotate.mutate()} />
          <ConfirmButton label="Delete" confirmLabel={`Delete this webhook and its log`} disabled={remove.isPending} onConfirm={() => remove.mutate()} />
        </div>
      )}
      <ErrorNotice error={rotate.error ?? remove.error} />
      {showLog && <DeliveryLog websiteId={websiteId} webhookId={webhook.id} />}
    </section>
  );
}

function describeState(webhook: WebhookView): string {
  if (webhook.disabled_at) {
    return `Disabled ${formatDate(webhook.disabled_at)} after ${webhook.consecutive_failures} failed deliveries in a row; edit it and tick Active to resume`;
  }
  if (!webhook.active) return 'Paused';
  return webhook.consecutive_failures > 0 ? `Active, ${webhook.consecutive_failures} failed deliveries in a row` : 'Active';
}
