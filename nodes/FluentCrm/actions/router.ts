import type { IDataObject } from 'n8n-workflow';

import { apiRequestOperation } from '../../shared/actions/apiRequest.operation';
import type { OperationTable } from '../../shared/actions/router';
import { laravelPages } from '../../shared/transport/pagination';
import { PAGE_SIZE, tidy, unwrapPaginator } from '../transport';
import { fluentCrmSpec } from '../transport/spec';
import { campaignOperations } from './campaign';
import { companyOperations } from './company';
import { contactOperations } from './contact/operations';
import { customFieldOperations } from './customField';
import { listTaxonomy, tagTaxonomy, taxonomyOperations } from './taxonomy';
import { webhookOperations } from './webhook';

export const fluentCrmOperations: OperationTable = {
	contact: contactOperations,
	tag: taxonomyOperations(tagTaxonomy),
	list: taxonomyOperations(listTaxonomy),
	campaign: campaignOperations,
	company: companyOperations,
	customField: customFieldOperations,
	webhook: webhookOperations,
	apiRequest: {
		send: apiRequestOperation(
			fluentCrmSpec,
			{ strategy: laravelPages('per_page', unwrapPaginator), pageSize: PAGE_SIZE },
			(record: IDataObject) => tidy(record),
		),
	},
};
