// POST /api/realtime/auth: signs a private or presence subscription for the
// signed-in user (pusher-js posts socket_id and channel_name as a form).
// Answers the bare {auth, channel_data} that pusher-js expects; errors use the envelope.
import { NextResponse } from "next/server";
import { z } from "zod";

import { authorizeSubscription } from "@/lib/realtime/authorize-subscription";
import { withSession } from "@/lib/server/http/with-session";

const authRequestSchema = z.object({
  socket_id: z.string().regex(/^\d+\.\d+$/, "socket_id must look like 123.456"),
  channel_name: z.string().min(1).max(200),
});

export const POST = withSession("dashboards.read", async (request, { user }) => {
  const form = Object.fromEntries((await request.formData()).entries());
  const { socket_id, channel_name } = authRequestSchema.parse(form);
  return NextResponse.json(await authorizeSubscription(user, socket_id, channel_name));
});
