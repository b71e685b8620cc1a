import type { ResourceTable } from '../../shared/actions/router';
import * as apiRequest from './apiRequest';
import * as campaign from './campaign';
import * as company from './company';
import * as contact from './contact';
import * as customField from './customField';
import * as list from './list';
import * as tag from './tag';
import * as webhook from './webhook';

export const fluentCrmResources: ResourceTable = { apiRequest, campaign, company, contact, customField, list, tag, webhook };
