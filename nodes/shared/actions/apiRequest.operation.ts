import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { expectJsonFor } from '../transport/answer';
import { resolveApiPath } from '../transport/apiPath';
import type { PagingStrategy } from '../transport/pagination';
import { credentialFacts, providerPages, providerRequest } from '../transport/request';
import type { ProviderSpec } from '../transport/types';
import type { ItemOperation, ItemResult } from './runItems';

function parseBody(this: IExecuteFunctions, raw: unknown, itemIndex: number): IDataObject | undefined {
	if (raw === '' || raw === undefined || raw === null) return undefined;
	if (typeof raw === 'object') return raw as IDataObject;
	try {
		return JSON.parse(String(raw)) as IDataObject;
	} catch {
		throw new NodeOperationError(this.getNode(), 'JSON Body is not valid JSON', { itemIndex });
	}
}

function asOutput(body: unknown, tidy: (record: IDataObject) => IDataObject): ItemResult {
	if (Array.isArray(body)) return (body as IDataObject[]).map(tidy);
	if (body && typeof body === 'object') return tidy(body as IDataObject);
	return { response: body === undefined ? null : (body as string) };
}

/** The generic "API Request" operation: any method and path under the credential's own API base. */
export function apiRequestOperation(
	specOf: (context: IExecuteFunctions) => ProviderSpec,
	paging?: { strategy: PagingStrategy; pageSize: number },
	tidy: (record: IDataObject) => IDataObject = (record) => record,
): ItemOperation {
	return async function (this: IExecuteFunctions, itemIndex: number): Promise<ItemResult> {
		const spec = specOf(this);
		const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
		const rawPath = this.getNodeParameter('path', itemIndex) as string;
		const { base } = await credentialFacts.call(this, spec);
		const target = resolveApiPath(base, rawPath);
		if ('refused' in target) throw new NodeOperationError(this.getNode(), target.refused, { itemIndex });
		const refusal = spec.forbiddenPath?.(method, target.decodedPath);
		if (refusal) throw new NodeOperationError(this.getNode(), refusal, { itemIndex });
		const pairs = this.getNodeParameter('queryParameters.parameter', itemIndex, []) as Array<{ name: string; value: string }>;
		const qs: IDataObject = { ...target.qs };
		for (const { name, value } of pairs) if (name) qs[name] = value;
		if (paging && method === 'GET' && this.getNodeParameter('returnAllPages', itemIndex, false)) {
			const records = await providerPages.call(this, spec, { path: target.path, qs, strategy: paging.strategy, pageSize: paging.pageSize });
			return records.map(tidy);
		}
		const body = method === 'GET' ? undefined : parseBody.call(this, this.getNodeParameter('jsonBody', itemIndex, ''), itemIndex);
		return asOutput(await providerRequest.call(this, spec, { method, path: target.path, qs, body, expect: expectJsonFor(method) }), tidy);
	};
}
