import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { crmPlatformApiRootExpression } from '../nodes/CrmPlatform/transport/url';

export class CrmPlatformJwtApi implements ICredentialType {
	name = 'crmPlatformJwtApi';

	displayName = 'CRM Platform JWT API';

	icon: Icon = { light: 'file:../nodes/CrmPlatform/crmPlatform.svg', dark: 'file:../nodes/CrmPlatform/crmPlatform.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-crm-bridge/n8n-nodes-crm-bridge#crm-platform';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://crm.example.org',
			description: 'Root of the Strapi server that runs the CRM plugin',
		},
		{
			displayName: 'JWT',
			name: 'jwt',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'A token from POST /auth/local. It is not renewed automatically: paste a new one when it expires (30 days by default).',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.jwt}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: crmPlatformApiRootExpression,
			url: '/users/me',
		},
		rules: [{ type: 'responseCode', properties: { value: 401, message: 'The JWT is invalid or expired: paste a new one' } }],
	};
}
