import type { Messages } from "./catalogs";

export type { Messages };

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every dotted path to a string in the English catalog, e.g. "nav.items.overview". */
export type MessageKey = Leaves<Messages>;

export type MessageValues = Record<string, string | number>;
export type Translator = (key: MessageKey, values?: MessageValues) => string;

type Catalog = { readonly [key: string]: string | Catalog };

/** Nested catalog → { "a.b.c": "text" }. */
export function flattenMessages(catalog: Catalog, prefix = ""): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") flat[path] = value;
    else Object.assign(flat, flattenMessages(value, path));
  }
  return flat;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** Replaces {name} with values.name; unknown placeholders stay visible rather than vanish. */
export function interpolate(text: string, values?: MessageValues): string {
  if (!values) return text;
  return text.replace(PLACEHOLDER, (match, name: string) => (name in values ? String(values[name]) : match));
}

/** The placeholder names a message uses, sorted (for catalog consistency checks). */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "").sort();
}

/** `t(key, values)` over one catalog. A key missing at runtime comes back as itself, so it is visible but harmless. */
export function createTranslator(messages: Messages): Translator {
  const flat = flattenMessages(messages);
  return (key, values) => {
    const text = flat[key];
    return text === undefined ? key : interpolate(text, values);
  };
}
