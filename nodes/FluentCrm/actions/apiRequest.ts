import { apiRequestOperation } from '../../shared/actions/apiRequest.operation';
import type { ItemOperation } from '../../shared/actions/runItems';
import { apiRequestFields } from '../../shared/descriptions/apiRequest.description';
import { PAGE_SIZE, anyPaginator, tidy } from '../transport';
import { fluentCrmPolicy } from '../transport/policy';

export const operations: Record<string, ItemOperation> = {
	send: apiRequestOperation(() => fluentCrmPolicy, { strategy: anyPaginator, pageSize: PAGE_SIZE }, tidy),
};

export const description = apiRequestFields('FluentCRM', '/subscribers', true);
