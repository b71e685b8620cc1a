import type { ResourceTable } from '../../shared/actions/router';
import * as apiRequest from './apiRequest';
import * as booking from './booking';
import * as checkin from './checkin';
import * as coworker from './coworker';
import * as invoice from './invoice';
import * as product from './product';
import * as resource from './resource';
import * as team from './team';
import * as webhook from './webhook';

export const nexudusResources: ResourceTable = { apiRequest, booking, checkin, coworker, invoice, product, resource, team, webhook };
