import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { fluentRequest } from '../transport';

// Only reading is offered: PUT /custom-fields/contacts replaces every field definition (reference Q8).
export const customFieldOperations: Record<string, ItemOperation> = {
	getAll: async function () {
		const response = await fluentRequest.call(this, 'GET', '/custom-fields/contacts');
		return (response.fields as IDataObject[] | undefined) ?? [];
	},
};

export const customFieldDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customField'] } },
		default: 'getAll',
		options: [{ name: 'Get Many', value: 'getAll', action: 'Get many contact custom fields' }],
	},
];
