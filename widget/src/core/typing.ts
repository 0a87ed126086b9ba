/** What the widget sends about the visitor's typing: `typing: true` with the draft (under sneak peek), or `false`. */
export type TypingSend = (typing: boolean, draft?: string) => void;

/**
 * The visitor's typing signal: at most one `typing: true` a second, the latest draft always sent last (under sneak
 * peek a draft typed within the second is sent when it ends, never dropped), and `typing: false` after 3 s of quiet.
 */
export class TypingSignal {
  private _sentAt = 0;
  private _draft = '';
  private _quiet: ReturnType<typeof setTimeout> | undefined;
  private _trailing: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly _send: TypingSend) {}

  /** The visitor changed the draft; `peek` is whether agents may see it. */
  input(draft: string, peek: boolean): void {
    this._draft = peek ? draft.slice(0, 1000) : '';
    clearTimeout(this._quiet);
    this._quiet = setTimeout(() => this.stop(), 3000);
    const wait = this._sentAt + 1000 - Date.now();
    if (wait <= 0) this._flush();
    else if (peek && !this._trailing) this._trailing = setTimeout(() => this._flush(), wait);
  }

  /** The visitor sent the message or went quiet: `typing: false`, once, if `true` was sent. */
  stop(): void {
    clearTimeout(this._quiet);
    clearTimeout(this._trailing);
    this._trailing = undefined;
    if (this._sentAt) this._send(false);
    this._sentAt = 0;
  }

  private _flush(): void {
    this._trailing = undefined;
    this._sentAt = Date.now();
    this._send(true, this._draft || undefined);
  }
}
