/** How a host backend signs its signed-in user for the widget (Node.js, docs/architecture.md). */
export const NODE_SNIPPET = `// npm install jsonwebtoken
const jwt = require('jsonwebtoken');

// On your server only, for the signed-in user; never ship the secret to browsers.
const userToken = jwt.sign(
  { sub: user.id, email: user.email, name: user.name },
  process.env.ZENDO_IDENTITY_SECRET, // the ivs_… secret, used as the HMAC key as it is
  { algorithm: 'HS256', expiresIn: '10m' });`;

/** The same without a JWT library: HS256 over base64url(header).base64url(claims). */
export const PLAIN_NODE_SNIPPET = `const { createHmac } = require('node:crypto');

const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const unsigned = encode({ alg: 'HS256', typ: 'JWT' }) + '.' +
  encode({ sub: user.id, email: user.email, name: user.name, exp: now + 600 });
const signature = createHmac('sha256', process.env.ZENDO_IDENTITY_SECRET).update(unsigned).digest('base64url');
const userToken = unsigned + '.' + signature;`;

/** How the page hands the user token to the widget (widget/README.md's `boot` option `user.token`). */
export function pageSnippet(publicKey: string): string {
  return `Zendo('boot', { websiteKey: '${publicKey}', user: { token: userToken } });`;
}
