/** Unit and harness tests. Type-checking runs separately (`npm run typecheck`), so ts-jest only transpiles. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }] },
	setupFiles: ['<rootDir>/test/harness/env.js'],
	testTimeout: 30000,
};
