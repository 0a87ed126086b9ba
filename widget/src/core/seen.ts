/** A bounded set of recently handled ids: a resume may repeat events, which are dropped by `event_id`. */
export class SeenIds {
  private readonly _order: string[] = [];
  private readonly _ids: Record<string, true> = Object.create(null);

  constructor(private readonly _capacity = 1000) {}

  /** Records the id; false when it was seen already. */
  add(id: string): boolean {
    if (this._ids[id]) return false;
    this._ids[id] = true;
    this._order.push(id);
    if (this._order.length > this._capacity) delete this._ids[this._order.shift() as string];
    return true;
  }
}
