/**
 * A throw-away token provider used to test the shared kernel through n8n-core:
 * a credential that logs in with preAuthentication (via the kernel's single-flight login)
 * and a node that sends whatever request its parameters describe.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestHelper,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { runItems } from '../../nodes/shared/actions/runItems';
import { providerRequest } from '../../nodes/shared/transport/request';
import { expectJsonFor } from '../../nodes/shared/transport/answer';
import { loginForToken } from '../../nodes/shared/transport/login';
import type { ProviderSpec } from '../../nodes/shared/transport/types';

export class ProbeApi implements ICredentialType {
	name = 'probeApi';
	displayName = 'Probe API';
	properties: ICredentialType['properties'] = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string', default: '' },
		{ displayName: 'User', name: 'user', type: 'string', default: '' },
		{ displayName: 'Password', name: 'password', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Token', name: 'token', type: 'hidden', typeOptions: { expirable: true, password: true }, default: '' },
	];

	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const token = await loginForToken(this.helpers, {
			providerName: 'Probe',
			identity: [credentials.baseUrl, credentials.user, credentials.password],
			currentToken: credentials.token,
			request: { method: 'POST', url: `${String(credentials.baseUrl)}/login`, body: { user: credentials.user, password: credentials.password } },
			readToken: (json) => (json as { token?: unknown })?.token,
			refusal: (status, json) => {
				if (status === 401) return `user or password wrong (HTTP ${status})`;
				const error = (json as { error?: unknown })?.error;
				return error === 'invalid_credentials' ? `the server says ${error}` : undefined;
			},
			urlHint: 'check the base URL',
			secrets: [credentials.password],
		});
		return { token };
	}

	authenticate = {
		type: 'generic' as const,
		properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
	};
}

export const probeSpec: ProviderSpec = {
	displayName: 'Probe',
	credentialType: 'probeApi',
	apiBase: (credentials) => ({ root: String(credentials.baseUrl) }),
	explainStatus: () => undefined,
	loginIdentity: (credentials) => [credentials.baseUrl, credentials.user, credentials.password],
	bodyError: (answer) => {
		const record = answer.json as { error?: string } | undefined;
		return record?.error ? { message: `Probe reported: ${record.error}` } : undefined;
	},
	isRateLimited: (status) => status === 409,
	secretFields: ['password', 'token'],
};

export class Probe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Probe',
		name: 'probe',
		group: ['transform'],
		version: 1,
		description: 'Kernel probe',
		defaults: { name: 'Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'probeApi', required: true }],
		properties: [
			{ displayName: 'Method', name: 'method', type: 'string', default: 'GET' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '/things' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runItems.call(this, async function (this: IExecuteFunctions, i: number) {
			const method = this.getNodeParameter('method', i) as IHttpRequestMethods;
			const path = this.getNodeParameter('path', i) as string;
			return (await providerRequest.call(this, probeSpec, { method, path, expect: expectJsonFor(method) })) as never;
		});
	}
}
