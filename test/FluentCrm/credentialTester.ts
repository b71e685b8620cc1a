/**
 * The credential Test button, run as n8n 2.40.7's CredentialsTester.runRequestTest runs it
 * (n8n/dist/services/credentials-tester.service.js): the credential's `test.request` becomes the
 * routing request of a throw-away declarative node, n8n-core's RoutingNode sends it with the
 * credential's authentication, and then the `rules` are read the same way — responseCode rules
 * on an HTTP error, responseSuccessBody rules (lodash `get(body, key) === value`) on a success.
 */
import { ExecuteContext, RoutingNode } from 'n8n-core';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject, ICredentialType, INode, INodeType, INodeTypes, IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import { NodeHarness } from '../harness/runNode';

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
	/** The requests' answer status when the Test failed on one, as the tester saw it. */
	statusCode?: number;
}

type TesterError = { message: string; cause?: { code?: string; response?: { status: number; statusText?: string } } };

interface Rule {
	type: 'responseCode' | 'responseSuccessBody';
	properties: { value: unknown; message: string; key?: string };
}

/** lodash `get` for a dotted path, as the tester applies it (a string body has no "message"). */
const get = (value: unknown, path: string): unknown =>
	path.split('.').reduce<unknown>((current, part) => (current === null || current === undefined ? undefined : (current as Record<string, unknown>)[part]), value);

function probeNode(credential: ICredentialType): INodeType {
	return {
		description: {
			displayName: 'Credential Test',
			name: 'credentialTestProbe',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp-Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credential.name, required: true }],
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', routing: { request: credential.test!.request }, default: '' }],
		},
	} as unknown as INodeType;
}

async function runTestRequest(credential: ICredentialType, data: ICredentialDataDecryptedObject): Promise<{ body?: unknown; error?: TesterError }> {
	const nodeType = probeNode(credential);
	const harness = new NodeHarness([nodeType], [credential]);
	const id = harness.addCredential(credential.name, data);
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credential.name]: { id, name: `${credential.name} test` } },
	};
	const nodeTypes: INodeTypes = { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const base = 'http://127.0.0.1:5678';
	const additionalData = {
		credentialsHelper: harness.credentialsHelper,
		executionId: 'credential-test',
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: `${base}/`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		variables: {},
	} as unknown as IWorkflowExecuteAdditionalData;
	// The tester applies the credential's defaults before the request (applyDefaultsAndOverwrites).
	const decrypted = await harness.credentialsHelper.getDecrypted(additionalData, { id, name: '' }, credential.name);
	const context = new ExecuteContext(workflow, node, additionalData, 'internal', createRunExecutionData(), 0, [], { main: [[{ json: {} }]] }, { node, data: {}, source: null }, []);
	try {
		const response = await new RoutingNode(context, nodeType, { id, name: '', type: credential.name, data: decrypted }).runNode();
		return { body: response?.[0]?.[0]?.json };
	} catch (error) {
		return { error: error as TesterError };
	}
}

export async function testCredential(credential: ICredentialType, data: ICredentialDataDecryptedObject): Promise<CredentialTestResult> {
	const { body, error } = await runTestRequest(credential, data);
	const rules = (credential.test?.rules ?? []) as unknown as Rule[];
	if (error) {
		const response = error.cause?.response;
		if (response) {
			const rule = rules.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === response.status);
			if (rule) return { status: 'Error', message: rule.properties.message, statusCode: response.status };
			if (response.status < 199 || response.status > 299) {
				return { status: 'Error', message: response.statusText || `Received HTTP status code: ${response.status}`, statusCode: response.status };
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message };
	}
	for (const rule of rules) {
		if (rule.type === 'responseSuccessBody' && get(body, rule.properties.key ?? '') === rule.properties.value) return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}
