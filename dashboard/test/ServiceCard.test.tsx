import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ServiceCheck } from '../src/status/checkService';
import { ServiceCard } from '../src/status/ServiceCard';
import { SERVICES } from '../src/status/services';

const identity = SERVICES[0];
const checkedAt = new Date('2026-11-21T10:00:00Z');

describe('ServiceCard', () => {
  it('shows components, their statuses and the API docs link', () => {
    const check: ServiceCheck = {
      checkedAt,
      latencyMs: 12,
      health: {
        reachable: true,
        state: 'down',
        status: 'DOWN',
        httpStatus: 503,
        components: [
          { name: 'jdbc', state: 'up', status: 'UP' },
          { name: 'kafka', state: 'down', status: 'DOWN', error: 'broker gone' },
        ],
      },
    };
    const html = renderToStaticMarkup(<ServiceCard service={identity} check={check} hostname="localhost" />);
    expect(html).toContain('badge--down');
    expect(html).toContain('jdbc');
    expect(html).toContain('broker gone');
    expect(html).toContain('HTTP 503');
    expect(html).toContain('href="http://localhost:8081/swagger-ui/"');
  });

  it('renders reported text as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const check: ServiceCheck = {
      checkedAt,
      latencyMs: 1,
      health: {
        reachable: true,
        state: 'unknown',
        status: hostile,
        httpStatus: 200,
        components: [{ name: hostile, state: 'down', status: hostile, error: hostile }],
      },
    };
    const html = renderToStaticMarkup(<ServiceCard service={identity} check={check} hostname="localhost" />);
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('explains an unreachable service and a pending one', () => {
    const unreachable: ServiceCheck = { checkedAt, latencyMs: 4000, health: { reachable: false, reason: 'No answer within 4 s' } };
    expect(renderToStaticMarkup(<ServiceCard service={identity} check={unreachable} hostname="h" />)).toContain(
      'No answer within 4 s',
    );
    expect(renderToStaticMarkup(<ServiceCard service={identity} hostname="h" />)).toContain('Waiting for the first check');
  });
});
