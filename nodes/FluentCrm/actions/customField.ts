import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { operationSelector } from '../../shared/descriptions/fields';
import { fluentArray, fluentRequest } from '../transport';

// Only reading is offered: FluentCRM's PUT /custom-fields/contacts replaces every field definition at once.
export const operations: Record<string, ItemOperation> = {
	getAll: async function () {
		return (await fluentRequest.call(this, 'GET', '/custom-fields/contacts', fluentArray('fields'))).fields as IDataObject[];
	},
};

export const description: INodeProperties[] = [operationSelector('customField', [{ name: 'Get Many', value: 'getAll', action: 'Get many contact custom fields' }])];
