import type { ComponentProps } from "react";

import { cn } from "@/lib/utils/cn";

/** A placeholder block; give it the size of what it stands in for so nothing jumps when data arrives. */
export function Skeleton({ className, ...props }: ComponentProps<"div">) {
  return <div aria-hidden className={cn("bg-muted animate-pulse rounded-md", className)} {...props} />;
}
