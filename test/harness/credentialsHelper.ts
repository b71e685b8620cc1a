/**
 * A credentials helper that mirrors n8n 2.40.7's CLI `dist/credentials-helper.js`, so nodes run
 * through n8n-core's real request path (httpRequestWithAuthentication, 401 → re-login → resend).
 *
 * Where it differs from real n8n (the real-n8n e2e tier is the judge for these):
 * - credentials live in memory, unencrypted; "persisting" a refreshed token writes to that memory;
 * - expressions inside credential fields are not resolved;
 * - the "Allowed HTTP Request Domains" restriction is not applied to preAuthentication calls;
 * - the credential-test "force a fresh login" branch (noOp node) is not reproduced.
 */
import { ICredentialsHelper, NodeHelpers } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	ICredentials,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeParameters,
	INodeProperties,
	IRequestOptionsSimplified,
	Workflow,
} from 'n8n-workflow';

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
	data: ICredentialDataDecryptedObject;
}

export class TestCredentialsHelper extends ICredentialsHelper {
	readonly store = new Map<string, StoredCredential>();
	/** Every preAuthentication call n8n-core asked for, and whether it ran the hook. */
	readonly preAuthCalls: Array<{ type: string; expired: boolean; ran: boolean }> = [];

	constructor(private readonly types: Map<string, ICredentialType>) {
		super();
	}

	private type(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`Unknown credential type ${name}`);
		return type;
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	async getDecrypted(_additionalData: unknown, nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
		const stored = this.store.get(nodeCredentials.id ?? '');
		if (!stored || stored.type !== type) throw new Error(`No stored credential ${nodeCredentials.id} of type ${type}`);
		const withDefaults = NodeHelpers.getNodeParameters(this.type(type).properties, structuredClone(stored.data) as INodeParameters, true, false, null, null);
		return withDefaults as ICredentialDataDecryptedObject;
	}

	async getCredentials(nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentials> {
		const stored = this.store.get(nodeCredentials.id ?? '');
		return { id: stored?.id, name: stored?.name, type, getData: () => structuredClone(stored?.data ?? {}) } as unknown as ICredentials;
	}

	async updateCredentials(nodeCredentials: INodeCredentialsDetails, type: string, data: ICredentialDataDecryptedObject): Promise<void> {
		const stored = this.store.get(nodeCredentials.id ?? '');
		if (stored && stored.type === type) stored.data = structuredClone(data);
	}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const { authenticate } = this.type(typeName);
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions as IHttpRequestOptions;
		const options = requestOptions as unknown as Record<string, Record<string, string>>;
		options.headers ??= {};
		for (const [outerKey, inner] of Object.entries(authenticate.properties)) {
			for (const [key, value] of Object.entries(inner as Record<string, string>)) {
				options[outerKey] ??= {};
				options[outerKey][this.resolve(key, credentials, workflow, node)] = this.resolve(value, credentials, workflow, node);
			}
		}
		return options as unknown as IHttpRequestOptions;
	}

	private resolve(value: string, credentials: ICredentialDataDecryptedObject, workflow?: Workflow, node?: INode): string {
		if (typeof value !== 'string' || !value.startsWith('=')) return value;
		if (!workflow || !node) throw new Error('Workflow and node are required for declarative credential authentication');
		const resolved = workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials: credentials }, undefined, '');
		return resolved ? String(resolved) : '';
	}

	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		const expirable = type.properties.find((property) => property.type === 'hidden' && property.typeOptions?.expirable === true);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		const ran = credentials[expirable.name] === '' || credentialsExpired;
		this.preAuthCalls.push({ type: typeName, expired: credentialsExpired, ran });
		if (!ran) return undefined;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined || !node.credentials) return undefined;
		const stored = this.store.get(node.credentials[typeName]?.id ?? '');
		if (stored) stored.data = { ...stored.data, ...output } as ICredentialDataDecryptedObject;
		return Object.assign(credentials, output);
	}

	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		const type = this.type(typeName);
		if (typeof type.preAuthentication !== 'function') return undefined;
		return ((await type.preAuthentication.call(helpers, credentials)) as ICredentialDataDecryptedObject) ?? undefined;
	}
}
