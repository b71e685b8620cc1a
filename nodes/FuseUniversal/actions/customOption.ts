import type { ItemOperation } from '../../shared/actions/runItems';
import { listingDescription, listingGetAll } from '../helpers/listing';
import type { Listing } from '../helpers/listing';

const customOption: Listing = { resource: 'customOption', label: 'Custom Option', path: '/custom_options', key: 'custom_options', olderVersionsOnly: false };

export const operations: Record<string, ItemOperation> = {
	getAll: listingGetAll(customOption),
};

export const description = listingDescription(customOption);
