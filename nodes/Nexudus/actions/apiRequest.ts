import { apiRequestOperation } from '../../shared/actions/apiRequest.operation';
import type { ItemOperation } from '../../shared/actions/runItems';
import { apiRequestFields } from '../../shared/descriptions/apiRequest.description';
import { hasNextPagePages } from '../../shared/transport/pagination';
import { PAGE_SIZE } from '../transport';
import { nexudusPolicy } from '../transport/policy';

export const operations: Record<string, ItemOperation> = {
	send: apiRequestOperation(() => nexudusPolicy, { strategy: hasNextPagePages(), pageSize: PAGE_SIZE }),
};

export const description = apiRequestFields('Nexudus', '/spaces/coworkers', true);
