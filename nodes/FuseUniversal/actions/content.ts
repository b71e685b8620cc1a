import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { readLimit, returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { fusePages, fuseRequest, unwrap } from '../transport';
import { scoped } from '../../shared/descriptions/fields';



/** Read-only lists known from older API versions (reference §3.2): `{ "<key>": [ … ] }`. */
interface Listing {
	resource: string;
	label: string;
	path: string;
	key: string;
	/** Path of one record, when the API has it. */
	onePath?: string;
	oneKey?: string;
	olderVersionsOnly: boolean;
}

export const listings: Listing[] = [
	{ resource: 'community', label: 'Community', path: '/communities', key: 'communities', olderVersionsOnly: true },
	{ resource: 'customOption', label: 'Custom Option', path: '/custom_options', key: 'custom_options', olderVersionsOnly: false },
	{ resource: 'eventOccurrence', label: 'Event Occurrence', path: '/event_occurrences', key: 'event_occurrences', olderVersionsOnly: true },
	{ resource: 'learningPlan', label: 'Learning Plan', path: '/learning-plans', key: 'learning_plans', onePath: '/learning-plans', oneKey: 'learning_plan', olderVersionsOnly: true },
	{ resource: 'notification', label: 'Notification', path: '/notifications', key: 'notifications', olderVersionsOnly: true },
	{ resource: 'role', label: 'Role', path: '/roles', key: 'roles', olderVersionsOnly: false },
	{ resource: 'topic', label: 'Topic', path: '/topics', key: 'topics', onePath: '/topics', oneKey: 'topic', olderVersionsOnly: true },
];

export function listingOperations(listing: Listing): Record<string, ItemOperation> {
	const operations: Record<string, ItemOperation> = {
		getAll: async function (i) {
			return await fusePages.call(this, listing.path, listing.key, {}, readLimit((name) => this.getNodeParameter(name, i)));
		},
	};
	if (listing.onePath) {
		operations.get = async function (i) {
			const id = encodeURIComponent(String(this.getNodeParameter('recordId', i)).trim());
			return unwrap(await fuseRequest.call(this, 'GET', `${listing.onePath}/${id}`), listing.oneKey ?? listing.resource);
		};
	}
	return operations;
}

export function listingDescription(listing: Listing): INodeProperties[] {
	const lower = listing.label.toLowerCase();
	const options = [{ name: 'Get Many', value: 'getAll', action: `Get many ${lower} records` }];
	if (listing.onePath) options.unshift({ name: 'Get', value: 'get', action: `Get a ${lower}` });
	const properties: INodeProperties[] = [
		{ displayName: 'Operation', name: 'operation', type: 'options', noDataExpression: true, displayOptions: { show: { resource: [listing.resource] } }, default: 'getAll', options },
	];
	if (listing.olderVersionsOnly) {
		properties.push({
			displayName: `Fuse documents ${listing.label} endpoints only for API versions before v5.0. If this fails, set an older API Version in the credential or use the API Request resource.`,
			name: `${listing.resource}VersionNotice`,
			type: 'notice',
			default: '',
			displayOptions: { show: { resource: [listing.resource] } },
		});
	}
	if (listing.onePath) properties.push(...scoped(listing.resource, ['get'], [{ displayName: `${listing.label} ID`, name: 'recordId', type: 'string', default: '', required: true }]));
	properties.push(...returnAllOrLimit({ resource: [listing.resource], operation: ['getAll'] }));
	return properties;
}
