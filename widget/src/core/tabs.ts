/** A note from one tab of the site to its others. */
export type TabNote = { t: 'message'; m: unknown } | { t: 'outbox' } | { t: 'read' };

/** The same website's tabs: BroadcastChannel, else `storage` events on a key written for the purpose. */
export class Tabs {
  private channel: BroadcastChannel | null = null;
  private readonly onStorage = (e: StorageEvent) => {
    if (e.key === this.name && e.newValue) this.deliver(e.newValue);
    else if (e.key === this.outboxKey) this.receive({ t: 'outbox' });
  };

  constructor(
    private readonly name: string,
    private readonly outboxKey: string,
    private readonly receive: (note: TabNote) => void,
  ) {
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(name);
      this.channel.onmessage = (e) => this.deliver(e.data);
    }
    window.addEventListener('storage', this.onStorage);
  }

  post(note: TabNote): void {
    const text = JSON.stringify(note);
    if (this.channel) {
      this.channel.postMessage(text);
      return;
    }
    try {
      localStorage.setItem(this.name, text);
      localStorage.removeItem(this.name);
    } catch {
      // No storage: other tabs learn it from the server.
    }
  }

  close(): void {
    this.channel?.close();
    window.removeEventListener('storage', this.onStorage);
  }

  private deliver(text: unknown): void {
    try {
      this.receive(JSON.parse(String(text)));
    } catch {
      // Not ours.
    }
  }
}
