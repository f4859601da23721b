// Readable names of audit actions and target types (client-safe); one not in the catalog shows as recorded.
import type { MessageKey, Translator } from "../i18n/translate";

function labelOr(t: Translator, key: string, fallback: string): string {
  const text = t(key as MessageKey);
  return text === key ? fallback : text;
}

export const auditActionLabel = (t: Translator, action: string) => labelOr(t, `audit.actions.${action}`, action);

export const auditTargetLabel = (t: Translator, targetType: string) => labelOr(t, `audit.targets.${targetType}`, targetType);
