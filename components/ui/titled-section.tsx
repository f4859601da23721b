import { useId, type ReactNode } from "react";

import { cn } from "@/lib/utils/cn";

/** A section of a page under a heading, which also names it for screen readers. */
export function TitledSection({
  title,
  className,
  testId,
  children,
}: {
  title: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={cn("space-y-3", className)} data-testid={testId}>
      <h2 id={id} className="text-base font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
