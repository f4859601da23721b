import type { ReactNode } from "react";

// The shell (sidebar, top bar) belongs to the dashboard layout; a wall screen must not show it, so hide it while this layer exists.
const HIDE_SHELL = "body:has([data-kiosk]) [data-shell] { display: none !important; }";

/** Wall mode: a dark, full-viewport layer over the app shell, with larger type; nothing in it needs a click. */
export function KioskLayer({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      data-kiosk
      data-testid="kiosk"
      aria-label={label}
      className="dark bg-background text-foreground fixed inset-0 z-50 overflow-auto p-4 text-lg sm:p-8 [&_h2]:text-lg [&_h3]:text-xl"
    >
      <style>{HIDE_SHELL}</style>
      {children}
    </div>
  );
}
