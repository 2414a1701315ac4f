import vm from 'node:vm';

type Bridge = typeof import('@forge/bridge');
type Listener = (event: { origin: string; data: unknown }) => void;

/** What a frame asked of the browser: same-tab navigation, a new tab, a reload. */
export type Navigation = { kind: 'assign' | 'open'; url: string } | { kind: 'reload'; of: 'frame' | 'top' };

export interface OpenedFrame {
  /** The real `@forge/bridge`, bound to the frame's injected bridge. */
  bridge: Bridge;
  /** What the frame posted to the page hosting it. */
  hostMessages: Record<string, unknown>[];
  navigations: Navigation[];
  /** Posts a message from the hosting page to the frame (as the Jira sandbox's pages do). */
  fromHost(data: unknown): void;
  /** The attributes the frame set on its `<html>` element. */
  htmlAttributes: Record<string, string>;
}

export interface FrameOptions {
  /** Opened inside another page (an iframe) rather than on its own. Default true. */
  framed?: boolean;
  colorScheme?: 'light' | 'dark';
}

/**
 * Loads a Custom UI page as a browser would: runs the bridge script the runtime injected first in its
 * `<head>`, in a window with just what the script uses (location, parent, matchMedia, message events),
 * then loads the real `@forge/bridge` against it (the SDK binds `__bridge` when it is imported).
 */
export async function openFrame(baseUrl: string, framePath: string, options: FrameOptions = {}): Promise<OpenedFrame> {
  const response = await fetch(`${baseUrl}${framePath}`);
  const html = await response.text();
  const script = /<head[^>]*><script>([\s\S]*?)<\/script>/.exec(html)?.[1];
  if (!script) throw new Error(`no bridge script injected first in <head> of ${framePath} (${response.status})`);
  const hostMessages: Record<string, unknown>[] = [];
  const navigations: Navigation[] = [];
  const listeners: Listener[] = [];
  const htmlAttributes: Record<string, string> = {};
  const origin = new URL(baseUrl).origin;
  const frameLocation = {
    origin,
    href: `${baseUrl}${framePath}`,
    assign: (url: string) => navigations.push({ kind: 'assign', url }),
    reload: () => navigations.push({ kind: 'reload', of: 'frame' }),
  };
  const window: Record<string, unknown> = {
    location: frameLocation,
    addEventListener: (type: string, listener: Listener) => {
      if (type === 'message') listeners.push(listener);
    },
    matchMedia: (query: string) => ({ matches: query.includes('dark') && options.colorScheme === 'dark' }),
    open: (url: string) => navigations.push({ kind: 'open', url }),
  };
  if (options.framed ?? true) {
    window.parent = {
      postMessage: (message: Record<string, unknown>, targetOrigin: string) => {
        if (targetOrigin === origin) hostMessages.push(message);
      },
    };
    window.top = {
      location: {
        assign: (url: string) => navigations.push({ kind: 'assign', url }),
        reload: () => navigations.push({ kind: 'reload', of: 'top' }),
      },
    };
  } else {
    window.parent = window;
    window.top = window;
  }
  const page: Record<string, unknown> = {
    window,
    document: {
      addEventListener: () => undefined,
      documentElement: { setAttribute: (name: string, value: string) => (htmlAttributes[name] = value) },
    },
    fetch: (url: string, init?: RequestInit) => fetch(`${baseUrl}${url}`, init),
    URL,
    console,
  };
  vm.runInNewContext(script, page);
  const globals = globalThis as unknown as { __bridge?: unknown };
  globals.__bridge = page.__bridge;
  let bridge: Bridge | undefined;
  jest.isolateModules(() => {
    bridge = jest.requireActual<Bridge>('@forge/bridge');
  });
  delete globals.__bridge;
  return {
    bridge: bridge as Bridge,
    hostMessages,
    navigations,
    htmlAttributes,
    fromHost: (data) => {
      for (const listener of listeners) listener({ origin, data });
    },
  };
}
