import { useEffect, useState } from 'react';
import { checkService, type ServiceCheck } from './checkService';
import type { Service } from './services';

/** Time between the starts of two polling rounds. */
export const POLL_INTERVAL_MS = 5000;

/** Polls every service's health every 5 s; maps service name to its latest check. */
export function useServiceChecks(services: readonly Service[]): Record<string, ServiceCheck> {
  const [checks, setChecks] = useState<Record<string, ServiceCheck>>({});

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const round = async () => {
      const started = Date.now();
      await Promise.all(
        services.map(async ({ name }) => {
          const check = await checkService(name);
          if (!cancelled) setChecks((previous) => ({ ...previous, [name]: check }));
        }),
      );
      if (!cancelled) timer = setTimeout(round, Math.max(0, POLL_INTERVAL_MS - (Date.now() - started)));
    };

    void round();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [services]);

  return checks;
}
