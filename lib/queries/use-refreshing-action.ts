"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { fetchEnvelope } from "./fetch-envelope";

/** Calls an API route, then re-reads the server-rendered page; `busy` and a readable `error` for the UI. */
export function useRefreshingAction() {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** True when the call succeeded. */
  async function act(url: string, init: RequestInit): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await fetchEnvelope(url, init);
      router.refresh();
      return true;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { act, busy, error };
}
