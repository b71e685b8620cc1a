import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { nexudusApiRootExpression } from '../nodes/Nexudus/transport/url';

const DENIED =
	'Nexudus refused the login: the email or password is wrong, the user has no "API Access" (Users → user → Status tab), or the user lacks the Business-List role. Nexudus answers all three with 401.';

export class NexudusApi implements ICredentialType {
	name = 'nexudusApi';

	displayName = 'Nexudus API';

	icon: Icon = { light: 'file:../nodes/Nexudus/nexudus.svg', dark: 'file:../nodes/Nexudus/nexudus.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-crm-bridge/n8n-nodes-crm-bridge#nexudus';

	properties: INodeProperties[] = [
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'admin@example.com', default: '', required: true, description: 'Email of a Nexudus admin user with "API Access" ticked' },
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://spaces.nexudus.com/api',
			description: 'Leave as is unless Nexudus gave you another API host',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { auth: { username: '={{$credentials.email}}', password: '={{$credentials.password}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: nexudusApiRootExpression,
			url: '/sys/businesses',
			qs: { page: 1, size: 1 },
		},
		rules: [{ type: 'responseCode', properties: { value: 401, message: DENIED } }],
	};
}
