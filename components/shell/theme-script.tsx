// The server cannot know the OS preference, so for "system" this runs before the
// first paint and adds the `dark` class itself (explicit choices are rendered server-side).
const SYSTEM_THEME_SCRIPT = `try{if(matchMedia("(prefers-color-scheme: dark)").matches)document.documentElement.classList.add("dark")}catch(e){}`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: SYSTEM_THEME_SCRIPT }} />;
}
