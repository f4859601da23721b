import type { ReactNode } from "react";

import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils/cn";

export interface Column<T> {
  key: string;
  label: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned with tabular figures, header included. */
  numeric?: boolean;
  /** Extra classes for the column's cells (cells do not wrap unless told). */
  className?: string;
}

interface DataTableProps<T> {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string | number;
  testId?: string;
  /** `data-*` attributes of a row, for tests and styling hooks. */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  /** Shown in place of the rows when there are none. */
  empty?: ReactNode;
}

/** The app's table of rows: one column definition per column, numeric columns aligned. */
export function DataTable<T>({ columns, rows, rowKey, testId, rowData, empty }: DataTableProps<T>) {
  return (
    <Table data-testid={testId}>
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <TableHead key={column.key} className={cn(column.numeric && "text-right")}>
              {column.label}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 && empty ? (
          <TableRow>
            <TableCell colSpan={columns.length} className="text-muted-foreground">
              {empty}
            </TableCell>
          </TableRow>
        ) : (
          rows.map((row) => (
            <TableRow key={rowKey(row)} {...rowData?.(row)}>
              {columns.map((column) => (
                <TableCell
                  key={column.key}
                  className={cn("whitespace-nowrap", column.numeric && "text-right tabular-nums", column.className)}
                >
                  {column.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
