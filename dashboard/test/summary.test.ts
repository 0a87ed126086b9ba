import { describe, expect, it } from 'vitest';
import type { ServiceCheck } from '../src/status/checkService';
import type { ServiceHealth } from '../src/status/health';
import { summarize } from '../src/status/summary';

const check = (health: ServiceHealth): ServiceCheck => ({ health, checkedAt: new Date(0), latencyMs: 1 });
const up = check({ reachable: true, state: 'up', status: 'UP', httpStatus: 200, components: [] });
const down = check({ reachable: true, state: 'down', status: 'DOWN', httpStatus: 503, components: [] });
const unreachable = check({ reachable: false, reason: 'x' });

describe('summarize', () => {
  it('is operational only when every service is up', () => {
    expect(summarize([up, up])).toEqual({ tone: 'ok', text: 'All services operational' });
  });

  it('counts down and unreachable services as problems, even while others are pending', () => {
    expect(summarize([up, down, unreachable, undefined])).toEqual({
      tone: 'problem',
      text: '2 of 4 services need attention',
    });
  });

  it('is pending until every service has been checked', () => {
    expect(summarize([up, undefined])).toEqual({ tone: 'pending', text: 'Checking services…' });
  });
});
