const secrets = new Map<string, string>();

/** Keeps a new website's secret key in memory (never stored) so the install step can show it once. */
export function rememberSecret(websiteId: string, secret: string): void {
  secrets.set(websiteId, secret);
}

/** The secret key of a website created in this page load, until forgotten. */
export function secretOf(websiteId: string): string | null {
  return secrets.get(websiteId) ?? null;
}

/** Drops the secret key: the agent saved it. */
export function forgetSecret(websiteId: string): void {
  secrets.delete(websiteId);
}
