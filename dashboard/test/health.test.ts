import { describe, expect, it } from 'vitest';
import { parseHealth, toState } from '../src/status/health';

const UP_BODY = {
  name: 'identity',
  status: 'UP',
  details: {
    jdbc: {
      name: 'identity',
      status: 'UP',
      details: { 'jdbc:postgresql://127.0.0.1:5432/zendo': { status: 'UP', details: { database: 'PostgreSQL' } } },
    },
    kafka: { name: 'identity', status: 'UP', details: { brokerId: '1', clusterId: 'x', nodes: 1 } },
    redis: { name: 'identity', status: 'UP' },
    diskSpace: { name: 'identity', status: 'UP', details: { total: 100, free: 50, threshold: 10 } },
  },
};

describe('toState', () => {
  it('maps UP and DOWN and treats anything else as unknown', () => {
    expect(toState('UP')).toBe('up');
    expect(toState('DOWN')).toBe('down');
    expect(toState('UNKNOWN')).toBe('unknown');
    expect(toState('OUT_OF_SERVICE')).toBe('unknown');
    expect(toState(undefined)).toBe('unknown');
  });
});

describe('parseHealth', () => {
  it('reads a healthy report with its components in order', () => {
    expect(parseHealth(200, UP_BODY)).toEqual({
      reachable: true,
      state: 'up',
      status: 'UP',
      httpStatus: 200,
      components: [
        { name: 'jdbc', state: 'up', status: 'UP' },
        { name: 'kafka', state: 'up', status: 'UP' },
        { name: 'redis', state: 'up', status: 'UP' },
        { name: 'diskSpace', state: 'up', status: 'UP' },
      ],
    });
  });

  it('reads a 503 DOWN report and finds nested component errors', () => {
    const body = {
      name: 'conversations',
      status: 'DOWN',
      details: {
        jdbc: {
          status: 'DOWN',
          details: { 'jdbc:postgresql://db/zendo': { status: 'DOWN', details: { error: 'Connection refused' } } },
        },
        kafka: { status: 'DOWN', details: { error: 'Timed out waiting for a node assignment' } },
        redis: { status: 'UP' },
      },
    };
    const health = parseHealth(503, body);
    expect(health).toMatchObject({ reachable: true, state: 'down', status: 'DOWN', httpStatus: 503 });
    expect(health.reachable && health.components).toEqual([
      { name: 'jdbc', state: 'down', status: 'DOWN', error: 'Connection refused' },
      { name: 'kafka', state: 'down', status: 'DOWN', error: 'Timed out waiting for a node assignment' },
      { name: 'redis', state: 'up', status: 'UP' },
    ]);
  });

  it('accepts a report without details (details hidden from anonymous callers)', () => {
    expect(parseHealth(200, { status: 'UP' })).toEqual({
      reachable: true,
      state: 'up',
      status: 'UP',
      httpStatus: 200,
      components: [],
    });
  });

  it('keeps unusual statuses verbatim and tolerates malformed components', () => {
    const health = parseHealth(200, { status: 'OUT_OF_SERVICE', details: { weird: 'text', nulls: null, odd: { status: 7 } } });
    expect(health).toMatchObject({ reachable: true, state: 'unknown', status: 'OUT_OF_SERVICE' });
    expect(health.reachable && health.components).toEqual([
      { name: 'weird', state: 'unknown', status: 'UNKNOWN' },
      { name: 'nulls', state: 'unknown', status: 'UNKNOWN' },
      { name: 'odd', state: 'unknown', status: 'UNKNOWN' },
    ]);
  });

  it.each([
    [502, undefined],
    [504, undefined],
    [404, { message: 'Page Not Found' }],
    [200, 'UP'],
    [200, ['UP']],
    [200, null],
    [200, { status: 1 }],
  ])('treats HTTP %s with body %j as unreachable', (httpStatus, body) => {
    expect(parseHealth(httpStatus, body)).toEqual({
      reachable: false,
      reason: `HTTP ${httpStatus} without a health report`,
    });
  });
});
