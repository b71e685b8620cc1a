import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { fuseLogin } from '../nodes/FuseUniversal/transport/login';
import { fuseApiRootExpression } from '../nodes/FuseUniversal/transport/url';

export class FuseUniversalApi implements ICredentialType {
	name = 'fuseUniversalApi';

	displayName = 'Fuse Universal API';

	icon: Icon = { light: 'file:../nodes/FuseUniversal/fuseUniversal.svg', dark: 'file:../nodes/FuseUniversal/fuseUniversal.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-crm-bridge/n8n-nodes-crm-bridge#fuse-universal';

	properties: INodeProperties[] = [
		{ displayName: 'Instance URL', name: 'baseUrl', type: 'string', default: '', required: true, placeholder: 'https://yourcompany.fuseuniversal.com', description: 'Your Fuse address, or its custom domain' },
		{ displayName: 'API Version', name: 'apiVersion', type: 'string', default: 'v5.0', description: 'Version segment of the API path. Session tokens need v5.0 or later.' },
		{ displayName: 'Login Name', name: 'loginName', type: 'string', default: '', required: true, description: 'Username or email. Managing users needs an admin account.' },
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'Login Body Format',
			name: 'loginFormat',
			type: 'options',
			options: [
				{ name: 'JSON', value: 'json' },
				{ name: 'Form', value: 'form' },
			],
			default: 'json',
			description: 'Switch to Form only if your Fuse instance rejects the JSON login (HTTP 400 or 415)',
		},
		{ displayName: 'Auth Token', name: 'authToken', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { authToken: await fuseLogin.call(this, credentials) };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { 'Auth-Token': '={{$credentials.authToken}}' } },
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: fuseApiRootExpression,
			url: '/users/me',
		},
	};
}
