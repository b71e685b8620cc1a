import { config } from '@n8n/node-cli/eslint';
import { globalIgnores } from 'eslint/config';

// Shipped code (credentials/, nodes/, package.json) gets n8n's full community rule set.
// Tests, emulators and scripts are not shipped and use Node's own APIs, so they stay out of it.
export default [
	...config,
	globalIgnores(['test/**', 'bench/**', 'scripts/**', 'examples/**', '.ci/**', 'gulpfile.js', 'index.js', 'jest.config.js', '.cache/**', '.e2e/**']),
];
