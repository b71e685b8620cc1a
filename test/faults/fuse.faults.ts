import type { IDataObject } from 'n8n-workflow';

import { FuseUniversalApi } from '../../credentials/FuseUniversalApi.credentials';
import { FuseUniversal } from '../../nodes/FuseUniversal/FuseUniversal.node';
import type { FuseEmulator } from '../FuseUniversal/setup';
import { ADMIN } from '../FuseUniversal/setup';
import { runMatrix } from './matrix';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFuse } = require('../emulators/fuse') as { startFuse: (options?: object) => Promise<FuseEmulator> };

const LENA = '11488425';
const INACTIVE = '11488430';
const all = { returnAll: true };

describe('Fuse Universal fault matrix', () => {
	runMatrix<FuseEmulator>({
		provider: 'FuseUniversal',
		displayName: 'Fuse Universal',
		node: new FuseUniversal(),
		credentialTypes: [new FuseUniversalApi()],
		credentialType: 'fuseUniversalApi',
		credentialData: (emulator) => ({ baseUrl: emulator.url, apiVersion: 'v5.0', ...ADMIN, authToken: '' }),
		startListing: async () => await startFuse({ seedUsers: 230, seedTopics: 230, seedLearningPlans: 230, seedNotifications: 12 }),
		startSmall: async () => await startFuse({ seedUsers: 5 }),
		loginRoutes: ['POST /session'],
		snapshot: (emulator) => emulator.state.users.map((user) => ({ ...user, auth: undefined })),
		fixtures: {
			'user.create': { parameters: { username: 'matrix.person', email: 'matrix.person@example.test' } },
			'user.deactivate': { parameters: { userId: LENA } },
			'user.get': { parameters: { userId: LENA } },
			'user.getAll': { parameters: all },
			'user.getMe': { parameters: {} },
			'user.restore': { parameters: { userId: INACTIVE } },
			'user.update': { parameters: { userId: LENA, updateFields: { given_name: 'Matrix' } } },
			'community.getAll': { parameters: all },
			'customOption.getAll': { parameters: all },
			'eventOccurrence.getAll': { parameters: all },
			'learningPlan.get': { parameters: {}, prepare: async (emulator) => ({ recordId: String((emulator.state.learningPlans as IDataObject[])[0].id) }) },
			'learningPlan.getAll': { parameters: all },
			'notification.getAll': { parameters: all },
			'role.getAll': { parameters: all },
			'topic.get': { parameters: {}, prepare: async (emulator) => ({ recordId: String((emulator.state.topics as IDataObject[])[0].id) }) },
			'topic.getAll': { parameters: all },
			'apiRequest.send': { parameters: { method: 'GET', path: '/users/me' } },
		},
	});
});
