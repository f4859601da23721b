"use client";

import { Eye } from "lucide-react";

import { useT } from "@/components/i18n/i18n-provider";
import { usePresence } from "@/lib/realtime/use-presence";
import { initials } from "@/lib/utils/initials";

// More avatars than this turn into "+N": the stack stays one small row, on a phone too.
const SHOWN = 5;

/**
 * The signed-in people watching this page's scope now, as a stack of initials with a count, plus
 * anonymous share-link viewers as "+N guests". Being on the page joins the presence channel.
 */
export function WhoIsWatching({ channel, meId }: { channel: string; meId: string }) {
  const t = useT();
  const { people, guests } = usePresence(channel);
  if (people.length === 0 && guests === 0) return null;
  const hidden = people.length - SHOWN;
  return (
    <div
      data-testid="who-is-watching"
      data-count={people.length}
      data-guests={guests}
      className="text-muted-foreground flex items-center gap-2 text-xs"
    >
      <Eye aria-hidden className="size-4" />
      <ul aria-label={t("notices.presence.label")} className="flex -space-x-2">
        {people.slice(0, SHOWN).map((person) => {
          const label = t("notices.presence.member", {
            name: person.id === meId ? t("notices.presence.you", { name: person.name }) : person.name,
            role: t(`roles.${person.role}`),
          });
          return (
            <li key={person.id} data-testid="watcher" data-user-id={person.id} title={label}>
              <span
                aria-hidden
                className="bg-primary text-primary-foreground ring-background grid size-7 place-items-center rounded-full text-[0.65rem] font-semibold ring-2"
              >
                {initials(person.name)}
              </span>
              <span className="sr-only">{label}</span>
            </li>
          );
        })}
        {hidden > 0 && (
          <li className="bg-muted text-foreground ring-background grid size-7 place-items-center rounded-full text-[0.65rem] font-semibold ring-2">
            {t("notices.presence.more", { count: hidden })}
          </li>
        )}
      </ul>
      <span data-testid="watcher-count" aria-live="polite">
        {t("notices.presence.count", { count: people.length })}
        {guests > 0 && <span data-testid="watcher-guests"> {t("notices.presence.guests", { count: guests })}</span>}
      </span>
    </div>
  );
}
