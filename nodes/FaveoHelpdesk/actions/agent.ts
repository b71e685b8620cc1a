import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { operationSelector } from '../../shared/descriptions/fields';
import { faveoAnswer, faveoRequest } from '../transport';

export const operations: Record<string, ItemOperation> = {
	getAll: async function () {
		return (await faveoRequest.call(this, 'GET', '/v1/helpdesk/agents', faveoAnswer('result', 'list'))).result as IDataObject[];
	},
};

export const description: INodeProperties[] = [operationSelector('agent', [{ name: 'Get Many', value: 'getAll', action: 'Get many agents' }])];
