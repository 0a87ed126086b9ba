import type { ExtrasScript } from './extras-loader';
import { chime } from './sound';
import { showAwayForm, showPreChatForm, showRating } from './ui/forms';
import { showTranscriptForm } from './ui/transcript';

/**
 * The on-demand chunk (dist/extras.js): the pre-chat and away forms, the rating, the transcript form and the chime
 * (off unless turned on), which a plain chat never needs.
 * It hands them to the widget through the script element the widget created for it.
 */
try {
  const me = document.currentScript as ExtrasScript | null;
  if (me && me.zendo) me.zendo({ chime, showAwayForm, showPreChatForm, showRating, showTranscriptForm });
} catch (e) {
  console.warn('[zendo]', e);
}
