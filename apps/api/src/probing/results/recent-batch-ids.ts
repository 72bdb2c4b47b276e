/** The most recent batch ids, oldest evicted first (a Map keeps insertion order). */
export class RecentBatchIds {
  private readonly ids = new Map<string, number>();

  constructor(private readonly capacity: number) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  /** Remembers a batch id with the number of rows it carried. */
  add(id: string, accepted: number): void {
    this.ids.delete(id);
    this.ids.set(id, accepted);
    while (this.ids.size > this.capacity) this.ids.delete(this.ids.keys().next().value as string);
  }

  get size(): number {
    return this.ids.size;
  }
}
