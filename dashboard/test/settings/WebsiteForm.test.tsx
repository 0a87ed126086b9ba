// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import { WebsiteForm } from '../../src/settings/website/WebsiteForm';
import { api, render, session, submit, type, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

let view: Rendered;

describe('WebsiteForm', () => {
  it('sends the name, domains and origins, one per line, trimmed', async () => {
    const reloadWebsites = vi.fn(async () => undefined);
    api.mockResolvedValue({});
    const site = website();
    view = await render(<WebsiteForm website={site} />, session(site, { reloadWebsites }));

    await type(view.container.querySelector('#website-name'), '  Acme Shop ');
    await type(view.container.querySelector('#website-domains'), 'acme.test\n\n *.acme.test \n');
    await type(view.container.querySelector('#website-origins'), 'https://acme.test\nhttp://localhost:3000');
    await submit(view.container.querySelector('form'));

    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}`, {
      method: 'PATCH',
      body: { name: 'Acme Shop', domains: ['acme.test', '*.acme.test'], allowed_origins: ['https://acme.test', 'http://localhost:3000'] },
    });
    expect(reloadWebsites).toHaveBeenCalled();
    expect(view.container.textContent).toContain('Saved.');
  });

  it.each([
    ['#website-name', '   ', 'must not be blank'],
    ['#website-domains', 'acme.test\nnot a host', 'Entry 2: must be a host name'],
    ['#website-origins', 'https://acme.test/path', 'Entry 1: must be an origin'],
    ['#website-origins', 'ftp://acme.test', 'Entry 1: must be an origin'],
  ])('refuses %s = %j before calling the API', async (selector, value, message) => {
    const site = website();
    view = await render(<WebsiteForm website={site} />, session(site));
    await type(view.container.querySelector(selector), value);
    await submit(view.container.querySelector('form'));

    expect(api).not.toHaveBeenCalled();
    expect(view.container.querySelector(selector)?.getAttribute('aria-invalid')).toBe('true');
    expect(view.container.textContent).toContain(message);
  });

  it('shows the API refusal next to the field it names', async () => {
    api.mockRejectedValue(
      new ApiError(400, 'invalid_request', 'domains[0]: bad', {
        errors: [{ field: 'domains[0]', message: 'must be a host name such as example.com or *.example.com' }],
      }),
    );
    const site = website();
    view = await render(<WebsiteForm website={site} />, session(site));
    await submit(view.container.querySelector('form'));

    const errors = view.container.querySelector('#website-domains-errors');
    expect(errors?.textContent).toBe('Entry 1: must be a host name such as example.com or *.example.com');
    expect(view.container.querySelector('#website-domains')?.getAttribute('aria-invalid')).toBe('true');
  });

  it.each([
    [new ApiError(403, 'forbidden', 'no'), 'Your role in this website does not allow this.'],
    [new ApiError(429, 'too_many_requests', 'slow down', undefined, 7), 'Try again in 7 s.'],
    [new ApiError(0, 'network', 'Cannot reach the server.'), 'Cannot reach the server'],
  ])('explains a failed save (%s)', async (error, message) => {
    api.mockRejectedValue(error);
    const site = website();
    view = await render(<WebsiteForm website={site} />, session(site));
    await submit(view.container.querySelector('form'));

    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain(message);
  });

  it.each(['SUPERVISOR', 'AGENT', 'VIEWER'] as const)('is read-only for a %s', async (role) => {
    const site = website({ role });
    view = await render(<WebsiteForm website={site} />, session(site));

    expect(view.container.querySelector<HTMLInputElement>('#website-name')?.disabled).toBe(true);
    expect(view.container.querySelector('button[type="submit"]')).toBeNull();
  });
});
