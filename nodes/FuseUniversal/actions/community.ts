import type { ItemOperation } from '../../shared/actions/runItems';
import { listingDescription, listingGetAll } from '../helpers/listing';
import type { Listing } from '../helpers/listing';

const community: Listing = { resource: 'community', label: 'Community', path: '/communities', key: 'communities', olderVersionsOnly: true };

export const operations: Record<string, ItemOperation> = {
	getAll: listingGetAll(community),
};

export const description = listingDescription(community);
