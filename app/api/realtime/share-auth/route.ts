// POST /api/realtime/share-auth: signs a share viewer's subscription (pusher-js posts socket_id and channel_name;
// the link's token comes in x-share-token). Only the link's own channels; bare {auth, channel_data} like /api/realtime/auth.
import { NextResponse } from "next/server";

import { subscriptionRequestSchema } from "@/lib/realtime/authorize-subscription";
import { authorizeShareSubscription } from "@/lib/shares/authorize-share-subscription";
import { withShareLink } from "@/lib/shares/with-share-link";

export const POST = withShareLink(async (request, { share }) => {
  const { socket_id, channel_name } = subscriptionRequestSchema.parse(Object.fromEntries((await request.formData()).entries()));
  return NextResponse.json(authorizeShareSubscription(share, socket_id, channel_name));
});
