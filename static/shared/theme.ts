/** The theme both apps ask for: Jira's colour mode (or the system's) with Atlassian's light and dark tokens. */
export interface ThemeChoice {
  colorMode: 'light' | 'dark' | 'auto';
  light: 'light';
  dark: 'dark';
  spacing: 'spacing';
  typography: 'typography';
}

/** The two theme loaders, passed in by the app so that their packages come from its own node_modules (README). */
export interface ThemeLoaders {
  /** Forge's `view.theme.enable()`: applies Jira's theme inside Jira. */
  enableForgeTheme: () => Promise<unknown>;
  /** `@atlaskit/tokens`' `setGlobalTheme`: covers the local stack, where Forge applies nothing. */
  setGlobalTheme: (theme: ThemeChoice) => Promise<unknown>;
}

/** Follows Jira's light or dark theme; a loader that fails leaves the page in the default theme rather than blank. */
export async function applyTheme(colorMode: 'light' | 'dark' | undefined, loaders: ThemeLoaders): Promise<void> {
  await loaders.enableForgeTheme().catch(() => undefined);
  await loaders
    .setGlobalTheme({
      colorMode: colorMode ?? 'auto',
      light: 'light',
      dark: 'dark',
      spacing: 'spacing',
      typography: 'typography',
    })
    .catch(() => undefined);
}
