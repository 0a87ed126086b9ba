/** Normalised health state of a service or one of its components. */
export type HealthState = 'up' | 'down' | 'unknown';

/** One component of a Micronaut health report (jdbc, kafka, redis, diskSpace…). */
export interface ComponentHealth {
  name: string;
  state: HealthState;
  /** Status exactly as reported, e.g. "UP" or "OUT_OF_SERVICE". */
  status: string;
  /** First error message found in the component's details, if any. */
  error?: string;
}

/** What one health check learned: a health report, or why none was obtained. */
export type ServiceHealth =
  | { reachable: true; state: HealthState; status: string; httpStatus: number; components: ComponentHealth[] }
  | { reachable: false; reason: string };

type Json = Record<string, unknown>;

const MAX_ERROR_DEPTH = 3;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Maps a Micronaut status string (UP, DOWN, UNKNOWN, custom) to a health state. */
export function toState(status: unknown): HealthState {
  if (status === 'UP') return 'up';
  if (status === 'DOWN') return 'down';
  return 'unknown';
}

function findError(details: unknown, depth = 0): string | undefined {
  if (!isObject(details) || depth > MAX_ERROR_DEPTH) return undefined;
  if (typeof details.error === 'string') return details.error;
  for (const value of Object.values(details)) {
    const nested = isObject(value) ? findError(value.details ?? value, depth + 1) : undefined;
    if (nested) return nested;
  }
  return undefined;
}

function parseComponent(name: string, raw: unknown): ComponentHealth {
  const status = isObject(raw) && typeof raw.status === 'string' ? raw.status : 'UNKNOWN';
  const error = isObject(raw) ? findError(raw.details) : undefined;
  return error === undefined ? { name, state: toState(status), status } : { name, state: toState(status), status, error };
}

/**
 * Interprets a `/health/<service>` response. `body` is the parsed JSON, or undefined when the
 * body was not JSON. Anything without a status string (e.g. the gateway's own 502 page) means
 * the service could not be reached.
 */
export function parseHealth(httpStatus: number, body: unknown): ServiceHealth {
  if (!isObject(body) || typeof body.status !== 'string') {
    return { reachable: false, reason: `HTTP ${httpStatus} without a health report` };
  }
  const details = isObject(body.details) ? body.details : {};
  return {
    reachable: true,
    state: toState(body.status),
    status: body.status,
    httpStatus,
    components: Object.keys(details).map((name) => parseComponent(name, details[name])),
  };
}
