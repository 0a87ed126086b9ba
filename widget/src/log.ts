/** Writes a `[zendo]`-prefixed warning; never throws, even without a console. */
export function warn(...args: unknown[]): void {
  try {
    console.warn('[zendo]', ...args);
  } catch {
    // Nothing left to report to.
  }
}

/** Wraps `fn` so that any error it throws is logged instead of reaching the host page. */
export function guard<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => void {
  return (...args: A) => {
    try {
      fn(...args);
    } catch (error) {
      warn('internal error:', error);
    }
  };
}
