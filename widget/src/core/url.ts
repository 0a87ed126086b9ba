/** The URL when `text` is an absolute http or https URL, else null: the only links and images the widget shows. */
export function webUrl(text: string | null | undefined): URL | null {
  let url: URL | null = null;
  try {
    url = new URL(text || '');
  } catch {
    // Not a URL: nothing to show.
  }
  return url && (url.protocol === 'http:' || url.protocol === 'https:') ? url : null;
}
