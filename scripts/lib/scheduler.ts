// The local stand-in for Vercel Cron: calls the app's cron routes on an interval,
// with the cron secret, never overlapping a job with itself.
export interface ScheduledJob {
  path: string;
  everyMs: number;
}

export function startScheduler(baseUrl: string, cronSecret: string, jobs: readonly ScheduledJob[], log: (line: string) => void): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    let failing = false;
    return setInterval(() => {
      if (running) return;
      running = true;
      fetch(`${baseUrl}${job.path}`, { headers: { authorization: `Bearer ${cronSecret}` } })
        .then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          if (failing) log(`${job.path} recovered`);
          failing = false;
        })
        .catch((error: unknown) => {
          // Say it once per outage, not once per tick.
          if (!failing) log(`${job.path} failed: ${error instanceof Error ? error.message : String(error)}`);
          failing = true;
        })
        .finally(() => {
          running = false;
        });
    }, job.everyMs);
  });
  return () => timers.forEach(clearInterval);
}
