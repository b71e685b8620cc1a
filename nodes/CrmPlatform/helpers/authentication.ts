import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

/** Both CRM Platform nodes offer the login credential or a pasted JWT. */
export const crmPlatformCredentials: INodeCredentialDescription[] = [
	{ name: 'crmPlatformApi', required: true, displayOptions: { show: { authentication: ['credentials'] } } },
	{ name: 'crmPlatformJwtApi', required: true, displayOptions: { show: { authentication: ['jwt'] } } },
];

export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'Username and Password', value: 'credentials', description: 'Logs in and renews the token by itself' },
		{ name: 'Pasted JWT', value: 'jwt', description: 'A token you already have; paste a new one when it expires' },
	],
	default: 'credentials',
};
