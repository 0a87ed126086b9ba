const MUTE_KEY = 'zendo.muted';

/** Whether the agent muted sounds and desktop notifications (kept in localStorage). */
export function isMuted(): boolean {
  try {
    return localStorage.getItem(MUTE_KEY) === '1';
  } catch {
    return false;
  }
}

export function setMuted(muted: boolean): void {
  localStorage.setItem(MUTE_KEY, muted ? '1' : '0');
}

let audio: AudioContext | null = null;

/** A short two-tone chime made with WebAudio (no sound file). */
export function chime(): void {
  try {
    audio ??= new AudioContext();
    const start = audio.currentTime;
    for (const [i, frequency] of [880, 1320].entries()) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = frequency;
      osc.type = 'sine';
      gain.gain.setValueAtTime(0.0001, start + i * 0.12);
      gain.gain.exponentialRampToValueAtTime(0.2, start + i * 0.12 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + i * 0.12 + 0.25);
      osc.connect(gain).connect(audio.destination);
      osc.start(start + i * 0.12);
      osc.stop(start + i * 0.12 + 0.3);
    }
  } catch {
    // No audio device or autoplay refused: the desktop notification and the title still tell.
  }
}

/** Asks for permission to show desktop notifications, once, after a user gesture. */
export function askNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
    void Notification.requestPermission();
  }
}

/** Shows a desktop notification (if allowed) and plays the chime, unless muted; clicking it opens `onClick`. */
export function notify(title: string, body: string, tag: string, onClick: () => void): void {
  if (isMuted()) return;
  chime();
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body: body.slice(0, 200), tag });
  notification.onclick = () => {
    window.focus();
    onClick();
    notification.close();
  };
}

/** Whether a new message in `conversationId` deserves a notification: the tab is hidden or shows another one. */
export function shouldNotify(conversationId: string, focused: string | null, hidden: boolean): boolean {
  return hidden || focused !== conversationId;
}
