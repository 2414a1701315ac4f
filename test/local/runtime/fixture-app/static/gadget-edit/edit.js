/* global document */
// The gadget's edit view: submits its configuration as Forge's view.submit does.
const call = (name, payload) => globalThis.__bridge.callBridge(name, payload);
const form = document.getElementById('settings');
call('getContext').then((context) => {
  const saved = context.extension.gadgetConfiguration;
  form.heading.value = saved.heading || '';
  form.refresh.value = saved.refresh || '';
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const configuration = { heading: form.heading.value };
  if (form.refresh.value) configuration.refresh = Number(form.refresh.value);
  call('submit', configuration).catch((error) => {
    document.getElementById('error').textContent = error.message;
  });
});
document.getElementById('cancel').addEventListener('click', () => call('close'));
