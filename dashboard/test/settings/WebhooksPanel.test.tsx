// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import type { AttemptView, DeliveryView, WebhookView } from '../../src/settings/api';
import { WebhooksPanel } from '../../src/settings/webhooks/WebhooksPanel';
import { api, button, click, render, session, type, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

const site = website();
const base = `/v1/websites/${site.id}/webhooks`;
let view: Rendered;

const webhook = (overrides: Partial<WebhookView> = {}): WebhookView => ({
  id: 'w1',
  website_id: site.id,
  url: 'https://hooks.acme.test/zendo',
  event_types: ['message.created'],
  active: true,
  secret_hint: 'a1b2',
  consecutive_failures: 0,
  created_at: '2026-11-30T10:00:00Z',
  updated_at: '2026-11-30T10:00:00Z',
  ...overrides,
});

type Call = { method?: string; body?: unknown };

/** The webhooks API over `listed`; `answer` may answer (or throw for) any call first. */
function webhooksApi(listed: WebhookView[], answer: (path: string, options: Call) => unknown = () => undefined) {
  api.mockImplementation(async (path: string, options: Call = {}) => {
    const answered = await answer(path, options);
    if (answered !== undefined) return answered;
    if (path === base && !options.method) return structuredClone(listed);
    throw new Error(`unexpected ${options.method ?? 'GET'} ${path}`);
  });
}

const form = (label: string) => view.container.querySelector(`form[aria-label="${label}"]`)!;
const typeBox = (scope: Element, type: string) =>
  [...scope.querySelectorAll('label')].find((label) => label.querySelector('code')?.textContent === type)!.querySelector('input')!;
const secretShown = () => view.container.querySelector('[data-testid="one-time-secret"]')?.textContent;

describe('WebhooksPanel', () => {
  it('creates a webhook for the chosen event types and shows its secret once', async () => {
    const listed: WebhookView[] = [];
    const secret = 'whsec_0123456789abcdefghijklmnopqrstuv';
    webhooksApi(listed, (_path, options) => {
      if (options.method === 'POST') {
        listed.push(webhook({ event_types: ['message.created', 'thread.rated'], secret_hint: 'stuv' }));
        return { ...webhook({ event_types: ['message.created', 'thread.rated'] }), secret, secret_hint: 'stuv' };
      }
    });
    view = await render(<WebhooksPanel websiteId={site.id} />, session(site));
    expect(view.container.textContent).toContain('No webhooks yet.');

    await click(button(view.container, 'Add a webhook'));
    await type(view.container.querySelector('#webhook-new-url'), ' https://hooks.acme.test/zendo ');
    await click(typeBox(form('New webhook'), 'message.created'));
    await click(typeBox(form('New webhook'), 'thread.rated'));
    await click(button(view.container, 'Create webhook'));

    expect(api).toHaveBeenCalledWith(base, {
      method: 'POST',
      body: { url: 'https://hooks.acme.test/zendo', event_types: ['message.created', 'thread.rated'] },
    });
    expect(secretShown()).toBe(secret);
    expect(view.container.textContent).toContain('You will not see this secret again.');
    expect(view.container.textContent).toContain('message.created, thread.rated · secret …stuv');

    await click(button(view.container, 'I have stored it'));
    expect(view.container.textContent).not.toContain(secret);
  });

  it('asks for a URL and an event type before sending, and sends only * when every type is chosen', async () => {
    webhooksApi([], (_path, options) => (options.method === 'POST' ? { ...webhook({ event_types: ['*'] }), secret: 'whsec_x' } : undefined));
    view = await render(<WebhooksPanel websiteId={site.id} />, session(site));
    await click(button(view.container, 'Add a webhook'));
    await click(button(view.container, 'Create webhook'));

    expect(api).toHaveBeenCalledTimes(1);
    expect(view.container.querySelector('#webhook-new-url-errors')?.textContent).toBe('Enter the URL Zendo posts events to.');
    expect(view.container.querySelector('#webhook-new-types-errors')?.textContent).toBe('Choose at least one event type.');

    await type(view.container.querySelector('#webhook-new-url'), 'https://hooks.acme.test/all');
    await click(typeBox(form('New webhook'), 'visitor.created'));
    await click([...form('New webhook').querySelectorAll('label')].find((label) => label.textContent?.startsWith('All events'))!.querySelector('input'));
    expect(typeBox(form('New webhook'), 'visitor.updated').disabled).toBe(true);
    await click(button(view.container, 'Create webhook'));

    expect(api).toHaveBeenCalledWith(base, { method: 'POST', body: { url: 'https://hooks.acme.test/all', event_types: ['*'] } });
  });

  it.each([
    [new ApiError(400, 'invalid_request', 'invalid', { errors: [{ field: 'url', message: 'is refused: 10.0.0.1 resolves to 10.0.0.1, a private address, which webhooks are never sent to' }] }), '#webhook-new-url-errors', 'is refused: 10.0.0.1 resolves to 10.0.0.1, a private address, which webhooks are never sent to'],
    [new ApiError(400, 'invalid_request', 'invalid', { errors: [{ field: 'url', message: 'must be an https URL' }] }), '#webhook-new-url-errors', 'must be an https URL'],
    [new ApiError(409, 'too_many_webhooks', 'the website already has 20 webhooks'), '[role="alert"]', 'the website already has 20 webhooks'],
  ])('shows a refused creation as text where it belongs (%#)', async (error, where, text) => {
    webhooksApi([], (_path, options) => {
      if (options.method === 'POST') throw error;
    });
    view = await render(<WebhooksPanel websiteId={site.id} />, session(site));
    await click(button(view.container, 'Add a webhook'));
    await type(view.container.querySelector('#webhook-new-url'), 'https://hooks.acme.test/<b>x</b>');
    await click(typeBox(form('New webhook'), 'message.created'));
    await click(button(view.container, 'Create webhook'));

    expect(view.container.querySelector(where)?.textContent).toBe(text);
    expect(secretShown()).toBeUndefined();
    expect(view.container.querySelector('#webhook-new-url')?.getAttribute('aria-invalid')).toBe(String(where.includes('url')));
  });

  it('sends only what an edit changed, the active flag included', async () => {
    webhooksApi([webhook({ description: 'CRM' })], (_path, options) => (options.method === 'PATCH' ? webhook({ active: false }) : undefined));
    view = await render(<WebhooksPanel websiteId={site.id} />, session(site));
    await click(button(view.container, 'Edit'));
    const edit = form(`Edit webhook ${webhook().url}`);
    await click(typeBox(edit, 'conversation.closed'));
    await click([...edit.querySelectorAll('label')].find((label) => label.textContent?.startsWith('Active'))!.querySelector('input'));
    await click(button(view.container, 'Save webhook'));

    expect(api).toHaveBeenCalledWith(`${base}/w1`, { method: 'PATCH', body: { event_types: ['message.created', 'conversation.closed'], active: false } });
    expect(view.container.querySelector('form')).toBeNull();
  });

  it('tells a webhook disabled after failures apart from a paused one', async () => {
    webhooksApi([
      webhook({ active: false, consecutive_failures: 5, disabled_at: '2026-11-30T11:00:00Z' }),
      webhook({ id: 'w2', url: 'https://paused.acme.test/', active: false, event_types: ['*'] }),
    ]);
    view = await render(<WebhooksPanel websiteId={site.id} />, session(site));
    const [disabled, paused] = view.container.querySelectorAll('[data-testid="webhook"]');
    expect(disabled.textContent).toContain('after 5 failed deliveries in a row');
    expect(paused.textContent).toContain('Paused · All events');
  });

  it('rotates the secret and deletes the webhook only once confirmed', async () => {
    const listed = [webhook()];
    webhooksApi(listed, (path, options) => {
      if (path.endsWith('/rotate-secret')) return { id: 'w1', secret: 'whsec_rotated_value', secret_hint: 'alue' };
      if (options.method === 'DELETE') {
        listed.pop();
        return null;
      }
    });
    view = await render(<WebhooksPanel websiteId={site.id} />, session(site));
    await click(button(view.container, 'Rotate secret'));
    expect(api).toHaveBeenCalledTimes(1);
    await click(button(view.container, 'Issue a new secret now'));
    expect(api).toHaveBeenCalledWith(`${base}/w1/rotate-secret`, { method: 'POST' });
    expect(secretShown()).toBe('whsec_rotated_value');

    await click(button(view.container, 'Delete'));
    await click(button(view.container, 'Cancel'));
    expect(api).not.toHaveBeenCalledWith(`${base}/w1`, { method: 'DELETE' });
    await click(button(view.container, 'Delete'));
    await click(button(view.container, 'Delete this webhook and its log'));
    expect(api).toHaveBeenCalledWith(`${base}/w1`, { method: 'DELETE' });
    expect(view.container.textContent).toContain('No webhooks yet.');
  });

  it('shows each delivery with its attempts as text, and redelivers one', async () => {
    const excerpt = '<img src=x onerror=alert(1)> busy';
    const delivery = (attempts: AttemptView[]): DeliveryView => ({
      id: 'd1',
      event_id: 'ev-1',
      event_type: 'message.created',
      status: attempts.some((a) => a.status_code === 204) ? 'delivered' : 'pending',
      created_at: '2026-11-30T10:00:00Z',
      attempts,
    });
    const failed = { attempted_at: '2026-11-30T10:00:01Z', status_code: 503, latency_ms: 41, response_excerpt: excerpt, manual: false };
    const refused = { attempted_at: '2026-11-30T10:00:31Z', latency_ms: 0, error: 'connection refused', manual: false };
    const manual = { attempted_at: '2026-11-30T10:01:00Z', status_code: 204, latency_ms: 12, manual: true };
    let attempts: AttemptView[] = [failed, refused];
    webhooksApi([webhook()], (path, options) => {
      if (path === `${base}/w1/deliveries`) return { deliveries: [delivery(attempts)] };
      if (path.endsWith('/redeliver') && options.method === 'POST') {
        attempts = [...attempts, manual];
        return delivery(attempts);
      }
    });
    view = await render(<WebhooksPanel websiteId={site.id} />, session(site));
    await click(button(view.container, 'Deliveries'));

    const log = view.container.querySelector('[data-testid="delivery-log"]')!;
    const cells = () => [...log.querySelectorAll('tbody tr')].map((row) => [...row.querySelectorAll('td')].slice(1).map((cell) => cell.textContent));
    expect(cells()).toEqual([
      ['HTTP 503', '41 ms', excerpt],
      ['No answer: connection refused', '0 ms', '—'],
    ]);
    expect(log.querySelector('img')).toBeNull();
    expect(log.textContent).toContain('Pending');

    await click(button(log, 'Redeliver'));
    expect(api).toHaveBeenCalledWith(`${base}/w1/deliveries/d1/redeliver`, { method: 'POST' });
    expect(cells()[2]).toEqual(['HTTP 204', '12 ms', '—']);
    expect(log.textContent).toContain('Delivered');
    expect(log.textContent).toContain('manual');
  });

  it('offers no new webhook once the website has 20', async () => {
    webhooksApi(Array.from({ length: 20 }, (_, i) => webhook({ id: `w${i}`, url: `https://h${i}.acme.test/` })));
    view = await render(<WebhooksPanel websiteId={site.id} />, session(site));
    expect(button(view.container, 'Add a webhook').disabled).toBe(true);
    expect(view.container.textContent).toContain('at most 20 webhooks');
  });

  it.each(['SUPERVISOR', 'AGENT', 'VIEWER'] as const)('neither loads nor offers webhooks to a %s', async (role) => {
    const theirs = website({ role });
    view = await render(<WebhooksPanel websiteId={theirs.id} />, session(theirs));
    expect(api).not.toHaveBeenCalled();
    expect(view.container.querySelector('button')).toBeNull();
    expect(view.container.textContent).toContain('does not allow managing webhooks');
  });
});
