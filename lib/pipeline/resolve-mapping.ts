// A run's mapping: a named preset, or a mapping file's JSON (validated with zod), or for a file
// given neither, the preset its header matches.
import { openAsBlob } from "node:fs";
import { readFile } from "node:fs/promises";

import { readCsvSample } from "./csv-sample";
import { detectMapping } from "./detect-mapping";
import { isPresetName, mappingSchema, PRESETS, type Mapping } from "./mapping";

export interface ResolvedMapping {
  preset: string | null;
  mapping: Mapping;
}

export function resolveMapping({ preset, mappingJson }: { preset?: string | null; mappingJson?: string | null }): ResolvedMapping {
  if (mappingJson) return { preset: null, mapping: mappingSchema.parse(JSON.parse(mappingJson)) };
  const name = preset ?? "canonical";
  if (!isPresetName(name)) throw new Error(`Unknown preset "${name}" (known: ${Object.keys(PRESETS).join(", ")})`);
  return { preset: name, mapping: PRESETS[name] };
}

export async function resolveMappingFile(preset: string | undefined, mappingFile: string | undefined): Promise<ResolvedMapping> {
  return resolveMapping({ preset, mappingJson: mappingFile ? await readFile(mappingFile, "utf8") : null });
}

/**
 * The preset the header of `file` matches. For a header no preset matches, the error carries a
 * suggested mapping to save, correct and pass as a mapping file.
 */
export async function detectFileMapping(file: string): Promise<ResolvedMapping> {
  const sample = await readCsvSample(await openAsBlob(file));
  // No readable header: the run fails with the reader's reason, as it always has.
  if (!sample) return resolveMapping({});
  const detection = detectMapping(sample);
  if (detection.match === "preset") return { preset: detection.name, mapping: detection.mapping };
  const missing = detection.missing.length > 0 ? `; it maps nothing to ${detection.missing.join(", ")}` : "";
  throw new Error(
    `No preset matches the header of ${file}. A suggested mapping follows${missing}: save it to a file, correct it, and give --mapping FILE.\n${JSON.stringify(detection.mapping, null, 2)}`,
  );
}
