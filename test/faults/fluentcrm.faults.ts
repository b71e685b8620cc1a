import type { IDataObject } from 'n8n-workflow';

import { FluentCrmApi } from '../../credentials/FluentCrmApi.credentials';
import { FluentCrm } from '../../nodes/FluentCrm/FluentCrm.node';
import { PAGE_SIZE } from '../../nodes/FluentCrm/transport';
import type { FluentEmulator } from '../FluentCrm/setup';
import { ADMIN, byId } from '../FluentCrm/setup';
import { runMatrix } from './matrix';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFluentCrm } = require('../emulators/fluentcrm') as { startFluentCrm: (options?: IDataObject) => Promise<FluentEmulator> };

const all = { returnAll: true };
const contact = byId(1);

/** FluentCRM's own API, to make records (companies, notes, webhooks) before the measured run. */
async function api(emulator: FluentEmulator, method: string, path: string, body?: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${emulator.siteUrl}/wp-json/fluent-crm/v2${path}`, {
		method,
		headers: { Authorization: `Basic ${Buffer.from(`${ADMIN.username}:${ADMIN.applicationPassword}`).toString('base64')}`, 'Content-Type': 'application/json', Accept: 'application/json' },
		body: body ? JSON.stringify(body) : undefined,
	});
	if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
	return (await response.json()) as IDataObject;
}

/** The company "Matrix Co", made once per emulator. */
async function companyId(emulator: FluentEmulator) {
	const existing = (emulator.state.companies as IDataObject[]).find((company) => company.name === 'Matrix Co');
	const company = existing ?? ((await api(emulator, 'POST', '/companies', { name: 'Matrix Co' })).company as IDataObject);
	return { companyId: String(company.id) };
}

/** Enough of every record for three pages. */
const LISTED = 2 * PAGE_SIZE + 30;

async function startListing(): Promise<FluentEmulator> {
	const emulator = await startFluentCrm({ seedContacts: LISTED, companiesModule: true });
	for (let n = 0; n < LISTED; n++) {
		emulator.store.createTaxonomy('tag', { title: `Matrix Tag ${n}`, slug: `matrix-tag-${n}` });
		emulator.store.createTaxonomy('list', { title: `Matrix List ${n}`, slug: `matrix-list-${n}` });
	}
	for (let n = 0; n < LISTED; n++) {
		await api(emulator, 'POST', '/companies', { name: `Matrix Company ${n}` });
		await api(emulator, 'POST', '/subscribers/1/notes', { note: { title: `Note ${n}`, description: 'Matrix note', type: 'note' } });
	}
	return emulator;
}

describe('FluentCRM fault matrix', () => {
	runMatrix<FluentEmulator>({
		provider: 'FluentCrm',
		displayName: 'FluentCRM',
		node: new FluentCrm(),
		credentialTypes: [new FluentCrmApi()],
		credentialType: 'fluentCrmApi',
		credentialData: (emulator) => ({ siteUrl: emulator.siteUrl, ...ADMIN }),
		startListing,
		startSmall: async () => await startFluentCrm({ seedContacts: 5, companiesModule: true }),
		loginRoutes: [],
		snapshot: (emulator) => ({ ...emulator.state }),
		fixtures: {
			'contact.addNote': { parameters: { contact, title: 'Matrix', description: 'A note', noteType: 'note' } },
			'contact.addTags': { parameters: { contact, tagIds: [1] } },
			'contact.addToLists': { parameters: { contact, listIds: [1] } },
			'contact.create': { parameters: { email: 'matrix.person@example.test', status: 'subscribed' } },
			'contact.delete': { parameters: { contact } },
			'contact.get': { parameters: { contact } },
			'contact.getAll': { parameters: { ...all, filters: {} } },
			'contact.getNotes': { parameters: { contact, ...all } },
			'contact.removeFromLists': { parameters: { contact, listIds: [1] } },
			'contact.removeTags': { parameters: { contact, tagIds: [1] } },
			'contact.update': { parameters: { contact, updateFields: { first_name: 'Matrix' } } },
			'contact.upsert': { parameters: { email: 'matrix.person@example.test', status: 'subscribed', additionalFields: { first_name: 'Matrix' } } },
			'tag.create': { parameters: { title: 'Matrix Tag' } },
			'tag.delete': { parameters: { tagId: '1' } },
			'tag.get': { parameters: { tagId: '1' } },
			'tag.getAll': { parameters: { ...all, filters: {} } },
			'tag.update': { parameters: { tagId: '1', updateFields: { description: 'Matrix' } } },
			'list.create': { parameters: { title: 'Matrix List' } },
			'list.delete': { parameters: { listId: '1' }, sameAsNotFound: 'empty 200' },
			'list.get': { parameters: { listId: '1' }, sameAsNotFound: 'empty 200' },
			'list.getAll': { parameters: { ...all, filters: {} } },
			'list.update': { parameters: { listId: '1', updateFields: { description: 'Matrix' } }, sameAsNotFound: 'empty 200' },
			'campaign.get': { parameters: {}, prepare: async (emulator) => ({ campaignId: String((emulator.state.campaigns as IDataObject[])[0].id) }) },
			'campaign.getAll': { parameters: { ...all, filters: {} } },
			'company.create': { parameters: { name: 'Matrix Company' } },
			'company.delete': { parameters: {}, prepare: companyId },
			'company.get': { parameters: {}, prepare: companyId },
			'company.getAll': { parameters: { ...all, filters: {} } },
			'company.update': { parameters: { updateFields: { industry: 'Matrix' } }, prepare: companyId },
			'customField.getAll': { parameters: {} },
			'webhook.create': { parameters: { name: 'Matrix Hook', status: 'subscribed' } },
			'webhook.delete': { parameters: {}, prepare: async (emulator) => ({ webhookId: String((await api(emulator, 'POST', '/webhooks', { name: 'Matrix Hook', status: 'subscribed', tags: [], lists: [] })).id) }) },
			'webhook.getAll': { parameters: {} },
			'apiRequest.send': { parameters: { method: 'GET', path: '/subscribers', returnAllPages: true } },
		},
	});
});
