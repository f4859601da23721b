// POST /api/realtime/auth: signs a private or presence subscription for the
// signed-in user (pusher-js posts socket_id and channel_name as a form).
// Answers the bare {auth, channel_data} that pusher-js expects; errors use the envelope.
import { NextResponse } from "next/server";

import { authorizeSubscription, subscriptionRequestSchema } from "@/lib/realtime/authorize-subscription";
import { withSession } from "@/lib/server/http/with-session";

export const POST = withSession("dashboards.read", async (request, { user }) => {
  const form = Object.fromEntries((await request.formData()).entries());
  const { socket_id, channel_name } = subscriptionRequestSchema.parse(form);
  return NextResponse.json(await authorizeSubscription(user, socket_id, channel_name));
});
