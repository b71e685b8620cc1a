/**
 * Runs one of our nodes inside n8n-core's real execution path (WorkflowExecute → ExecuteContext →
 * request helpers), with the in-memory credentials helper. No n8n request function is mocked.
 */
import { ExecutionLifecycleHooks, HookContext, LoadOptionsContext, PollContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import { Workflow, createRunExecutionData } from 'n8n-workflow';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHookFunctions,
	ILoadOptionsFunctions,
	IPollFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import { TestCredentialsHelper } from './credentialsHelper';

export interface RunOptions {
	parameters: INodeParameters;
	items?: IDataObject[];
	/** Credential type → stored credential id. */
	credentials: Record<string, string>;
	continueOnFail?: boolean;
}

export interface RunError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
	context?: IDataObject;
}

export interface RunResult {
	items: INodeExecutionData[];
	error?: RunError;
	run: IRun;
}

let executionCounter = 0;

export class NodeHarness {
	readonly credentialsHelper: TestCredentialsHelper;
	private readonly nodeTypes: INodeTypes;
	private readonly register: (node: INodeType) => void;

	constructor(
		private readonly nodes: INodeType[],
		credentialTypes: ICredentialType[],
	) {
		this.credentialsHelper = new TestCredentialsHelper(new Map(credentialTypes.map((type) => [type.name, type])));
		const byName = new Map(nodes.map((node) => [node.description.name, node]));
		this.register = (node) => byName.set(node.description.name, node);
		this.nodeTypes = {
			getByName: (name) => this.lookup(byName, name),
			getByNameAndVersion: (name) => this.lookup(byName, name),
			getKnownTypes: () => ({}),
		};
	}

	private lookup(byName: Map<string, INodeType>, name: string): INodeType {
		const node = byName.get(name);
		if (!node) throw new Error(`Unknown node type ${name}`);
		return node;
	}

	addCredential(type: string, data: ICredentialDataDecryptedObject, id = `cred-${type}-${this.credentialsHelper.store.size + 1}`): string {
		this.credentialsHelper.store.set(id, { id, name: `${type} test`, type, data: structuredClone(data) });
		return id;
	}

	credentialData(id: string): ICredentialDataDecryptedObject {
		return structuredClone(this.credentialsHelper.store.get(id)?.data ?? {});
	}

	private buildNode(options: Pick<RunOptions, 'parameters' | 'credentials' | 'continueOnFail'>, nodeType: INodeType): INode {
		const description = nodeType.description;
		return {
			id: 'node-under-test',
			name: description.defaults.name ?? description.displayName,
			type: description.name,
			typeVersion: Array.isArray(description.version) ? description.version[description.version.length - 1] : description.version,
			position: [0, 0],
			parameters: options.parameters,
			continueOnFail: options.continueOnFail ?? false,
			credentials: Object.fromEntries(
				Object.entries(options.credentials).map(([type, id]) => [type, { id, name: `${type} test` }]),
			),
		};
	}

	private buildWorkflow(node: INode): Workflow {
		return new Workflow({ id: 'harness', nodes: [node], connections: {}, nodeTypes: this.nodeTypes, active: false, settings: { executionOrder: 'v1' } });
	}

	private additionalData(node: INode, executionId: string): IWorkflowExecuteAdditionalData {
		const hooks = new ExecutionLifecycleHooks('manual', executionId, {
			id: 'harness',
			name: 'harness',
			active: false,
			activeVersionId: null,
			isArchived: false,
			nodes: [node],
			connections: {},
			createdAt: new Date(),
			updatedAt: new Date(),
		});
		const base = 'http://127.0.0.1:5678';
		return {
			credentialsHelper: this.credentialsHelper,
			hooks,
			executionId,
			currentNodeExecutionIndex: 0,
			restApiUrl: `${base}/rest`,
			instanceBaseUrl: `${base}/`,
			webhookBaseUrl: `${base}/webhook`,
			webhookWaitingBaseUrl: `${base}/webhook-waiting`,
			webhookTestBaseUrl: `${base}/webhook-test`,
			formBaseUrl: `${base}/form`,
			formWaitingBaseUrl: `${base}/form-waiting`,
			formTestBaseUrl: `${base}/form-test`,
			mcpBaseUrl: `${base}/mcp`,
			mcpTestBaseUrl: `${base}/mcp-test`,
			variables: {},
			getRunExecutionData: async () => undefined,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/** Evaluates an n8n expression (e.g. a credential's test URL) the way n8n resolves credential expressions. */
	resolveExpression(value: string, additionalKeys: IDataObject): unknown {
		const node = this.buildNode({ parameters: {}, credentials: {} }, this.nodes[0]);
		return this.buildWorkflow(node).expression.getSimpleParameterValue(node, value, 'internal', additionalKeys, undefined, '');
	}

	/**
	 * A trigger node in one long-lived workflow (so its static data persists between polls),
	 * with real n8n-core poll and webhook-lifecycle contexts.
	 */
	trigger(options: Pick<RunOptions, 'parameters' | 'credentials'>, nodeType: INodeType) {
		this.register(nodeType);
		const node = { ...this.buildNode(options, nodeType), webhookId: 'c0ffee00-0000-4000-8000-000000000001' };
		const workflow = this.buildWorkflow(node);
		const additionalData = () => this.additionalData(node, `harness-${++executionCounter}`);
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription: nodeType.description.webhooks?.[0],
			workflowId: 'harness',
			webhookId: node.webhookId,
		};
		return {
			workflow,
			staticData: () => workflow.staticData as IDataObject,
			/** Delivers one HTTP request to the node's `webhook()` through n8n-core's WebhookContext. */
			deliver: async (request: { body: unknown; rawBody?: Buffer; headers?: IDataObject; query?: IDataObject }) => {
				const response = { statusCode: 200, body: undefined as unknown };
				const httpResponse = {
					status(code: number) {
						response.statusCode = code;
						return httpResponse;
					},
					json(body: unknown) {
						response.body = body;
						return httpResponse;
					},
				};
				const data = {
					...additionalData(),
					httpRequest: { headers: {}, query: {}, params: {}, ...request },
					httpResponse,
				} as unknown as IWorkflowExecuteAdditionalData;
				const context = new WebhookContext(workflow, node, data, 'trigger', { ...webhookData, workflowExecuteAdditionalData: data } as never, [], null);
				const result = await nodeType.webhook!.call(context);
				return { result, response };
			},
			poll: async (mode: 'trigger' | 'manual' = 'trigger') => {
				const context: IPollFunctions = new PollContext(workflow, node, additionalData(), mode, 'activate');
				return await nodeType.poll!.call(context);
			},
			hook: (): IHookFunctions => {
				const data = additionalData();
				return new HookContext(workflow, node, data, 'trigger', 'activate', { ...webhookData, workflowExecuteAdditionalData: data } as never);
			},
		};
	}

	/** A real n8n-core context for `methods.loadOptions` / `methods.listSearch`. */
	loadOptionsContext(options: Pick<RunOptions, 'parameters' | 'credentials'>, nodeType: INodeType = this.nodes[0]): ILoadOptionsFunctions {
		const node = this.buildNode(options, nodeType);
		return new LoadOptionsContext(this.buildWorkflow(node), node, this.additionalData(node, `harness-${++executionCounter}`), '');
	}

	async run(options: RunOptions, nodeType: INodeType = this.nodes[0]): Promise<RunResult> {
		const node = this.buildNode(options, nodeType);
		const workflow = this.buildWorkflow(node);
		const additionalData = this.additionalData(node, `harness-${++executionCounter}`);
		const items = (options.items ?? [{}]).map((json) => ({ json }));
		const runExecutionData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node, data: { main: [items] }, source: null }] },
		});
		const run = await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(workflow);
		const task = run.data.resultData.runData[node.name]?.[0];
		const error = (task?.error ?? run.data.resultData.error) as RunError | undefined;
		return { items: task?.data?.main?.[0] ?? [], error, run };
	}
}
