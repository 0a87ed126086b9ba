/** A note from one tab of the site to its others. */
export type TabNote = { t: 'message'; m: unknown } | { t: 'outbox' } | { t: 'read' };

/** The same website's tabs: BroadcastChannel, else `storage` events on a key written for the purpose. */
export class Tabs {
  private _channel: BroadcastChannel | null = null;
  private readonly _onStorage = (e: StorageEvent) => {
    if (e.key === this._name && e.newValue) this._deliver(e.newValue);
    else if (e.key === this._outboxKey) this._receive({ t: 'outbox' });
  };

  constructor(
    private readonly _name: string,
    private readonly _outboxKey: string,
    private readonly _receive: (note: TabNote) => void,
  ) {
    if (typeof BroadcastChannel === 'function') {
      this._channel = new BroadcastChannel(_name);
      this._channel.onmessage = (e) => this._deliver(e.data);
    }
    window.addEventListener('storage', this._onStorage);
  }

  post(note: TabNote): void {
    const text = JSON.stringify(note);
    if (this._channel) {
      this._channel.postMessage(text);
      return;
    }
    try {
      localStorage.setItem(this._name, text);
      localStorage.removeItem(this._name);
    } catch {
      // No storage: other tabs learn it from the server.
    }
  }

  close(): void {
    this._channel?.close();
    window.removeEventListener('storage', this._onStorage);
  }

  private _deliver(text: unknown): void {
    try {
      this._receive(JSON.parse(String(text)));
    } catch {
      // Not ours.
    }
  }
}
