// The account pages with the mail the stack really sends (read from its GreenMail): an agent signs up and verifies
// the email from the mailed link, resets a forgotten password from the mail, and signs in with a mailed code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launchBrowser, screenshot, watchErrors } from '../lib/browser.mjs';
import { linkIn, passwordResetMail, signInCode, verificationMail } from '../lib/mail.mjs';
import { gatewayUrl, signUpAgent } from '../lib/stack.mjs';

/**
 * The mailed link opened on the gateway's address the test's browser uses: mail links start with the stack's public
 * URL (`PUBLIC_URL`, e.g. http://localhost:…), and a session lives in one origin's storage.
 */
function onGateway(link) {
  const url = new URL(link);
  return `${gatewayUrl}${url.pathname}${url.hash}`;
}

/** The browser logs every 4xx answer (a refused code, the neutral 202s do not) as a console error; anything else is a failure. */
const unexpected = (errors) => errors.filter((e) => !/Failed to load resource: the server responded with a status of 40[14]/.test(e));

test('an agent signs up, sees the verify-email banner and verifies the email from the mailed link', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    const email = `e2e-${randomUUID()}@example.com`;
    await page.goto(`${gatewayUrl}/signup`);
    await page.getByLabel('Name').fill('Vera Verified');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`pw-${randomUUID()}`);
    await page.getByRole('button', { name: 'Create account' }).click();

    const banner = page.getByRole('region', { name: 'Email verification' });
    await banner.getByText(`Verify your email address — we sent a link to ${email}.`).waitFor();
    await screenshot(page, 'dashboard-account-banner');

    const link = linkIn(await verificationMail(email), '/verify-email');
    assert.ok(link, 'the verification mail links to /verify-email');
    await page.goto(onGateway(link));
    await page.getByText(`Your email address ${email} is verified.`).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address');
    const profile = page.waitForResponse((response) => response.url().endsWith('/v1/auth/me'));
    await page.getByRole('link', { name: 'Continue to Zendo' }).click();
    assert.equal((await (await profile).json()).email_verified, true);
    await page.getByRole('heading', { name: 'Welcome to Zendo, Vera Verified' }).waitFor();
    assert.equal(await banner.count(), 0);

    await page.goto(onGateway(link));
    await page.getByText('This verification link was already used or is not valid.').waitFor();
    assert.deepEqual(unexpected(errors), []);
  } finally {
    await browser.close();
  }
});

test('an agent who forgot the password resets it from the mailed link and signs in with the new one', async () => {
  const agent = await signUpAgent('Rita Reset');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${gatewayUrl}/login`);
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.getByLabel('Email').fill(agent.email);
    await page.getByRole('button', { name: 'Email me a reset link' }).click();
    await page.getByText(`If an account exists for ${agent.email}, we sent it a link`).waitFor();

    const link = linkIn(await passwordResetMail(agent.email), '/reset-password');
    assert.ok(link, 'the reset mail links to /reset-password');
    const newPassword = `new-pw-${randomUUID()}`;
    await page.goto(onGateway(link));
    await page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address');
    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('Repeat the new password').fill(newPassword);
    await page.getByRole('button', { name: 'Change password' }).click();

    await page.getByText('Your password was changed. Sign in with the new one.').waitFor();
    await page.getByLabel('Email').fill(agent.email);
    await page.getByLabel('Password').fill(agent.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Wrong email or password.').waitFor();
    await page.getByLabel('Password').fill(newPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome to Zendo, Rita Reset' }).waitFor();

    await page.goto(onGateway(link));
    await page.getByLabel('New password', { exact: true }).fill(`other-pw-${randomUUID()}`);
    await page.getByLabel('Repeat the new password').fill(await page.getByLabel('New password', { exact: true }).inputValue());
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('This reset link was already used or is not valid.').waitFor();
    assert.deepEqual(unexpected(errors), []);
  } finally {
    await browser.close();
  }
});

test('an agent signs in with the code of the mail after a wrong one', async () => {
  const agent = await signUpAgent('Cody Code');
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.goto(`${gatewayUrl}/login`);
    await page.getByRole('link', { name: 'Sign in with a code instead' }).click();
    await page.getByLabel('Email').fill(agent.email);
    await page.getByRole('button', { name: 'Email me a sign-in code' }).click();
    const input = page.getByLabel('Code', { exact: true });
    await input.waitFor();
    assert.equal(await input.getAttribute('autocomplete'), 'one-time-code');

    const { code } = await signInCode(agent.email);
    await input.fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('This code is wrong or has expired.').waitFor();
    await screenshot(page, 'dashboard-account-code');

    await input.fill(code);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Welcome to Zendo, Cody Code' }).waitFor();
    assert.deepEqual(unexpected(errors), []);
  } finally {
    await browser.close();
  }
});
