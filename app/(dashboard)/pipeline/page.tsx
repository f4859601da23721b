import type { Metadata } from "next";

import { NewRunDialog } from "@/components/pipeline/new-run-dialog";
import { RemoteSources } from "@/components/pipeline/remote-sources";
import { RunHistory } from "@/components/pipeline/run-history";
import { RunTodayButton } from "@/components/pipeline/run-today-button";
import { PageHeader } from "@/components/ui/page-header";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { inboxDir } from "@/lib/pipeline/inbox";
import { PRESET_NAMES } from "@/lib/pipeline/mapping";
import { listSources } from "@/lib/pipeline/remote-sources";
import { listRuns } from "@/lib/pipeline/run-queries";
import { listLoadableUnits, listSavedMappings } from "@/lib/pipeline/saved-mappings";
import { scopedChannel } from "@/lib/realtime/channels";
import { requireUser } from "@/lib/server/auth/require-user";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("pipeline.title") };
}

export default async function PipelinePage() {
  const user = await requireUser("/pipeline");
  const [t, runs, sources, savedMappings, units] = await Promise.all([
    getTranslator(),
    listRuns(user, { limit: 50 }),
    listSources(user),
    listSavedMappings(user),
    listLoadableUnits(user),
  ]);
  // A deployment without an inbox folder loads files by upload or from remote sources.
  const hasInbox = inboxDir() !== null;
  return (
    <>
      <PageHeader
        title={t("pipeline.title")}
        description={hasInbox ? t("pipeline.description") : `${t("pipeline.description")} ${t("pipeline.noInbox")}`}
        actions={
          <>
            {hasInbox ? <RunTodayButton /> : null}
            <NewRunDialog
              presets={PRESET_NAMES}
              savedMappings={savedMappings}
              units={units}
              canManageMappings={can(user.role, "pipeline.mappings.manage")}
            />
          </>
        }
      />
      <RemoteSources sources={sources} presets={PRESET_NAMES} canManage={can(user.role, "pipeline.sources.manage")} />
      <RunHistory initial={runs} channel={scopedChannel("pipeline", user.businessUnitSlug)} />
    </>
  );
}
