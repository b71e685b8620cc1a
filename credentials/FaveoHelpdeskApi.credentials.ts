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
import { faveoApiRootExpression } from '../nodes/FaveoHelpdesk/transport/url';

/** Faveo 2's ticket list answers an empty list when its query carries `api_key`. */
const isV2TicketList = (url: string | undefined) => /\/api\/v2\//.test(String(url ?? ''));

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
			description: 'Only if the admin made the API key mandatory (Admin → API). Sent in the login and in the body of every POST request, never in URLs unless the option below is on.',
		},
		{
			displayName: 'Server Checks the API Key on Every Request',
			name: 'keyInGetQueries',
			type: 'boolean',
			default: false,
			description:
				'Whether to add the API key to the query of GET requests too. Only for servers changed to check it there: stock Faveo (1.9 and 2.x) does not, and the key would land in every access log. The 2.x ticket list never gets it, because it answers an empty list when its query has a key.',
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

	/** A function, not the generic form: the API key goes only where it is needed, and an empty one nowhere. */
	async authenticate(credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
		const options: IHttpRequestOptions = { ...requestOptions, headers: { ...requestOptions.headers }, qs: { ...requestOptions.qs } };
		if (credentials.placement === 'query') (options.qs as IDataObject).token = credentials.token;
		else (options.headers as IDataObject).Authorization = `Bearer ${String(credentials.token)}`;
		if (!credentials.apiKey) return options;
		const body = options.body;
		if (options.method && options.method !== 'GET' && body && typeof body === 'object' && !Array.isArray(body) && !(body instanceof URLSearchParams)) {
			options.body = { ...(body as IDataObject), api_key: credentials.apiKey };
		} else if (credentials.keyInGetQueries === true && !isV2TicketList(options.url)) {
			(options.qs as IDataObject).api_key = credentials.apiKey;
		}
		return options;
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: faveoApiRootExpression,
			url: '/v1/authenticate/user',
		},
		rules: [
			{ type: 'responseSuccessBody', properties: { key: 'error', value: 'token_expired', message: 'The token expired: test again' } },
			{ type: 'responseSuccessBody', properties: { key: 'result', value: 'wrong api key', message: 'The API key is wrong' } },
			{ type: 'responseSuccessBody', properties: { key: 'result', value: 'please enable api', message: 'The API is disabled: enable it under Admin → API' } },
		],
	};
}
