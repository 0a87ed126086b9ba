import type { FieldError } from '../common/errors';

const label = '[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?';
const HOST = new RegExp(`^(\\*\\.)?(${label}\\.)*${label}$`);
const PORT = '(6553[0-5]|655[0-2]\\d|65[0-4]\\d\\d|6[0-4]\\d{3}|[1-5]\\d{4}|[1-9]\\d{0,3})';
const ORIGIN = new RegExp(`^https?://(${label}\\.)*${label}(:${PORT})?$`);
const MAX_ENTRIES = 50;

/** The website form as typed: one domain or origin per line. */
export type WebsiteDraft = { name: string; domains: string; allowedOrigins: string };

/** The non-empty, trimmed lines of a text area. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The website API's own rules (UpdateWebsiteRequest), checked before sending; field paths as the API names them. */
export function validateWebsite(draft: WebsiteDraft): FieldError[] {
  const errors: FieldError[] = [];
  const name = draft.name.trim();
  if (name.length === 0) errors.push({ field: 'name', message: 'must not be blank' });
  else if (name.length > 200) errors.push({ field: 'name', message: 'must be at most 200 characters' });

  const domains = lines(draft.domains);
  if (domains.length > MAX_ENTRIES) errors.push({ field: 'domains', message: `at most ${MAX_ENTRIES} domains` });
  domains.forEach((domain, index) => {
    if (domain.length > 253 || !HOST.test(domain)) {
      errors.push({ field: `domains[${index}]`, message: 'must be a host name such as example.com or *.example.com' });
    }
  });

  const origins = lines(draft.allowedOrigins);
  if (origins.length > MAX_ENTRIES) errors.push({ field: 'allowed_origins', message: `at most ${MAX_ENTRIES} origins` });
  origins.forEach((origin, index) => {
    if (origin.length > 300 || !ORIGIN.test(origin)) {
      errors.push({ field: `allowed_origins[${index}]`, message: 'must be an origin such as https://example.com, with no path' });
    }
  });
  return errors;
}
