import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { idParameter } from '../../shared/actions/parameters';
import type { ItemOperation } from '../../shared/actions/runItems';
import { operationSelector, scoped, textField } from '../../shared/descriptions/fields';
import { readLimit, returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { fluentPages, fluentRecordOrNull, fluentRequest, missingRecord, paginatorUnder } from '../transport';

const CAMPAIGN_STATUSES = ['draft', 'pending', 'scheduled', 'working', 'paused', 'archived', 'incomplete', 'purged'];

export const operations: Record<string, ItemOperation> = {
	get: async function (i) {
		const id = idParameter(this, 'campaignId', 'campaign', i);
		const campaign = (await fluentRequest.call(this, 'GET', `/campaigns/${id}`, fluentRecordOrNull('campaign'))).campaign as IDataObject | null;
		if (!campaign) throw missingRecord.call(this, 'Campaign', id);
		return campaign;
	},
	getAll: async function (i) {
		const filters = { ...(this.getNodeParameter('filters', i, {}) as IDataObject) };
		// Campaigns are searched with `searchBy`; FluentCRM ignores `search` here.
		if (filters.search !== undefined) {
			filters.searchBy = filters.search;
			delete filters.search;
		}
		return await fluentPages.call(this, '/campaigns', paginatorUnder('campaigns'), filters, readLimit((name) => this.getNodeParameter(name, i)));
	},
};

export const description: INodeProperties[] = [
	operationSelector('campaign', [
		{ name: 'Get Many', value: 'getAll', action: 'Get many campaigns' },
		{ name: 'Get', value: 'get', action: 'Get a campaign' },
	]),
	...scoped('campaign', ['get'], [textField('Campaign ID', 'campaignId', { required: true })]),
	...returnAllOrLimit({ resource: ['campaign'], operation: ['getAll'] }),
	...scoped('campaign', ['getAll'], [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				textField('Search', 'search', { description: 'Part of the campaign title' }),
				{ displayName: 'Statuses', name: 'statuses', type: 'multiOptions', options: CAMPAIGN_STATUSES.map((value) => ({ name: value, value })), default: [] },
			],
		},
	]),
];
