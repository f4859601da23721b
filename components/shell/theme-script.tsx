// The server cannot know the OS preference, so for "system" this runs before the
// first paint and adds the `dark` class itself (explicit choices are rendered server-side).
const SYSTEM_THEME_SCRIPT = `try{if(matchMedia("(prefers-color-scheme: dark)").matches)document.documentElement.classList.add("dark")}catch(e){}`;

/** `nonce`: this request's script nonce, which the Content-Security-Policy requires of inline scripts. */
export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: SYSTEM_THEME_SCRIPT }} />;
}
