/**
 * The client side of a page hosting the app's frames (`iframe.forge-frame`), answering what the frames'
 * bridge asks with `postMessage` (see the runtime's `bridge-script.ts`): sizes each frame to its content,
 * shows a gadget's view again after its edit view submits or closes, reloads on `refresh`, shows flags,
 * and passes `events.emit` on to the app's other frames. Gadget cards switch between view and edit.
 */
export const FRAME_HOST_SCRIPT = `(function () {
  var MIN_HEIGHT = 48, MAX_HEIGHT = 4000;
  function frames() { return Array.prototype.slice.call(document.querySelectorAll('iframe.forge-frame')); }
  function frameOf(source) { return frames().filter(function (frame) { return frame.contentWindow === source; })[0]; }
  function toFrame(frame, message) {
    message.source = 'forge-local-host';
    if (frame.contentWindow) frame.contentWindow.postMessage(message, window.location.origin);
  }
  function showFlag(flag) {
    var region = document.querySelector('.flags');
    if (!region) return;
    var item = document.createElement('div');
    item.className = 'flag';
    var title = document.createElement('strong');
    title.textContent = flag.title || '';
    var text = document.createElement('span');
    text.textContent = flag.description || '';
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', function () { item.remove(); });
    item.append(title, text, close);
    region.append(item);
    setTimeout(function () { item.remove(); }, 8000);
  }
  function card(frame) { return frame.closest('.gadget'); }
  function setMode(gadget, mode) {
    var frame = gadget.querySelector('iframe.forge-frame');
    var edit = gadget.querySelector('[data-action="edit"]');
    gadget.setAttribute('data-mode', mode);
    frame.src = mode === 'edit' ? gadget.getAttribute('data-edit-src') : gadget.getAttribute('data-view-src');
    if (edit) {
      edit.textContent = mode === 'edit' ? 'Cancel editing' : 'Edit';
      edit.setAttribute('aria-pressed', mode === 'edit' ? 'true' : 'false');
    }
  }
  function refreshGadget(gadget, origin) {
    var frame = gadget.querySelector('iframe.forge-frame');
    if (gadget.getAttribute('data-refreshable') === 'true') frame.src = frame.src;
    else toFrame(frame, { type: 'event', event: 'JIRA_DASHBOARD_GADGET_REFRESH', payload: origin === 'dashboard' ? { origin: 'dashboard' } : { origin: 'gadget', gadgetId: gadget.getAttribute('data-gadget-id') } });
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.origin !== window.location.origin || !data || data.source !== 'forge-local-bridge') return;
    var frame = frameOf(event.source);
    if (!frame) return;
    if (data.type === 'resize' && typeof data.height === 'number') {
      frame.style.height = Math.max(MIN_HEIGHT, Math.min(MAX_HEIGHT, data.height)) + 'px';
    } else if ((data.type === 'submitted' || data.type === 'close') && card(frame)) {
      setMode(card(frame), 'view');
    } else if (data.type === 'refresh') {
      if (card(frame)) refreshGadget(card(frame), 'gadget'); else window.location.reload();
    } else if (data.type === 'flag' && data.flag) {
      showFlag(data.flag);
    } else if (data.type === 'event') {
      frames().forEach(function (other) { if (other !== frame) toFrame(other, { type: 'event', event: data.event, payload: data.payload }); });
    }
  });
  document.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button[data-action]');
    if (!button) return;
    var gadget = button.closest('.gadget');
    var action = button.getAttribute('data-action');
    if (action === 'edit' && gadget) setMode(gadget, gadget.getAttribute('data-mode') === 'edit' ? 'view' : 'edit');
    if (action === 'refresh' && gadget) refreshGadget(gadget, 'gadget');
    if (action === 'refresh-all') document.querySelectorAll('.gadget[data-mode="view"]').forEach(function (each) { refreshGadget(each, 'dashboard'); });
  });
  document.querySelectorAll('.gadget[data-refresh-minutes]').forEach(function (gadget) {
    var minutes = Number(gadget.getAttribute('data-refresh-minutes'));
    if (minutes > 0) setInterval(function () { if (gadget.getAttribute('data-mode') === 'view') refreshGadget(gadget, 'gadget'); }, minutes * 60000);
  });
})();`;
