import type { ResourceTable } from '../../shared/actions/router';
import * as agent from './agent';
import * as apiRequest from './apiRequest';
import * as collaborator from './collaborator';
import * as customer from './customer';
import * as team from './team';
import * as ticket from './ticket';

export const faveoResources: ResourceTable = { agent, apiRequest, collaborator, customer, team, ticket };
