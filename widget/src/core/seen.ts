/** A bounded set of recently handled ids: a resume may repeat events, which are dropped by `event_id`. */
export class SeenIds {
  private readonly order: string[] = [];
  private readonly ids: Record<string, true> = Object.create(null);

  constructor(private readonly capacity = 1000) {}

  /** Records the id; false when it was seen already. */
  add(id: string): boolean {
    if (this.ids[id]) return false;
    this.ids[id] = true;
    this.order.push(id);
    if (this.order.length > this.capacity) delete this.ids[this.order.shift() as string];
    return true;
  }
}
