import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { Translator } from "@/lib/i18n/translate";

interface Operation {
  summary?: string;
  description?: string;
  tags?: readonly string[];
  security?: readonly object[];
  parameters?: readonly { name: string; in: string; required?: boolean; description?: string }[];
  responses: Readonly<Record<string, { description: string }>>;
}

type PathItem = Readonly<Record<string, Operation>>;

const METHOD_TONES: Record<string, string> = {
  get: "bg-sky-500/15 text-sky-700 dark:text-sky-300",
  post: "bg-emerald-500/15 text-emerald-700 dark:text-emerald-300",
  put: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
  patch: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
  delete: "bg-red-500/15 text-red-700 dark:text-red-300",
};

/** A readable rendering of the OpenAPI document: one card per operation, grouped by path. */
export function ApiReference({ paths, t }: { paths: Readonly<Record<string, PathItem>>; t: Translator }) {
  return (
    <div className="space-y-3">
      {Object.entries(paths).flatMap(([path, item]) =>
        Object.entries(item).map(([method, operation]) => (
          <Card key={`${method} ${path}`} className="space-y-2 p-4" data-testid="api-operation">
            <h2 className="flex flex-wrap items-center gap-2 font-mono text-sm">
              <span className={`rounded px-2 py-0.5 font-semibold uppercase ${METHOD_TONES[method] ?? ""}`}>{method}</span>
              <span className="break-all">{path}</span>
              {operation.security ? <Badge>{t("apiDocs.signedIn")}</Badge> : <Badge>{t("apiDocs.public")}</Badge>}
            </h2>
            {operation.summary ? <p className="font-medium">{operation.summary}</p> : null}
            {operation.description ? <p className="text-muted-foreground text-sm">{operation.description}</p> : null}
            {operation.parameters?.length ? (
              <ul className="text-sm">
                {operation.parameters.map((parameter) => (
                  <li key={`${parameter.in}:${parameter.name}`}>
                    <code>{parameter.name}</code> ({parameter.in}
                    {parameter.required ? `, ${t("apiDocs.required")}` : ""}){parameter.description ? ` — ${parameter.description}` : ""}
                  </li>
                ))}
              </ul>
            ) : null}
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              {Object.entries(operation.responses).map(([status, response]) => (
                <div key={status} className="contents">
                  <dt className="font-mono">{status}</dt>
                  <dd className="text-muted-foreground">{response.description}</dd>
                </div>
              ))}
            </dl>
          </Card>
        )),
      )}
    </div>
  );
}
