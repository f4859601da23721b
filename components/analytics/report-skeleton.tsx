import { Skeleton } from "@/components/ui/skeleton";

/** The size of a report block (header + 288 px chart), so nothing jumps when it streams in. */
export function ReportSkeleton() {
  return (
    <div role="status" aria-busy="true" className="border-border bg-card rounded-xl border p-5">
      <Skeleton className="h-5 w-48" />
      <Skeleton className="mt-2 h-4 w-72 max-w-full" />
      <Skeleton className="mt-6 h-72 w-full" />
    </div>
  );
}
