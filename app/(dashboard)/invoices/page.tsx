import type { Metadata } from "next";
import { Suspense } from "react";

import { InvoiceStream } from "@/components/invoices/invoice-stream";
import { InvoiceStreamSkeleton } from "@/components/invoices/invoice-stream-skeleton";
import { WhoIsWatching } from "@/components/presence/who-is-watching";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { loadInvoiceStream } from "@/lib/invoices/load-invoice-stream";
import { scopedChannel } from "@/lib/realtime/channels";
import { requireUser } from "@/lib/server/auth/require-user";
import type { SessionUser } from "@/lib/server/auth/session-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pages.invoices.title") };
}

async function LiveInvoiceStream({ user }: { user: SessionUser }) {
  const stream = await loadInvoiceStream(user);
  return <InvoiceStream {...stream} />;
}

export default async function InvoicesPage() {
  const user = await requireUser("/invoices");
  const t = await getTranslator();
  return (
    <>
      <PageHeader
        title={t("pages.invoices.title")}
        description={t("pages.invoices.description")}
        actions={<WhoIsWatching channel={scopedChannel("viewers", user.businessUnitSlug)} meId={user.id} />}
      />
      <Suspense fallback={<InvoiceStreamSkeleton />}>
        <LiveInvoiceStream user={user} />
      </Suspense>
    </>
  );
}
