import { Skeleton } from "@/components/ui/skeleton";

/** Same footprint as the stream, so nothing jumps when it arrives. */
export function InvoiceStreamSkeleton() {
  return (
    <div className="space-y-5" aria-busy>
      <Skeleton className="h-5 w-24" />
      <div className="grid grid-cols-2 gap-3 xl:grid-cols-4">
        {Array.from({ length: 4 }, (_, index) => (
          <Skeleton key={index} className="h-[5.5rem] rounded-xl" />
        ))}
      </div>
      <Skeleton className="h-48 rounded-xl" />
      <Skeleton className="h-[min(60vh,560px)] rounded-xl" />
    </div>
  );
}
