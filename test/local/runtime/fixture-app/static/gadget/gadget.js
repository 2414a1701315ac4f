/* global document */
// Shows the gadget's saved configuration.
const call = (name, payload) => globalThis.__bridge.callBridge(name, payload);
const root = document.getElementById('root');
call('getContext').then(
  (context) => {
    const { gadget, dashboard, gadgetConfiguration } = context.extension;
    root.innerHTML = '';
    const heading = document.createElement('h1');
    heading.textContent = gadgetConfiguration.heading || 'Not configured yet';
    const details = document.createElement('p');
    details.textContent = `Gadget ${gadget.id} on dashboard ${dashboard.id}; configuration ${JSON.stringify(gadgetConfiguration)}`;
    root.append(heading, details);
  },
  (error) => {
    root.textContent = `Error: ${error.message}`;
  },
);
