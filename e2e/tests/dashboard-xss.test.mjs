// Untrusted visitor content (name, attributes, messages, page titles) stays inert text in the dashboard: no script
// runs, no dialog opens, no element is injected, and only http(s) links become links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { createWebsite, signUpAgent } from '../lib/stack.mjs';
import { openDashboard, unexpected, visitorSend, visitorSession, visitorUpdate, waitLive,
} from '../lib/dashboard.mjs';

const NAME = '<img src=x onerror="window.__xss=\'name\'">';
const ATTRIBUTE = '<script>window.__xss="attribute"</script>';
const MESSAGES = [
  '<svg onload="window.__xss=\'svg\'"></svg>',
  'javascript:window.__xss="js-link"',
  'https://example.com/"><img src=x onerror="window.__xss=\'link\'">',
  '<a href="javascript:alert(1)">click me</a>',
];

test('XSS payloads in a visitor’s name, attributes and messages stay inert', async () => {
  const browser = await launchBrowser();
  try {
    const owner = await signUpAgent('Olivia Owner');
    const website = await createWebsite(owner);
    const visitor = await visitorSession(website.public_key, { firstMessage: 'hello', preChat: { name: NAME } });
    await visitorUpdate(visitor, { attributes: { plan: ATTRIBUTE, homepage: 'javascript:alert(2)' } });
    for (const body of MESSAGES) await visitorSend(visitor, body);

    const page = await (await browser.newContext()).newPage();
    const errors = watchErrors(page);
    const dialogs = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await openDashboard(page, owner, `/inbox/open/${visitor.session.conversation.id}`);
    await waitLive(page);
    await page.getByTestId('messages').getByText(MESSAGES[3]).waitFor();
    await page.getByTestId('visitor-attributes').waitFor();

    assert.equal(await page.getByTestId('visitor-name').textContent(), NAME);
    assert.equal(await page.getByTestId('conversation-item').first().locator('.convlist__name').textContent(), NAME);
    const attributes = await page.getByTestId('visitor-attributes').textContent();
    assert.ok(attributes.includes(ATTRIBUTE) && attributes.includes('javascript:alert(2)'), attributes);
    const bodies = await page.locator('[data-testid="message"] .msg__body').allTextContents();
    for (const body of MESSAGES) assert.ok(bodies.includes(body), `shown as text: ${body}`);

    const injected = await page.evaluate(() => ({
      xss: window.__xss,
      images: document.querySelectorAll('img').length,
      svgs: document.querySelectorAll('main svg, .inbox svg').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      links: [...document.querySelectorAll('[data-testid="messages"] a, [data-testid="visitor-panel"] a')]
        .map((a) => a.getAttribute('href'))
        .filter((href) => !href.startsWith('/inbox/')),
      rels: [...document.querySelectorAll('[data-testid="messages"] a')].map((a) => a.rel),
    }));
    assert.deepEqual(injected, {
      xss: undefined,
      images: 0,
      svgs: 0,
      scripts: 0,
      links: ['https://example.com/'],
      rels: ['noopener noreferrer'],
    });
    assert.deepEqual(dialogs, []);
    await screenshot(page, 'dashboard-xss');
    assert.deepEqual(unexpected(errors), []);
  } finally {
    await browser.close();
  }
});
