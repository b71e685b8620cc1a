// Providers covered by the real-n8n tier. Each module exports default
// { name, emulators: [{ name, script, args }], prepare?(ctx), credentials(ctx), workflows(ctx), checks }.
// To add a provider: write providers/<name>.mjs like fluentcrm.mjs and list it here.

import crmplatform from './crmplatform.mjs';
import errorOutputs from './errorOutputs.mjs';
import examples from './examples.mjs';
import faveo from './faveo.mjs';
import fluentcrm from './fluentcrm.mjs';
import fuse from './fuse.mjs';
import nexudus from './nexudus.mjs';

// errorOutputs.mjs and examples.mjs use the other providers' emulators: keep them last.
export const providers = [fluentcrm, crmplatform, fuse, faveo, nexudus, errorOutputs, examples];
