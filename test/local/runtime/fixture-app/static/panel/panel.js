/* global document */
// Shows what the issue context's getContext and resolver see.
const call = (name, payload) => globalThis.__bridge.callBridge(name, payload);
const root = document.getElementById('root');
Promise.all([call('getContext'), call('invoke', { functionKey: 'whoami', payload: {} })]).then(
  ([context, resolver]) => {
    const { issue, project } = context.extension;
    root.innerHTML = '';
    const line = (text) => {
      const p = document.createElement('p');
      p.textContent = text;
      root.append(p);
    };
    line(`${issue.key} (${issue.type}) in ${project.key}`);
    line(`Resolver sees ${resolver.extension.issue.key} as ${resolver.accountId}`);
    line(`Theme: ${context.theme.colorMode}`);
  },
  (error) => {
    root.textContent = `Error: ${error.message}`;
  },
);
