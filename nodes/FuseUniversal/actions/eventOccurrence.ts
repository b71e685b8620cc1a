import type { ItemOperation } from '../../shared/actions/runItems';
import { listingDescription, listingGetAll } from '../helpers/listing';
import type { Listing } from '../helpers/listing';

const eventOccurrence: Listing = { resource: 'eventOccurrence', label: 'Event Occurrence', path: '/event_occurrences', key: 'event_occurrences', olderVersionsOnly: true };

export const operations: Record<string, ItemOperation> = {
	getAll: listingGetAll(eventOccurrence),
};

export const description = listingDescription(eventOccurrence);
