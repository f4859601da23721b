"use client";

import { useEffect, useMemo, useState } from "react";
import { z } from "zod";

import { ROLES } from "../permissions";
import { useRealtime, type PresenceMember } from "./realtime-provider";

// What /api/realtime/auth signs for a signed-in user, and what a share link's viewer joins with.
const personInfoSchema = z.object({ name: z.string(), role: z.enum(ROLES) });
const guestInfoSchema = z.object({ anonymous: z.literal(true) });

export interface Watcher {
  id: string;
  name: string;
  role: z.infer<typeof personInfoSchema>["role"];
}

/**
 * Who is on a presence channel now, live: the signed-in people (one each, however many tabs,
 * sorted by name) and how many anonymous share-link viewers. Calling it joins the channel.
 */
export function usePresence(channel: string): { people: Watcher[]; guests: number } {
  const { watchMembers } = useRealtime();
  const [members, setMembers] = useState<PresenceMember[]>([]);
  useEffect(() => watchMembers(channel, setMembers), [channel, watchMembers]);
  return useMemo(() => {
    const people: Watcher[] = [];
    let guests = 0;
    for (const member of members) {
      const person = personInfoSchema.safeParse(member.info);
      if (person.success) people.push({ id: member.id, ...person.data });
      else if (guestInfoSchema.safeParse(member.info).success) guests += 1;
    }
    return { people: people.sort((a, b) => a.name.localeCompare(b.name)), guests };
  }, [members]);
}
