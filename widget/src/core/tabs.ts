/** A note from one tab of the site to its others. */
export type TabNote = { t: 'message'; m: unknown } | { t: 'outbox' } | { t: 'read' };

/** The same website's tabs: notes over a BroadcastChannel, and the outbox's `storage` events. */
export class Tabs {
  private readonly _channel: BroadcastChannel | null = null;
  private readonly _onStorage = (e: StorageEvent) => {
    if (e.key === this._outboxKey) this._receive({ t: 'outbox' });
  };

  constructor(name: string, private readonly _outboxKey: string, private readonly _receive: (note: TabNote) => void) {
    if (typeof BroadcastChannel === 'function') {
      this._channel = new BroadcastChannel(name);
      this._channel.onmessage = (e) => {
        if (e.data && e.data.t) _receive(e.data);
      };
    }
    window.addEventListener('storage', this._onStorage);
  }

  post(note: TabNote): void {
    this._channel?.postMessage(note);
  }

  close(): void {
    this._channel?.close();
    window.removeEventListener('storage', this._onStorage);
  }
}
