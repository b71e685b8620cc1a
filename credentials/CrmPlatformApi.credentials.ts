import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { crmPlatformLogin } from '../nodes/CrmPlatform/transport/login';
import { crmPlatformApiRootExpression } from '../nodes/CrmPlatform/transport/url';

export class CrmPlatformApi implements ICredentialType {
	name = 'crmPlatformApi';

	displayName = 'CRM Platform API';

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
			description: 'Root of the Strapi server that runs the CRM plugin (include a sub-path if a proxy adds one)',
		},
		{
			displayName: 'Identifier',
			name: 'identifier',
			type: 'string',
			default: '',
			required: true,
			description: 'Username or email of a Strapi users-permissions account (not an admin-panel login)',
		},
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{ displayName: 'JWT', name: 'jwt', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { jwt: await crmPlatformLogin.call(this, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.jwt}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: crmPlatformApiRootExpression,
			url: '/users/me',
		},
		rules: [
			{ type: 'responseCode', properties: { value: 403, message: 'The account’s role may not read its own profile: allow users-permissions "me" for the role' } },
			{ type: 'responseCode', properties: { value: 404, message: 'No Strapi server at this base URL' } },
		],
	};
}
