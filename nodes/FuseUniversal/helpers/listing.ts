import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { operationSelector, scoped, textField } from '../../shared/descriptions/fields';
import { readLimit, returnAllOrLimit } from '../../shared/descriptions/returnAllOrLimit';
import { fusePages, fuseRecord, fuseRequest, unwrap } from '../transport';

/** A read-only Fuse list, `{ "<key>": [ … ] }`, and optionally one record of it. */
export interface Listing {
	resource: string;
	label: string;
	path: string;
	/** Key of the list in the answer, e.g. learning_plans. */
	key: string;
	/** Key of a single record, e.g. learning_plan, when the API can read one. */
	oneKey?: string;
	/** Fuse documents the endpoint only for API versions before v5.0. */
	olderVersionsOnly: boolean;
}

export function listingGetAll(listing: Listing): ItemOperation {
	return async function (i) {
		return await fusePages.call(this, listing.path, listing.key, {}, readLimit((name) => this.getNodeParameter(name, i)));
	};
}

export function listingGet(listing: Listing & { oneKey: string }): ItemOperation {
	return async function (i) {
		const id = encodeURIComponent(String(this.getNodeParameter('recordId', i)).trim());
		return unwrap(await fuseRequest.call(this, 'GET', `${listing.path}/${id}`, fuseRecord(listing.oneKey)), listing.oneKey);
	};
}

export function listingDescription(listing: Listing): INodeProperties[] {
	const lower = listing.label.toLowerCase();
	const options = [{ name: 'Get Many', value: 'getAll', action: `Get many ${lower} records` }];
	if (listing.oneKey) options.push({ name: 'Get', value: 'get', action: `Get a ${lower}` });
	const properties: INodeProperties[] = [operationSelector(listing.resource, options)];
	if (listing.olderVersionsOnly) {
		properties.push({
			displayName: `Fuse documents ${listing.label} endpoints only for API versions before v5.0. If this fails, set an older API Version in the credential or use the API Request resource.`,
			name: `${listing.resource}VersionNotice`,
			type: 'notice',
			default: '',
			displayOptions: { show: { resource: [listing.resource] } },
		});
	}
	if (listing.oneKey) properties.push(...scoped(listing.resource, ['get'], [textField(`${listing.label} ID`, 'recordId', { required: true })]));
	properties.push(...returnAllOrLimit({ resource: [listing.resource], operation: ['getAll'] }));
	return properties;
}
