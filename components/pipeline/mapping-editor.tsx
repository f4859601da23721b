"use client";

import { useId } from "react";

import { useT } from "@/components/i18n/i18n-provider";
import { fieldClassName } from "@/components/ui/field";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { CANONICAL_COLUMNS, type CanonicalColumn } from "@/lib/pipeline/columns";
import { PRICE_GAP } from "@/lib/pipeline/detect-mapping";
import type { Mapping } from "@/lib/pipeline/mapping";
import { REQUIRED_COLUMNS } from "@/lib/pipeline/validate-row";

const CONSTANT = "constant";
const COLUMN = "column:";
const PRICES: readonly CanonicalColumn[] = ["unit_price", "line_amount"];

/** The select's value for a canonical column: not mapped (""), a fixed value, or a file column. */
function sourceOf(mapping: Mapping, column: CanonicalColumn): string {
  if (mapping.constants[column] !== undefined) return CONSTANT;
  const from = mapping.columns[column];
  // Suggestions map one column each; a joined pair (date and time) shows, and is replaced, as its first.
  return from === undefined ? "" : COLUMN + (typeof from === "string" ? from : from[0]);
}

function withSource(mapping: Mapping, column: CanonicalColumn, source: string, constant: string): Mapping {
  const columns = { ...mapping.columns };
  const constants = { ...mapping.constants };
  delete columns[column];
  delete constants[column];
  if (source === CONSTANT) constants[column] = constant;
  else if (source.startsWith(COLUMN)) columns[column] = source.slice(COLUMN.length);
  return { ...mapping, columns, constants };
}

interface MappingEditorProps {
  header: readonly string[];
  mapping: Mapping;
  /** Required columns nothing feeds yet, as `missingColumns` names them. */
  missing: readonly string[];
  /** Business-unit slugs offered for a fixed business_unit. */
  units: readonly string[];
  onChange: (mapping: Mapping) => void;
}

/** Each canonical column ← one of the file's columns or a fixed value, and the date format. */
export function MappingEditor({ header, mapping, missing, units, onChange }: MappingEditorProps) {
  const t = useT();
  const unitList = useId();
  const isMissing = (column: CanonicalColumn) => missing.includes(column) || (PRICES.includes(column) && missing.includes(PRICE_GAP));
  return (
    <div className="flex flex-col gap-3" data-testid="mapping-editor">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>{t("pipeline.mappings.canonical")}</TableHead>
            <TableHead>{t("pipeline.mappings.source")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {CANONICAL_COLUMNS.map((column) => {
            const source = sourceOf(mapping, column);
            const required = REQUIRED_COLUMNS.includes(column) || PRICES.includes(column);
            return (
              <TableRow key={column} data-testid="mapping-row" data-column={column} data-missing={String(isMissing(column))}>
                <TableCell className="font-mono text-xs whitespace-nowrap">
                  {column}
                  {required ? <span className="text-muted-foreground font-sans"> ({t("pipeline.mappings.required")})</span> : null}
                </TableCell>
                <TableCell className="flex flex-wrap gap-2">
                  <select
                    className={`${fieldClassName} min-w-40 flex-1 ${isMissing(column) ? "border-danger" : ""}`}
                    value={source}
                    aria-label={column}
                    onChange={(event) => onChange(withSource(mapping, column, event.target.value, mapping.constants[column] ?? ""))}
                    data-testid={`mapping-source-${column}`}
                  >
                    <option value="">{t("pipeline.mappings.notMapped")}</option>
                    {header.map((name, index) => (
                      <option key={`${index}:${name}`} value={COLUMN + name}>
                        {name}
                      </option>
                    ))}
                    <option value={CONSTANT}>{t("pipeline.mappings.constant")}</option>
                  </select>
                  {source === CONSTANT ? (
                    <input
                      className={`${fieldClassName} min-w-32 flex-1`}
                      value={mapping.constants[column] ?? ""}
                      aria-label={t("pipeline.mappings.constantValue", { column })}
                      list={column === "business_unit" ? unitList : undefined}
                      onChange={(event) => onChange(withSource(mapping, column, CONSTANT, event.target.value))}
                      data-testid={`mapping-constant-${column}`}
                    />
                  ) : null}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <datalist id={unitList}>
        {units.map((slug) => (
          <option key={slug} value={slug} />
        ))}
      </datalist>
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t("pipeline.mappings.dateFormat")}
        <input
          className={fieldClassName}
          value={mapping.dateFormat}
          onChange={(event) => onChange({ ...mapping, dateFormat: event.target.value })}
          data-testid="mapping-date-format"
        />
      </label>
    </div>
  );
}
