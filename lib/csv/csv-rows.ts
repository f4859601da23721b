// CSV text from rows (pure). Cells that a spreadsheet would run as a formula are quoted as text.
export type CsvCell = string | number | null;

function escapeCell(value: CsvCell): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && Number.isNaN(Number(text))) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** CSV lines (each ending in CRLF), for output written in pieces. */
export function csvRows(rows: readonly (readonly CsvCell[])[]): string {
  return rows.map((row) => row.map(escapeCell).join(",") + "\r\n").join("");
}

export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return csvRows([columns, ...rows]);
}
