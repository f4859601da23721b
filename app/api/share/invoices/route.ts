// GET /api/share/invoices: the newest invoices of a share link's scope, for its viewer's ticker (x-share-token).
import { listShareInvoices } from "@/lib/shares/share-overview";
import { withShareLink } from "@/lib/shares/with-share-link";

export const dynamic = "force-dynamic";

export const GET = withShareLink((_request, { share }) => listShareInvoices(share));
