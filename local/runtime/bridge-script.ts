import type { PageOrigin } from './page-origin';

/** What kind of frame a page is, for the calls the frame answers itself (`close`, `refresh`, `submit`'s aftermath). */
export type FrameSurface =
  { kind: 'page' } | { kind: 'issue-context' } | { kind: 'gadget-view' } | { kind: 'gadget-edit'; viewUrl: string };

/** Messages a frame posts to the page hosting it (`window.parent`), same origin only. */
export const FRAME_MESSAGE_SOURCE = 'forge-local-bridge';
/** Messages the hosting page posts to its frames (bridge events). */
export const HOST_MESSAGE_SOURCE = 'forge-local-host';

/**
 * Browser side of `globalThis.__bridge` (`@forge/bridge` looks for it when it loads). Calls that need
 * the backend go to `/_local/bridge/<name>`; the frame answers the rest itself or asks its host page
 * (the Jira sandbox's issue and dashboard pages) with `postMessage`:
 *
 * - `submit` (a gadget's edit view): saved by the backend, then the host shows the view again;
 * - `close` (a gadget's edit view: back to its view), `refresh` (an issue context: the issue page
 *   reloads; a gadget: it reloads), both answering false elsewhere, as Forge does;
 * - `navigate`/`open`/`getUrl`: URLs and NavigationLocations resolved by the backend, same-tab
 *   navigation moving the whole page, other sites opening in a new tab;
 * - `events.on`/`events.emit` between the app's frames on one page; `showFlag` as the host's flag;
 * - the frame's content height, so the host sizes the iframe to it;
 * - `getContext().theme.colorMode` follows the browser's light or dark preference.
 */
export function bridgeScript(origin: PageOrigin, surface: FrameSurface): string {
  // JSON with '<' escaped cannot close the script element.
  const embed = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `(function () {
  var origin = ${embed(origin)};
  var surface = ${embed(surface)};
  var framed = window.parent !== window;
  var listeners = {};
  function toHost(message) {
    if (!framed) return false;
    message.source = ${embed(FRAME_MESSAGE_SOURCE)};
    window.parent.postMessage(message, window.location.origin);
    return true;
  }
  function server(name, payload) {
    return fetch('/_local/bridge/' + encodeURIComponent(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ origin: origin, payload: payload === undefined ? null : payload })
    }).then(function (response) { return response.json(); }).then(function (answer) {
      if (answer.ok) return answer.value;
      throw new Error(answer.error);
    });
  }
  function colorMode() {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  }
  function goTo(url, newTab) {
    if (newTab || new URL(url).origin !== window.location.origin) window.open(url, '_blank', 'noopener');
    else window.top.location.assign(url);
  }
  function contentHeight() {
    var bottom = 0;
    var children = document.body ? document.body.children : [];
    for (var i = 0; i < children.length; i++) bottom = Math.max(bottom, children[i].getBoundingClientRect().bottom);
    var margin = document.body ? parseFloat(getComputedStyle(document.body).marginBottom) || 0 : 0;
    return Math.ceil(bottom + window.scrollY + margin);
  }
  if (framed && window.ResizeObserver) {
    document.addEventListener('DOMContentLoaded', function () {
      var last = -1;
      var report = function () {
        var height = contentHeight();
        if (height !== last) { last = height; toHost({ type: 'resize', height: height }); }
      };
      var observer = new ResizeObserver(report);
      var watch = function () { for (var i = 0; i < document.body.children.length; i++) observer.observe(document.body.children[i]); report(); };
      new MutationObserver(watch).observe(document.body, { childList: true });
      watch();
    });
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== window.location.origin || !data || data.source !== ${embed(HOST_MESSAGE_SOURCE)}) return;
    if (data.type === 'event') (listeners[data.event] || []).slice().forEach(function (listener) {
      try { listener(data.payload); } catch (error) { console.error(error); }
    });
  });
  var inPage = {
    getContext: function () {
      return server('getContext').then(function (context) { context.theme = { colorMode: colorMode() }; return context; });
    },
    submit: function (payload) {
      return server('submit', payload).then(function (saved) {
        if (saved === true && !toHost({ type: 'submitted' })) window.location.assign(surface.viewUrl);
        return saved;
      });
    },
    close: function () {
      if (surface.kind !== 'gadget-edit') return false;
      if (!toHost({ type: 'close' })) window.location.assign(surface.viewUrl);
      return true;
    },
    refresh: function () {
      if (surface.kind !== 'issue-context' && surface.kind !== 'gadget-view') return false;
      if (!toHost({ type: 'refresh' })) window.location.reload();
      return true;
    },
    open: function () { return false; },
    reload: function () { window.top.location.reload(); },
    navigate: function (location) {
      return server('getUrl', location).then(function (url) { goTo(url, location && location.type === 'new-tab'); });
    },
    emitReadyEvent: function () {},
    enableTheming: function () { document.documentElement.setAttribute('data-color-mode', colorMode()); },
    changeWindowTitle: function (title) { document.title = String(title); },
    showFlag: function (flag) {
      var shown = { id: flag && flag.id, title: flag && flag.title, description: flag && flag.description, type: flag && flag.type };
      if (!toHost({ type: 'flag', flag: shown })) console.info('[flag]', shown.title, shown.description);
      return true;
    },
    closeFlag: function () { return true; },
    on: function (args) {
      var list = listeners[args.event] = listeners[args.event] || [];
      list.push(args.callback);
      return { unsubscribe: function () { var at = list.indexOf(args.callback); if (at >= 0) list.splice(at, 1); } };
    },
    emit: function (args) { toHost({ type: 'event', event: args.event, payload: args.payload }); }
  };
  globalThis.__bridge = {
    callBridge: function (name, payload) {
      if (Object.prototype.hasOwnProperty.call(inPage, name)) {
        try { return Promise.resolve(inPage[name](payload)); } catch (error) { return Promise.reject(error); }
      }
      return server(name, payload);
    }
  };
})();`;
}
