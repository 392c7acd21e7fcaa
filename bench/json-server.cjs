// VS Code's JSON language server (vscode-langservers-extracted, MIT), started as its own jsonServerMain.js does but
// with the push validation delay (a fixed 500 ms there) at 0, like ours under the bench (debounceMs 0), and no schema
// or network access: the bench compares what each server does per edit, not its debounce.
const { dirname, join } = require('node:path');
const { createRequire } = require('node:module');
const base = join(dirname(require.resolve('vscode-langservers-extracted/package.json')), 'lib', 'json-language-server');
const local = createRequire(join(base, 'node', 'jsonServerMain.js'));
require('regenerator-runtime/runtime.js');
const { createConnection } = local('vscode-languageserver/node');
const { startServer } = local('../jsonServer');
const connection = createConnection();
const none = () => Promise.reject(new Error('no schema fetching in the bench'));
startServer(connection, {
  timer: {
    setImmediate: (cb, ...args) => { const h = setImmediate(cb, ...args); return { dispose: () => clearImmediate(h) }; },
    setTimeout: (cb, _ms, ...args) => { const h = setTimeout(cb, 0, ...args); return { dispose: () => clearTimeout(h) }; },
  },
  file: { getContent: none },
  http: { getContent: none },
  configureHttpRequests: () => undefined,
});
