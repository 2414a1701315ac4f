import { view } from '@forge/bridge';
import { createContext, useContext } from 'react';

export const PANEL_MODULE = 'wave-invoice-panel';
export const GADGET_MODULE = 'wave-receivables-gadget';

export type ViewKind = 'panel' | 'gadget' | 'gadget-edit';

/** What the views need from Forge's `view.getContext()`. */
export interface ViewContext {
  kind: ViewKind;
  /** The Jira site (`https://<site>.atlassian.net`, the sandbox's `/jira` locally), for plain links to issues. */
  siteUrl: string;
  colorMode?: 'light' | 'dark';
}

export async function loadViewContext(): Promise<ViewContext> {
  const context = (await view.getContext()) as unknown as {
    moduleKey?: string;
    siteUrl?: string;
    theme?: { colorMode?: string } | null;
    extension?: { entryPoint?: string };
  };
  const colorMode = context.theme?.colorMode;
  const kind: ViewKind =
    context.moduleKey === GADGET_MODULE
      ? context.extension?.entryPoint === 'edit'
        ? 'gadget-edit'
        : 'gadget'
      : 'panel';
  return {
    kind,
    siteUrl: (context.siteUrl ?? '').replace(/\/$/, ''),
    ...(colorMode === 'light' || colorMode === 'dark' ? { colorMode } : {}),
  };
}

export const SiteUrl = createContext('');

export const useSiteUrl = (): string => useContext(SiteUrl);
