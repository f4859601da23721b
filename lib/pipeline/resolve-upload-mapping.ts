// The mapping of a run started from the app: a mapping file's JSON, a saved mapping, a preset, or,
// with none of them, the one its header matches (a preset or a saved mapping).
import "server-only";

import { openAsBlob } from "node:fs";

import type { SessionUser } from "../server/auth/session-user";
import { AppError } from "../server/errors";
import { readCsvSample } from "./csv-sample";
import type { ReceivedUpload } from "./receive-upload";
import { resolveMapping, type ResolvedMapping } from "./resolve-mapping";
import { detectMappingFor, findSavedMapping } from "./saved-mappings";

/** A preset by name or a mapping file's JSON; 422 BAD_MAPPING for an unknown preset or an invalid mapping. */
export function resolveRunMapping(preset: string | undefined, mappingJson: string | undefined): ResolvedMapping {
  try {
    return resolveMapping({ preset, mappingJson });
  } catch (error) {
    throw new AppError(422, "BAD_MAPPING", error instanceof Error ? error.message : "The mapping is invalid.");
  }
}

/**
 * The upload's mapping, the first given of `mapping`, `savedMapping` and `preset`. With none, the
 * header decides; a header nothing matches is a 422 MAPPING_REQUIRED whose details are a suggestion.
 */
export async function resolveUploadMapping(user: SessionUser, upload: Pick<ReceivedUpload, "file" | "fields">): Promise<ResolvedMapping> {
  const { mapping, savedMapping, preset } = upload.fields;
  if (mapping) return resolveRunMapping(undefined, mapping);
  if (savedMapping !== undefined) return { preset: null, mapping: await findSavedMapping(user, savedMapping) };
  if (preset) return resolveRunMapping(preset, undefined);
  const sample = await readCsvSample(await openAsBlob(upload.file));
  // No readable header: the run fails with the reader's reason, as it always has.
  if (!sample) return resolveRunMapping("canonical", undefined);
  const detection = await detectMappingFor(user, sample);
  if (detection.match === "preset") return { preset: detection.name, mapping: detection.mapping };
  if (detection.match === "saved") return { preset: null, mapping: detection.mapping };
  throw new AppError(
    422,
    "MAPPING_REQUIRED",
    "No preset or saved mapping matches the file's header: choose one, or send a mapping (details hold a suggestion).",
    detection,
  );
}
