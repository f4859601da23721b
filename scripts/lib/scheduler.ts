// The local stand-in for Vercel Cron: calls the app's cron routes on an interval,
// with the cron secret, never overlapping a job with itself. A job can also be
// poked to run soon (debounced), e.g. when sales change.
export interface ScheduledJob {
  path: string;
  everyMs: number;
}

export interface Scheduler {
  /** Runs the job within `delayMs`, coalescing pokes; runs again after if poked mid-run. */
  poke: (path: string, delayMs?: number) => void;
  stop: () => void;
}

export function startScheduler(baseUrl: string, cronSecret: string, jobs: readonly ScheduledJob[], log: (line: string) => void): Scheduler {
  const runners = new Map(
    jobs.map((job) => {
      let running = false;
      let again = false;
      let failing = false;
      let pending: NodeJS.Timeout | undefined;
      const run = () => {
        if (running) {
          again = true;
          return;
        }
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
            if (again) {
              again = false;
              run();
            }
          });
      };
      const poke = (delayMs: number) => {
        pending ??= setTimeout(() => {
          pending = undefined;
          run();
        }, delayMs);
      };
      const interval = setInterval(run, job.everyMs);
      const stop = () => {
        clearInterval(interval);
        clearTimeout(pending);
      };
      return [job.path, { poke, stop }] as const;
    }),
  );
  return {
    poke: (path, delayMs = 400) => runners.get(path)?.poke(delayMs),
    stop: () => runners.forEach((runner) => runner.stop()),
  };
}
