import type { ItemOperation } from '../../shared/actions/runItems';
import { listingDescription, listingGetAll } from '../helpers/listing';
import type { Listing } from '../helpers/listing';

const notification: Listing = { resource: 'notification', label: 'Notification', path: '/notifications', key: 'notifications', olderVersionsOnly: true };

export const operations: Record<string, ItemOperation> = {
	getAll: listingGetAll(notification),
};

export const description = listingDescription(notification);
