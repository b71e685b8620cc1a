// Providers covered by the real-n8n tier. Each module exports default
// { name, emulators: [{ name, script, args }], credentials(ctx), workflows(ctx), checks }.
// To add a provider: write providers/<name>.mjs like fluentcrm.mjs and list it here.

import fluentcrm from './fluentcrm.mjs';

export const providers = [fluentcrm];
