import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { readLimit, returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { fluentPages, fluentRequest, missingRecord } from '../transport';
import { numericId, optional, scoped } from './common';

const CAMPAIGN_STATUSES = ['draft', 'pending', 'scheduled', 'working', 'paused', 'archived', 'incomplete', 'purged'];

export const campaignOperations: Record<string, ItemOperation> = {
	get: async function (i) {
		const id = numericId(this, this.getNodeParameter('campaignId', i), 'campaign', i);
		const response = await fluentRequest.call(this, 'GET', `/campaigns/${id}`);
		const campaign = (response.campaign ?? undefined) as IDataObject | undefined;
		if (!campaign) throw missingRecord.call(this, 'Campaign', id);
		return campaign;
	},
	getAll: async function (i) {
		const filters = { ...optional<IDataObject>(this, 'filters', i, {}) };
		// Campaigns search with `searchBy`, not `search` (reference §3.8).
		if (filters.search !== undefined) {
			filters.searchBy = filters.search;
			delete filters.search;
		}
		return await fluentPages.call(this, '/campaigns', filters, readLimit((name) => this.getNodeParameter(name, i)));
	},
};

export const campaignDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		default: 'getAll',
		options: [
			{ name: 'Get', value: 'get', action: 'Get a campaign' },
			{ name: 'Get Many', value: 'getAll', action: 'Get many campaigns' },
		],
	},
	...scoped('campaign', ['get'], [{ displayName: 'Campaign ID', name: 'campaignId', type: 'string', default: '', required: true }]),
	...returnAllOrLimit({ resource: ['campaign'], operation: ['getAll'] }),
	...scoped('campaign', ['getAll'], [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Part of the campaign title' },
				{ displayName: 'Statuses', name: 'statuses', type: 'multiOptions', options: CAMPAIGN_STATUSES.map((value) => ({ name: value, value })), default: [] },
			],
		},
	]),
];
