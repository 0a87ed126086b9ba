/** A user the host site's backend vouches for (identity verification): `token` is the signed user token. */
export interface BootUser {
  id?: string;
  name?: string;
  email?: string;
  token?: string;
}

/** Validated options of the `boot` command. Colour, position, greeting and language come from the server. */
export interface BootOptions {
  websiteKey: string;
  user?: BootUser;
}

/** Outcome of validating raw `boot` options: usable options plus warnings, or an error. */
export type BootOptionsResult = { ok: true; options: BootOptions; warnings: string[] } | { ok: false; error: string };

const WEBSITE_KEY = /^pk_[A-Za-z0-9_-]{1,128}$/;
const USER_FIELDS = ['id', 'name', 'email', 'token'];

/** Validates the argument of `boot`; only a missing or malformed website key is fatal. */
export function parseBootOptions(raw: unknown): BootOptionsResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: "boot expects an options object, e.g. Zendo('boot', { websiteKey: 'pk_…' })" };
  }
  const input = raw as Record<string, unknown>;
  if (typeof input.websiteKey !== 'string' || !WEBSITE_KEY.test(input.websiteKey)) {
    return { ok: false, error: 'boot needs websiteKey: the public key of the website, starting with "pk_"' };
  }
  const warnings: string[] = [];
  const options: BootOptions = { websiteKey: input.websiteKey };
  if (input.user !== undefined) {
    const user = parseUser(input.user);
    if (user) options.user = user;
    else warnings.push('user must be an object of strings {id, name, email, token}; ignored');
  }
  for (const key of Object.keys(input)) {
    if (key !== 'websiteKey' && key !== 'user') warnings.push(`unknown option "${key}" ignored`);
  }
  return { ok: true, options, warnings };
}

/** Validates the user of `boot` or `identify`: an object whose known fields are non-empty strings. */
export function parseUser(raw: unknown): BootUser | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const input = raw as Record<string, unknown>;
  const user: Record<string, string> = {};
  for (const key of USER_FIELDS) {
    const value = input[key];
    if (value === undefined) continue;
    if (typeof value !== 'string' || value.trim() === '') return null;
    user[key] = value.trim();
  }
  return user;
}
