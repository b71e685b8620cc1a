import { apiRequestOperation } from '../../shared/actions/apiRequest.operation';
import type { ItemOperation } from '../../shared/actions/runItems';
import { apiRequestFields } from '../../shared/descriptions/apiRequest.description';
import { fusePolicy } from '../transport/policy';

// Fuse documents no paging for arbitrary paths, so "Return All Pages" is not offered.
export const operations: Record<string, ItemOperation> = {
	send: apiRequestOperation(() => fusePolicy),
};

export const description = apiRequestFields('Fuse Universal', '/users/me', false);
