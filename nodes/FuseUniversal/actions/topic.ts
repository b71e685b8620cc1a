import type { ItemOperation } from '../../shared/actions/runItems';
import { listingDescription, listingGet, listingGetAll } from '../helpers/listing';
import type { Listing } from '../helpers/listing';

const topic: Listing & { oneKey: string } = { resource: 'topic', label: 'Topic', path: '/topics', key: 'topics', oneKey: 'topic', olderVersionsOnly: true };

export const operations: Record<string, ItemOperation> = {
	get: listingGet(topic),
	getAll: listingGetAll(topic),
};

export const description = listingDescription(topic);
