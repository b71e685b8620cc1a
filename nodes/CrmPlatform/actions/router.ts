import type { IDataObject } from 'n8n-workflow';

import { apiRequestOperation } from '../../shared/actions/apiRequest.operation';
import type { ItemOperation } from '../../shared/actions/runItems';
import type { OperationTable } from '../../shared/actions/router';
import { offsetPages } from '../../shared/transport/pagination';
import { PAGE_SIZE, crmRequest, specFor } from '../transport';
import { collections } from './catalog';
import { collectionOperations } from './collection';
import { contactOperations } from './contact';

const apiRequest: ItemOperation = async function (i) {
	return await apiRequestOperation(specFor(this), { strategy: offsetPages(), pageSize: PAGE_SIZE }).call(this, i);
};

export const crmPlatformOperations: OperationTable = {
	contact: contactOperations,
	...Object.fromEntries(collections.map((collection) => [collection.resource, collectionOperations(collection)])),
	user: {
		getMe: async function () {
			return (await crmRequest.call(this, 'GET', '/users/me')) as IDataObject;
		},
	},
	apiRequest: { send: apiRequest },
};
