// A run's log: each line stored in PipelineLog (a page opened mid-run reads them)
// and published on the run's channel (then it follows live).
import type pg from "pg";

import { CHANNELS, runChannels } from "../realtime/channels";
import { LOG_EVENT, RUN_EVENT, type RunLogLine, type RunView } from "./types";

export interface PublishedEvent {
  channel: string;
  name: string;
  data: unknown;
}

/** Publishes realtime events (the app passes publishEvents; the CLI may pass nothing). */
export type Publish = (events: PublishedEvent[]) => Promise<void>;

export interface RunLog {
  write: (level: RunLogLine["level"], message: string) => Promise<void>;
  announce: (run: RunView) => Promise<void>;
}

/** `unitSlug`: the run's business unit (null for a run of every unit), whose channel also hears of it. */
export function createRunLog(
  client: pg.ClientBase,
  runId: number,
  unitSlug: string | null,
  publish: Publish = async () => {},
  echo?: (line: string) => void,
): RunLog {
  let seq = 0;
  return {
    async write(level, message) {
      seq += 1;
      echo?.(message);
      const { rows } = await client.query<{ at: Date }>(
        `INSERT INTO "PipelineLog" ("runId", seq, level, message) VALUES ($1, $2, $3, $4) RETURNING at`,
        [runId, seq, level, message],
      );
      const line: RunLogLine = { seq, level, message, at: rows[0]!.at.toISOString() };
      await publish([{ channel: CHANNELS.pipelineRun(runId), name: LOG_EVENT, data: line }]);
    },
    async announce(run) {
      await publish(runChannels(runId, unitSlug).map((channel) => ({ channel, name: RUN_EVENT, data: run })));
    },
  };
}
