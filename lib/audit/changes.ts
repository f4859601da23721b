// The `{ before, after }` of an audit entry: only the fields that changed, so the log reads as a diff.
export type JsonField = string | number | boolean | null | readonly JsonField[] | { readonly [key: string]: JsonField };
type Fields = Readonly<Record<string, JsonField | undefined>>;

export interface Changes {
  before: Record<string, JsonField>;
  after: Record<string, JsonField>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function changesBetween(before: Fields, after: Fields): Changes {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !same(before[key], after[key]));
  return {
    before: Object.fromEntries(keys.map((key) => [key, before[key] ?? null])),
    after: Object.fromEntries(keys.map((key) => [key, after[key] ?? null])),
  };
}
