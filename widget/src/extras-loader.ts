import type { chime } from './sound';
import type { showAwayForm, showPreChatForm, showRating } from './ui/forms';
import type { showTranscriptForm } from './ui/transcript';

/** What the on-demand chunk (dist/extras.js) hands to the widget: the forms (the transcript's too), the rating and the chime. */
export interface Extras {
  chime: typeof chime;
  showAwayForm: typeof showAwayForm;
  showPreChatForm: typeof showPreChatForm;
  showRating: typeof showRating;
  showTranscriptForm: typeof showTranscriptForm;
}

/** The script element of the chunk, through which the chunk hands its parts over (no global). */
export type ExtrasScript = HTMLScriptElement & { zendo?: (extras: Extras) => void };

/**
 * Loads the chunk at `src` once, as a classic script with the bundle's `nonce`, so a page's CSP that allows the
 * bundle allows it too. A failed load (network, CSP) rejects, and the next call tries again.
 */
export function extrasLoader(src: string, nonce: string): () => Promise<Extras> {
  let loading: Promise<Extras> | null = null;
  return () =>
    loading ||
    (loading = new Promise<Extras>((resolve, reject) => {
      const d = document;
      const script: ExtrasScript = d.createElement('script');
      let got: Extras | undefined;
      script.zendo = (extras) => (got = extras);
      script.async = true;
      script.src = src;
      if (nonce) script.nonce = nonce;
      script.onload = script.onerror = () => {
        script.remove();
        if (got) return resolve(got);
        loading = null;
        reject(new Error('cannot load ' + src));
      };
      (d.head || d.documentElement).append(script);
    }));
}
