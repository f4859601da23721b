// A run's mapping: a named preset, or a mapping file's JSON (validated with zod).
import { readFile } from "node:fs/promises";

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
