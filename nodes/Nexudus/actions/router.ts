import { apiRequestOperation } from '../../shared/actions/apiRequest.operation';
import type { OperationTable } from '../../shared/actions/router';
import { hasNextPagePages } from '../../shared/transport/pagination';
import { PAGE_SIZE } from '../transport';
import { nexudusSpec } from '../transport/spec';
import { entities } from './catalog';
import { upsertCoworker } from './coworker';
import { entityOperations } from './entity';
import { webhook } from './webhook';

export const nexudusOperations: OperationTable = {
	...Object.fromEntries([...entities, webhook].map((entity) => [entity.resource, entityOperations(entity)])),
	apiRequest: { send: apiRequestOperation(nexudusSpec, { strategy: hasNextPagePages(), pageSize: PAGE_SIZE }) },
};
nexudusOperations.coworker.upsert = upsertCoworker;
