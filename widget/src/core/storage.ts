/** The part of `localStorage` the widget uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** localStorage, or a memory map where it is blocked (private modes, sandboxed frames). */
export function localStore(): StorageLike {
  try {
    const s = window.localStorage;
    s.setItem('zendo:probe', '1');
    s.removeItem('zendo:probe');
    return s;
  } catch {
    const map: Record<string, string> = {};
    return {
      getItem: (k) => (k in map ? map[k] : null),
      setItem: (k, v) => void (map[k] = v),
      removeItem: (k) => void delete map[k],
    };
  }
}

/** Reads a JSON value, or `fallback` when missing or unreadable. */
export function readJson<T>(store: StorageLike, key: string, fallback: T): T {
  try {
    const raw = store.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** Writes a JSON value; a full or blocked storage is ignored. */
export function writeJson(store: StorageLike, key: string, value: unknown): void {
  try {
    store.setItem(key, JSON.stringify(value));
  } catch {
    // Quota or privacy mode: the value lives for this page only.
  }
}
