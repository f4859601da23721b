import { Activity } from "lucide-react";
import Link from "next/link";

/** The product mark, linking home. */
export function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md font-semibold tracking-tight focus-visible:outline-2">
      <span className="bg-primary text-primary-foreground grid size-7 place-items-center rounded-md">
        <Activity aria-hidden className="size-4" />
      </span>
      Pulseboard
    </Link>
  );
}
