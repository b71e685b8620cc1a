import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	IHttpRequestOptions,
	Icon,
	IDataObject,
	INodeProperties,
} from 'n8n-workflow';

import { faveoLogin } from '../nodes/FaveoHelpdesk/transport/login';

export class FaveoHelpdeskApi implements ICredentialType {
	name = 'faveoHelpdeskApi';

	displayName = 'Faveo Helpdesk API';

	icon: Icon = { light: 'file:../nodes/FaveoHelpdesk/faveoHelpdesk.svg', dark: 'file:../nodes/FaveoHelpdesk/faveoHelpdesk.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-crm-bridge/n8n-nodes-crm-bridge#faveo-helpdesk';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://help.example.com/public',
			description: 'Address of the Faveo installation, including any sub-path such as /public',
		},
		{ displayName: 'Username or Email', name: 'username', type: 'string', default: '', required: true },
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '', required: true },
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only if the admin made the API key mandatory (Admin → API). Sent with every request when set.',
		},
		{
			displayName: 'Token Placement',
			name: 'placement',
			type: 'options',
			options: [
				{ name: 'Authorization Header (Bearer)', value: 'header' },
				{ name: 'Query Parameter (?token=)', value: 'query', description: 'Only for servers that strip the Authorization header; the token then appears in server logs' },
			],
			default: 'header',
		},
		{ displayName: 'Token', name: 'token', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		return { token: await faveoLogin.call(this, credentials) };
	}

	/** A function, not the generic form, so an empty API key is not sent as `api_key=`. */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const options: IHttpRequestOptions = { ...requestOptions, headers: { ...requestOptions.headers }, qs: { ...requestOptions.qs } };
		if (credentials.placement === 'query') (options.qs as IDataObject).token = credentials.token;
		else (options.headers as IDataObject).Authorization = `Bearer ${String(credentials.token)}`;
		if (credentials.apiKey) {
			const body = options.body;
			if (options.method && options.method !== 'GET' && body && typeof body === 'object' && !Array.isArray(body)) {
				options.body = { ...(body as IDataObject), api_key: credentials.apiKey };
			} else {
				(options.qs as IDataObject).api_key = credentials.apiKey;
			}
		}
		return options;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.trim().replace(/\\/+$/, "")}}/api',
			url: '/v1/authenticate/user',
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'error', value: 'token_expired', message: 'The token expired: test again' } },
			{ type: 'responseSuccessBody', properties: { key: 'result', value: 'wrong api key', message: 'The API key is wrong' } },
			{ type: 'responseSuccessBody', properties: { key: 'result', value: 'please enable api', message: 'The API is disabled: enable it under Admin → API' } },
		],
	};
}
