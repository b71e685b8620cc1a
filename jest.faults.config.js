/** The fault matrix (`npm run test:faults`): every operation of every node under every fault. */
const base = require('./jest.config');

module.exports = { ...base, testMatch: ['**/test/faults/*.faults.ts'], testPathIgnorePatterns: ['/node_modules/'] };
