import { ArrowRight } from "lucide-react";

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "∅";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** An entry's details: its facts as "key: value", and a settings change as one "field: before → after" line per field. */
export function AuditDetails({ details, empty }: { details: Json | null; empty: string }) {
  if (!details || Object.keys(details).length === 0) return <span className="text-muted-foreground">{empty}</span>;
  const { before, after, ...facts } = details;
  // before/after that are not a pair of objects are facts like any other.
  const paired = isObject(before) && isObject(after);
  const changed = paired ? [...new Set([...Object.keys(before), ...Object.keys(after)])] : [];
  const rest = paired ? facts : details;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-0.5 text-xs" data-testid="audit-details">
      {changed.map((field) => (
        <div key={`change-${field}`} className="contents" data-testid="audit-change">
          <dt className="text-muted-foreground font-medium">{field}</dt>
          <dd className="flex flex-wrap items-center gap-1 break-all">
            <span className="rounded bg-red-500/10 px-1 line-through decoration-red-500/60">{show((before as Json)[field])}</span>
            <ArrowRight aria-label="→" className="size-3 shrink-0" />
            <span className="rounded bg-green-500/10 px-1">{show((after as Json)[field])}</span>
          </dd>
        </div>
      ))}
      {Object.entries(rest).map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="text-muted-foreground font-medium">{key}</dt>
          <dd className="break-all">{show(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
