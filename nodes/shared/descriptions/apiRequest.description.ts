import type { INodeProperties } from 'n8n-workflow';

const show = { resource: ['apiRequest'] };

/** Fields of the generic "API Request" resource; `example` is a path of this provider's API. */
export function apiRequestFields(providerName: string, example: string, canPage: boolean): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: [{ name: 'Send Request', value: 'send', action: `Send a request to the ${providerName} API` }],
			default: 'send',
		},
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			displayOptions: { show },
			options: ['DELETE', 'GET', 'PATCH', 'POST', 'PUT'].map((method) => ({ name: method, value: method })),
			default: 'GET',
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			displayOptions: { show },
			default: '',
			required: true,
			placeholder: example,
			description: `Path relative to the ${providerName} API base configured in the credential, e.g. ${example}. URLs on other hosts and paths that leave the API base are refused.`,
		},
		{
			displayName: 'Query Parameters',
			name: 'queryParameters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			displayOptions: { show },
			default: {},
			options: [
				{
					name: 'parameter',
					displayName: 'Parameter',
					values: [
						{ displayName: 'Name', name: 'name', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'JSON Body',
			name: 'jsonBody',
			type: 'json',
			displayOptions: { show: { ...show, method: ['PATCH', 'POST', 'PUT', 'DELETE'] } },
			default: '',
			description: 'Body to send as JSON. Leave empty to send no body.',
		},
	];
	if (canPage) {
		fields.push({
			displayName: 'Return All Pages',
			name: 'returnAllPages',
			type: 'boolean',
			displayOptions: { show: { ...show, method: ['GET'] } },
			default: false,
			description: `Whether to follow ${providerName} paging and return every record as its own item`,
		});
	}
	return fields;
}
