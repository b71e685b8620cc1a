import type { INodeProperties } from 'n8n-workflow';

import type { ItemOperation } from '../../shared/actions/runItems';
import { operationSelector } from '../../shared/descriptions/fields';
import { expectObject } from '../../shared/transport/answer';
import { crmPlatformRequest } from '../transport';

export const operations: Record<string, ItemOperation> = {
	getMe: async function () {
		return await crmPlatformRequest.call(this, 'GET', '/users/me', expectObject('id', 'username'));
	},
};

export const description: INodeProperties[] = [operationSelector('user', [{ name: 'Get Current User', value: 'getMe', action: 'Get the current user' }])];
