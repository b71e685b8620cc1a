import type { IDataObject } from 'n8n-workflow';

import { CrmPlatformApi } from '../../credentials/CrmPlatformApi.credentials';
import { CrmPlatformJwtApi } from '../../credentials/CrmPlatformJwtApi.credentials';
import { CrmPlatform } from '../../nodes/CrmPlatform/CrmPlatform.node';
import { runMatrix } from './matrix';
import type { CrmEmulator } from '../CrmPlatform/setup';
import { DEMO } from '../CrmPlatform/setup';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startCrmPlatform } = require('../emulators/crmplatform') as { startCrmPlatform: (options?: object) => Promise<CrmEmulator> };

const all = { returnAll: true };
const first = (table: string) => async (emulator: CrmEmulator) => ({ id: String(emulator.state.tables[table][0].id) });
const crud = (resource: string, table: string, create: IDataObject, update: IDataObject) => ({
	[`${resource}.create`]: { parameters: create },
	[`${resource}.get`]: { parameters: {}, prepare: first(table) },
	[`${resource}.getAll`]: { parameters: all },
	[`${resource}.update`]: { parameters: { updateFields: update }, prepare: first(table) },
	[`${resource}.delete`]: { parameters: {}, prepare: first(table) },
});

describe('CRM Platform fault matrix', () => {
	runMatrix<CrmEmulator>({
		provider: 'CrmPlatform',
		displayName: 'CRM Platform',
		node: new CrmPlatform(),
		credentialTypes: [new CrmPlatformApi(), new CrmPlatformJwtApi()],
		credentialType: 'crmPlatformApi',
		credentialData: (emulator) => ({ baseUrl: emulator.siteUrl, ...DEMO, jwt: '' }),
		startListing: async () => await startCrmPlatform({ seedContacts: 230, seedActivities: 230, seedTags: 230 }),
		startSmall: async () => await startCrmPlatform({ seedContacts: 5, seedActivities: 3 }),
		loginRoutes: ['POST /auth/local'],
		snapshot: (emulator) => emulator.state.tables,
		common: { authentication: 'credentials' },
		fixtures: {
			...crud('contact', 'contact', { name: 'Matrix Person', contact_type: 'individual', additionalFields: { first_name: 'Matrix' } }, { first_name: 'Renamed', phone: '1' }),
			'contact.upsert': { parameters: { email: 'matrix.person@example.test', name: 'Matrix Person', contact_type: 'individual', additionalFields: { first_name: 'Matrix' } } },
			...crud('activity', 'activity', { title: 'Matrix call' }, { title: 'Renamed' }),
			...crud('activityType', 'activitytype', { name: 'Matrix type' }, { name: 'Renamed' }),
			'activityType.count': { parameters: {} },
			...crud('tag', 'tag', { name: 'Matrix tag' }, { name: 'Renamed' }),
			...crud('contactTag', 'contacttag', { contact: 1, tag: 1 }, { tag: 2 }),
			'contactTag.count': { parameters: {} },
			...crud('country', 'country', { name: 'Matrixland', abbreviation: 'MX-X', is_active: true }, { name: 'Renamed' }),
			'country.count': { parameters: {} },
			...crud('state', 'state', { name: 'Matrix state' }, { name: 'Renamed' }),
			'state.count': { parameters: {} },
			...crud('district', 'district', { name: 'Matrix district' }, { name: 'Renamed' }),
			'district.count': { parameters: {} },
			...crud('village', 'village', { name: 'Matrix village' }, { name: 'Renamed' }),
			'village.count': { parameters: {} },
			'user.getMe': { parameters: {} },
			'apiRequest.send': { parameters: { method: 'GET', path: '/crm-plugin/contact', returnAllPages: true } },
		},
	});
});
