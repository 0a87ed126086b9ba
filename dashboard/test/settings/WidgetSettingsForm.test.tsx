// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import { WidgetSettingsForm } from '../../src/settings/widget/WidgetSettingsForm';
import { api, button, click, render, session, submit, type, website, type Rendered } from './render';

vi.mock('../../src/api/client', async (original) => ({ ...(await original<object>()), apiFetch: vi.fn() }));

let view: Rendered;

const header = () => view.container.querySelector<HTMLElement>('[data-testid="widget-preview-header"]')!;
const preview = () => view.container.querySelector<HTMLElement>('[data-testid="widget-preview"]')!;

describe('WidgetSettingsForm', () => {
  it('previews the colour, corner and greeting as they are typed, before saving', async () => {
    const site = website();
    view = await render(<WidgetSettingsForm website={site} />, session(site));
    expect(header().style.background).toContain('#1f6feb');

    await type(view.container.querySelector('#widget-color'), '#ff0000');
    await click(view.container.querySelector('input[name="widget-position"][value="left"]'));
    await type(view.container.querySelector('#widget-greeting'), 'Hello <b>there</b>');

    expect(header().style.background).toMatch(/#ff0000|rgb\(255, 0, 0\)/);
    expect(preview().dataset.position).toBe('left');
    expect(header().textContent).toContain('Hello <b>there</b>');
    expect(header().querySelector('b')).toBeNull();
    expect(api).not.toHaveBeenCalled();
  });

  it('previews the away message and the pre-chat form', async () => {
    const site = website();
    view = await render(<WidgetSettingsForm website={site} />, session(site));
    await click(button(view.container, 'Add a field'));
    await type(view.container.querySelector('[aria-label="Field 1 label"]'), 'Your email');
    expect(preview().textContent).toContain('Your email');

    await type(view.container.querySelector('#widget-away'), 'Back at nine');
    await click(button(view.container, 'Away'));
    expect(view.container.querySelector('[data-testid="widget-preview-away"]')?.textContent).toBe('Back at nine');
  });

  it('sends the whole settings, keeping those it does not edit', async () => {
    api.mockResolvedValue({});
    const businessHours = { time_zone: 'Europe/Paris', days: { monday: [{ from: '09:00', to: '17:00' }] } };
    const site = website({ widget: { ...website().widget, business_hours: businessHours } });
    view = await render(<WidgetSettingsForm website={site} />, session(site));
    await type(view.container.querySelector('#widget-language'), 'pt-BR');
    await submit(view.container.querySelector('form'));

    expect(api).toHaveBeenCalledWith(`/v1/websites/${site.id}`, {
      method: 'PATCH',
      body: { widget: { ...site.widget, language: 'pt-BR', business_hours: businessHours } },
    });
  });

  it.each([
    ['#widget-color', 'red', 'must be a colour'],
    ['#widget-language', 'english!', 'must be a BCP 47 language tag'],
    ['#widget-session-hours', '200', 'from 1 to 168'],
    ['#widget-session-hours', '', 'from 1 to 168'],
  ])('refuses %s = %j before calling the API', async (selector, value, message) => {
    const site = website();
    view = await render(<WidgetSettingsForm website={site} />, session(site));
    await type(view.container.querySelector(selector), value);
    await submit(view.container.querySelector('form'));

    expect(api).not.toHaveBeenCalled();
    expect(view.container.textContent).toContain(message);
  });

  it('shows the API refusal of a pre-chat field by its position', async () => {
    api.mockRejectedValue(
      new ApiError(400, 'invalid_request', 'bad', { errors: [{ field: 'widget.pre_chat_fields[0].label', message: 'size must be between 1 and 100' }] }),
    );
    const site = website({ widget: { ...website().widget, pre_chat_fields: [{ kind: 'email', label: 'Email', required: true }] } });
    view = await render(<WidgetSettingsForm website={site} />, session(site));
    await submit(view.container.querySelector('form'));

    expect(view.container.querySelector('#widget-prechat-errors')?.textContent).toBe('Entry 1: size must be between 1 and 100');
  });

  it('edits business hours and refuses a range that ends before it starts', async () => {
    api.mockResolvedValue({});
    const site = website();
    view = await render(<WidgetSettingsForm website={site} />, session(site));
    await click(view.container.querySelector('.settings-hours input[type="checkbox"]'));
    await type(view.container.querySelector('#widget-time-zone'), 'Europe/Paris');
    expect(view.container.querySelectorAll('[aria-label="Monday opens"]')).toHaveLength(1);
    expect(view.container.querySelector('[aria-label="Sunday"]')?.textContent).toContain('Closed');

    await type(view.container.querySelector('[aria-label="Monday closes"]'), '08:00');
    await submit(view.container.querySelector('form'));
    expect(api).not.toHaveBeenCalled();
    expect(view.container.querySelector('#widget-hours-monday-errors')?.textContent).toBe('Entry 1: must end after it starts');

    await type(view.container.querySelector('[aria-label="Monday closes"]'), '24:00');
    await click(view.container.querySelector('[aria-label^="Remove Friday"]'));
    await submit(view.container.querySelector('form'));
    const sent = (api.mock.calls[0][1] as { body: { widget: { business_hours: unknown } } }).body.widget.business_hours;
    expect(sent).toEqual({
      time_zone: 'Europe/Paris',
      days: {
        monday: [{ from: '09:00', to: '24:00' }],
        tuesday: [{ from: '09:00', to: '17:00' }],
        wednesday: [{ from: '09:00', to: '17:00' }],
        thursday: [{ from: '09:00', to: '17:00' }],
        friday: [],
        saturday: [],
        sunday: [],
      },
    });
  });

  it('offers sneak peek only when the API has the setting', async () => {
    const without = website();
    view = await render(<WidgetSettingsForm website={without} />, session(without));
    expect(view.container.textContent).not.toContain('Sneak peek');
    view.unmount();

    const withIt = website({ widget: { ...website().widget, sneak_peek: false } });
    view = await render(<WidgetSettingsForm website={withIt} />, session(withIt));
    expect(view.container.textContent).toContain('Sneak peek');
  });

  it('shows the install snippet with the public key', async () => {
    const site = website({ public_key: 'pk_abc' });
    view = await render(<WidgetSettingsForm website={site} />, session(site));
    const snippet = view.container.querySelector('[data-testid="install-snippet"]')?.textContent ?? '';
    expect(snippet).toContain("websiteKey: 'pk_abc'");
    expect(snippet).toContain(`${window.location.origin}/widget/loader.js`);
  });

  it('is read-only below admin', async () => {
    const site = website({ role: 'AGENT' });
    view = await render(<WidgetSettingsForm website={site} />, session(site));
    expect(view.container.querySelector<HTMLFieldSetElement>('fieldset')?.disabled).toBe(true);
    expect(view.container.querySelector('button[type="submit"]')).toBeNull();
  });
});
