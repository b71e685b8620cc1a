import { apiRequestOperation } from '../../shared/actions/apiRequest.operation';
import type { OperationTable } from '../../shared/actions/router';
import { laravelPages } from '../../shared/transport/pagination';
import { V1_PAGE_SIZE } from '../transport';
import { faveoSpec } from '../transport/spec';
import { agentOperations, collaboratorOperations, customerOperations, teamOperations } from './people';
import { ticketOperations } from './ticket';

export const faveoOperations: OperationTable = {
	ticket: ticketOperations,
	customer: customerOperations,
	agent: agentOperations,
	team: teamOperations,
	collaborator: collaboratorOperations,
	apiRequest: { send: apiRequestOperation(faveoSpec, { strategy: laravelPages(), pageSize: V1_PAGE_SIZE }) },
};
