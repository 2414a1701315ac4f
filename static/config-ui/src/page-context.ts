import { view } from '@forge/bridge';
import { createContext, useContext } from 'react';

export const ADMIN_PAGE_MODULE = 'admin-page';
export const PROJECT_SETTINGS_MODULE = 'project-settings-page';

/** What the pages need from Forge's `view.getContext()`. */
export interface PageContext {
  moduleKey: string;
  siteUrl: string;
  timezone?: string;
  colorMode?: 'light' | 'dark';
  projectKey?: string;
}

export async function loadPageContext(): Promise<PageContext> {
  const context = (await view.getContext()) as unknown as {
    moduleKey?: string;
    siteUrl?: string;
    timezone?: string;
    theme?: { colorMode?: string } | null;
    extension?: { project?: { key?: string } };
  };
  const colorMode = context.theme?.colorMode;
  return {
    moduleKey: context.moduleKey ?? ADMIN_PAGE_MODULE,
    siteUrl: (context.siteUrl ?? '').replace(/\/$/, ''),
    ...(context.timezone ? { timezone: context.timezone } : {}),
    ...(colorMode === 'light' || colorMode === 'dark' ? { colorMode } : {}),
    ...(context.extension?.project?.key ? { projectKey: context.extension.project.key } : {}),
  };
}

export const PageContextValue = createContext<PageContext>({ moduleKey: ADMIN_PAGE_MODULE, siteUrl: '' });

export const usePageContext = (): PageContext => useContext(PageContextValue);
