import { useSyncExternalStore } from 'react';

const subscribe = () => () => undefined;

/**
 * False in the server HTML and until React has attached its handlers. Buttons whose work is done
 * by a client handler stay disabled until then, so an early click is not lost (or turned into a
 * plain form submission that reloads the page and decides nothing).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
