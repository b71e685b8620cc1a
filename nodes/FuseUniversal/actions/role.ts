import type { ItemOperation } from '../../shared/actions/runItems';
import { listingDescription, listingGetAll } from '../helpers/listing';
import type { Listing } from '../helpers/listing';

const role: Listing = { resource: 'role', label: 'Role', path: '/roles', key: 'roles', olderVersionsOnly: false };

export const operations: Record<string, ItemOperation> = {
	getAll: listingGetAll(role),
};

export const description = listingDescription(role);
