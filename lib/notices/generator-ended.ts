import "server-only";

import { db } from "../server/db";
import { createNoticesSafely } from "./create-notices";

/** Tells whoever started an invoice generator's run that it has produced its last invoice. Never throws. */
export function noticeGeneratorEnded(generatorId: number, run: { startedAt: Date | null; produced: number; unit: string | null }) {
  return createNoticesSafely(`generator ${generatorId}`, async () => {
    const state = await db.generatorState.findUnique({ where: { id: generatorId }, select: { startedById: true } });
    if (!state?.startedById) return [];
    return [
      {
        userId: state.startedById,
        kind: "GENERATOR_ENDED" as const,
        params: { unit: run.unit, produced: run.produced },
        link: "/invoices",
        dedupeKey: `generator:${generatorId}:${run.startedAt?.toISOString() ?? "never"}`,
      },
    ];
  });
}
