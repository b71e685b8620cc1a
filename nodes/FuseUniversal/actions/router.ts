import { apiRequestOperation } from '../../shared/actions/apiRequest.operation';
import type { OperationTable } from '../../shared/actions/router';
import { fuseSpec } from '../transport/spec';
import { listingOperations, listings } from './content';
import { userOperations } from './user';

export const fuseOperations: OperationTable = {
	user: userOperations,
	...Object.fromEntries(listings.map((listing) => [listing.resource, listingOperations(listing)])),
	// Fuse documents no paging for arbitrary paths; "Return All Pages" is not offered there.
	apiRequest: { send: apiRequestOperation(fuseSpec) },
};
