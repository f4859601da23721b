// The message catalogs: the shell's strings plus one namespace per feature, each in
// its own files (lib/i18n/messages/<feature>/<locale>.json) so features grow independently.
import adminEn from "./messages/admin/en.json";
import adminEs from "./messages/admin/es.json";
import adminPtBR from "./messages/admin/pt-BR.json";
import analyticsEn from "./messages/analytics/en.json";
import analyticsEs from "./messages/analytics/es.json";
import analyticsPtBR from "./messages/analytics/pt-BR.json";
import auditEn from "./messages/audit/en.json";
import auditEs from "./messages/audit/es.json";
import auditPtBR from "./messages/audit/pt-BR.json";
import en from "./messages/en.json";
import es from "./messages/es.json";
import explorerEn from "./messages/explorer/en.json";
import explorerEs from "./messages/explorer/es.json";
import explorerPtBR from "./messages/explorer/pt-BR.json";
import invoicesEn from "./messages/invoices/en.json";
import invoicesEs from "./messages/invoices/es.json";
import invoicesPtBR from "./messages/invoices/pt-BR.json";
import noticesEn from "./messages/notices/en.json";
import noticesEs from "./messages/notices/es.json";
import noticesPtBR from "./messages/notices/pt-BR.json";
import notificationsEn from "./messages/notifications/en.json";
import notificationsEs from "./messages/notifications/es.json";
import notificationsPtBR from "./messages/notifications/pt-BR.json";
import pipelineEn from "./messages/pipeline/en.json";
import pipelineEs from "./messages/pipeline/es.json";
import pipelinePtBR from "./messages/pipeline/pt-BR.json";
import ptBR from "./messages/pt-BR.json";
import sharesEn from "./messages/shares/en.json";
import sharesEs from "./messages/shares/es.json";
import sharesPtBR from "./messages/shares/pt-BR.json";

export const englishCatalog = {
  ...en,
  invoices: invoicesEn,
  analytics: analyticsEn,
  pipeline: pipelineEn,
  explorer: explorerEn,
  notifications: notificationsEn,
  admin: adminEn,
  audit: auditEn,
  shares: sharesEn,
  notices: noticesEn,
};

/** The shape of every catalog: English is the source of truth. */
export type Messages = typeof englishCatalog;

// Typed as Messages, so a catalog missing a key of the English one fails the type check too.
export const CATALOGS = {
  en: englishCatalog,
  es: {
    ...es,
    invoices: invoicesEs,
    analytics: analyticsEs,
    pipeline: pipelineEs,
    explorer: explorerEs,
    notifications: notificationsEs,
    admin: adminEs,
    audit: auditEs,
    shares: sharesEs,
    notices: noticesEs,
  } satisfies Messages,
  "pt-BR": {
    ...ptBR,
    invoices: invoicesPtBR,
    analytics: analyticsPtBR,
    pipeline: pipelinePtBR,
    explorer: explorerPtBR,
    notifications: notificationsPtBR,
    admin: adminPtBR,
    audit: auditPtBR,
    shares: sharesPtBR,
    notices: noticesPtBR,
  } satisfies Messages,
} as const;
