import { apiRequestOperation } from '../../shared/actions/apiRequest.operation';
import type { ItemOperation } from '../../shared/actions/runItems';
import { apiRequestFields } from '../../shared/descriptions/apiRequest.description';
import { V1_PAGE_SIZE, anyFaveoPages } from '../transport';
import { faveoPolicy } from '../transport/policy';

export const operations: Record<string, ItemOperation> = {
	send: apiRequestOperation(() => faveoPolicy, { strategy: anyFaveoPages, pageSize: V1_PAGE_SIZE }),
};

export const description = apiRequestFields('Faveo Helpdesk', '/v1/helpdesk/inbox', true);
