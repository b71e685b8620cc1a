import type {
	IAuthenticateGeneric,
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { fluentPingUrlExpression } from '../nodes/FluentCrm/transport/url';

const REST_STYLE_ADVICE = 'switch REST Style to "?rest_route=" (sites without pretty permalinks), or check the WordPress Site URL (https, www, sub-folder)';

const statusRules: IAuthenticateRuleResponseCode[] = [
	{
		type: 'responseCode',
		properties: {
			value: 401,
			message: 'WordPress rejected the username or application password (or application passwords need HTTPS on this site)',
		},
	},
	{
		type: 'responseCode',
		properties: { value: 403, message: 'The account has no FluentCRM access: on free FluentCRM only administrators may use the API' },
	},
	{
		type: 'responseCode',
		properties: { value: 404, message: `FluentCRM was not found at this site URL: check that FluentCRM is active, or ${REST_STYLE_ADVICE}` },
	},
];

/**
 * FluentCRM answers the ping with `{"message":"pong"}`; a web page or an empty answer has no "message".
 * A site that does not route the REST address redirects it to one of its pages, which answers 200: the
 * Test follows the redirect and fails here (n8n 1.x cannot word a 3xx refusal itself).
 */
const pongRule: IAuthenticateRuleResponseSuccessBody = {
	type: 'responseSuccessBody',
	properties: {
		key: 'message',
		value: undefined,
		message: `The site answered, but not with FluentCRM’s API (a web page or an empty answer): ${REST_STYLE_ADVICE}`,
	},
};

export class FluentCrmApi implements ICredentialType {
	name = 'fluentCrmApi';

	displayName = 'FluentCRM API';

	icon: Icon = { light: 'file:../nodes/FluentCrm/fluentCrm.svg', dark: 'file:../nodes/FluentCrm/fluentCrm.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-crm-bridge/n8n-nodes-crm-bridge#fluentcrm';

	properties: INodeProperties[] = [
		{
			displayName: 'WordPress Site URL',
			name: 'siteUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://example.com',
			description: 'The address of the WordPress site, including any sub-folder (https://example.com/blog)',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'WordPress login name (or email) of the account the application password belongs to',
		},
		{
			displayName: 'Application Password',
			name: 'applicationPassword',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'A WordPress application password (Users → Profile → Application Passwords, or FluentCRM → Settings → REST API). Not the normal login password. Spaces may be kept or removed.',
		},
		{
			displayName: 'REST Style',
			name: 'restStyle',
			type: 'options',
			options: [
				{ name: 'Pretty Permalinks (/wp-json)', value: 'wpJson' },
				{ name: 'Query Parameter (?rest_route=)', value: 'restRoute' },
			],
			default: 'wpJson',
			description: 'Use the query-parameter style for sites without pretty permalinks or whose /wp-json path is blocked',
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the site’s TLS certificate cannot be validated (self-signed test sites)',
		},
		{
			displayName:
				'WordPress accepts application passwords only over HTTPS (or on sites marked as local). If correct credentials still get 401, the host may strip the Authorization header: pass HTTP_AUTHORIZATION through in .htaccess.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			auth: {
				username: '={{$credentials.username}}',
				password: '={{$credentials.applicationPassword}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			url: fluentPingUrlExpression,
			headers: { Accept: 'application/json' },
			skipSslCertificateValidation: '={{$credentials.ignoreSslIssues}}',
		},
		// n8n's credential tester reads one list holding both kinds of rule (its type offers one kind per list).
		rules: [...statusRules, pongRule] as unknown as IAuthenticateRuleResponseCode[],
	};
}
