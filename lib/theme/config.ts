// Light, dark, or follow the operating system. Stored in a cookie so the server
// renders the right class on <html> and the page never flashes the wrong theme.
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_COOKIE = "pulseboard-theme";

export function parseTheme(value: string | undefined): Theme {
  return (THEMES as readonly string[]).includes(value ?? "") ? (value as Theme) : "system";
}
