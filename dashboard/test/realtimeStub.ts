import type { Realtime, RealtimeFrame } from '../src/realtime/RealtimeProvider';
import { settle } from './settings/render';

/** Stands in for `src/realtime/RealtimeProvider` in component tests: `vi.mock(path, () => import('../realtimeStub'))`. */
export { RESYNC } from '../src/realtime/frames';

const handlers = new Set<(frame: RealtimeFrame) => void>();

/** A live connection whose subscribers hear the frames `emit` pushes. */
export function useRealtime(): Realtime {
  return {
    status: 'live',
    subscribe: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    send: () => true,
  };
}

/** Hands `frame` to every subscriber, as if the realtime edge had pushed it, and lets the UI catch up. */
export async function emit(frame: RealtimeFrame): Promise<void> {
  handlers.forEach((handler) => handler(frame));
  await settle();
}
