import type { ServiceCheck } from './checkService';

/** Overall verdict shown at the top of the status page. */
export interface Summary {
  tone: 'ok' | 'problem' | 'pending';
  text: string;
}

/** Summarises the latest checks; `undefined` marks a service not checked yet. */
export function summarize(checks: readonly (ServiceCheck | undefined)[]): Summary {
  const failing = checks.filter((c) => c && !(c.health.reachable && c.health.state === 'up')).length;
  if (failing > 0) {
    return { tone: 'problem', text: `${failing} of ${checks.length} services need attention` };
  }
  if (checks.some((c) => c === undefined)) return { tone: 'pending', text: 'Checking services…' };
  return { tone: 'ok', text: 'All services operational' };
}
