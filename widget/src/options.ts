/** Side of the page the launcher sits on. */
export type Position = 'left' | 'right';

/** Validated options of the `boot` command. */
export interface BootOptions {
  websiteKey: string;
  position: Position;
  color: string;
  greeting: string;
}

/** Outcome of validating raw `boot` options: usable options plus warnings, or an error. */
export type BootOptionsResult =
  | { ok: true; options: BootOptions; warnings: string[] }
  | { ok: false; error: string };

/** Defaults applied when an optional option is missing or invalid. */
export const DEFAULTS: Omit<BootOptions, 'websiteKey'> = {
  position: 'right',
  color: '#2563eb',
  greeting: 'Hi! How can we help?',
};

/** Longest greeting kept; longer ones are cut. */
export const MAX_GREETING_LENGTH = 200;

const WEBSITE_KEY = /^pk_[A-Za-z0-9_-]{1,128}$/;
const HEX_COLOR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/;
const KNOWN_KEYS = ['websiteKey', 'position', 'color', 'greeting'];

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
  const options: BootOptions = { websiteKey: input.websiteKey, ...DEFAULTS };

  if (input.position !== undefined) {
    if (input.position === 'left' || input.position === 'right') options.position = input.position;
    else warnings.push(`position must be "left" or "right"; using "${DEFAULTS.position}"`);
  }
  if (input.color !== undefined) {
    if (typeof input.color === 'string' && HEX_COLOR.test(input.color)) options.color = input.color;
    else warnings.push(`color must be a hex colour like "#1a2b3c"; using "${DEFAULTS.color}"`);
  }
  if (input.greeting !== undefined) {
    if (typeof input.greeting === 'string' && input.greeting.trim() !== '') {
      options.greeting = input.greeting.trim().slice(0, MAX_GREETING_LENGTH);
    } else {
      warnings.push('greeting must be a non-empty string; using the default');
    }
  }
  for (const key of Object.keys(input)) {
    if (KNOWN_KEYS.indexOf(key) < 0) warnings.push(`unknown option "${key}" ignored`);
  }
  return { ok: true, options, warnings };
}
