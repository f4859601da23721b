import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

/** Centered message for screens outside the app shell: 403, 404, an unusable share link. */
export function FullPageMessage({
  icon: Icon,
  code,
  title,
  description,
  action,
}: {
  icon: LucideIcon;
  code?: string;
  title: string;
  description: string;
  action?: ReactNode;
}) {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-10">
      <div className="flex max-w-md flex-col items-center text-center">
        <div className="bg-muted text-muted-foreground mb-5 rounded-full p-4">
          <Icon aria-hidden className="size-7" />
        </div>
        <h1 className="text-2xl font-semibold tracking-tight text-balance">
          {code && <span className="text-muted-foreground mb-1 block font-mono text-sm font-normal">{code}</span>}
          {title}
        </h1>
        <p className="text-muted-foreground mt-2 text-sm text-pretty">{description}</p>
        {action && <div className="mt-6">{action}</div>}
      </div>
    </main>
  );
}
