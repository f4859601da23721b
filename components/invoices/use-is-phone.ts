"use client";

import { useSyncExternalStore } from "react";

// Tailwind's `md` breakpoint: below it the grid shows cards instead of a table.
const PHONE_QUERY = "(max-width: 767.98px)";

function subscribe(onChange: () => void) {
  const media = window.matchMedia(PHONE_QUERY);
  media.addEventListener("change", onChange);
  return () => media.removeEventListener("change", onChange);
}

/** True below 768 px. The server renders the desktop layout; phones switch on hydration. */
export function useIsPhone(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(PHONE_QUERY).matches,
    () => false,
  );
}
