import { apiRequestOperation } from '../../shared/actions/apiRequest.operation';
import type { ItemOperation } from '../../shared/actions/runItems';
import { apiRequestFields } from '../../shared/descriptions/apiRequest.description';
import { offsetPages } from '../../shared/transport/pagination';
import { PAGE_SIZE, policyFor } from '../transport';

export const operations: Record<string, ItemOperation> = {
	send: apiRequestOperation(policyFor, { strategy: offsetPages(), pageSize: PAGE_SIZE }),
};

export const description = apiRequestFields('CRM Platform', '/crm-plugin/contact', true);
